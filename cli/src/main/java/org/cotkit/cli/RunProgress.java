package org.cotkit.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;

/**
 * Waits for a running pipeline and shows its progress on stderr from the cotkit counters the
 * pipeline's steps keep: records counted for the bigram model (compress's first pass), read,
 * scored (or labelled), rows written, dead letters, with the rate of finished records and the
 * elapsed time. On a terminal one line is redrawn in place with a bar of the records finished; in a log (CI, a file) a plain line is printed every few seconds instead.
 *
 * <p>A runner whose {@code run()} returns only when the job is done (Flink) shows no progress,
 * only the summary afterwards; the direct runner is started without blocking so it can be polled.
 */
final class RunProgress {

  /** Counters shown, in pipeline order, with the word each is shown by. */
  private static final Map<String, String> SHOWN = new LinkedHashMap<>();

  static {
    SHOWN.put("records_counted", "counted for the model");
    SHOWN.put("records_read", "read");
    SHOWN.put("records_scored", "scored");
    SHOWN.put("records_labelled", "labelled");
    SHOWN.put("rows_written", "rows written");
    SHOWN.put("dead_lettered", "dead-lettered");
  }

  private static final int BAR_WIDTH = 24;

  private final PrintWriter err;
  private final boolean live;
  private final Duration interval;
  private final long startNanos;
  private int lastLineLength;

  /**
   * @param live redraw one line in place (stderr is a terminal) rather than print a line per interval
   */
  RunProgress(PrintWriter err, boolean live, Duration interval, long startNanos) {
    this.err = err;
    this.live = live;
    this.interval = interval;
    this.startNanos = startNanos;
  }

  /** Whether stderr is likely a terminal; Java only tells whether the process has a console. */
  static boolean stderrIsTerminal() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  /** Waits until the pipeline ends, printing progress every interval; returns its final state. */
  PipelineResult.State waitShowingProgress(PipelineResult result) {
    PipelineResult.State state = result.getState();
    while (state == null || !state.isTerminal()) {
      state = result.waitUntilFinish(interval);
      if (state == null || !state.isTerminal()) {
        show(countersOf(result));
      }
    }
    if (live && lastLineLength > 0) {
      err.print("\r" + " ".repeat(lastLineLength) + "\r");
      err.flush();
    }
    return state;
  }

  /** The cotkit counters so far, summed over the steps that keep them; empty if the runner has none yet. */
  static Map<String, Long> countersOf(PipelineResult result) {
    Map<String, Long> counters = new LinkedHashMap<>();
    MetricQueryResults metrics;
    try {
      metrics = result.metrics().queryMetrics(
          MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace("cotkit")).build());
    } catch (UnsupportedOperationException | IllegalStateException e) {
      return counters; // this runner cannot report metrics while it runs
    }
    for (MetricResult<Long> counter : metrics.getCounters()) {
      Long value = counter.getAttempted();
      if (value != null) {
        counters.merge(counter.getName().getName(), value, Long::sum);
      }
    }
    return counters;
  }

  void show(Map<String, Long> counters) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    String line = line(counters, seconds);
    if (live) {
      String bar = bar(counters);
      String text = "\r" + bar + line;
      int length = bar.length() + line.length();
      err.print(text + " ".repeat(Math.max(0, lastLineLength - length)));
      lastLineLength = length;
    } else {
      err.println("cotkit: " + line);
    }
    err.flush();
  }

  /** e.g. {@code read 12,000 · scored 9,500 · rows written 57,000 · dead-lettered 3 · 1,830 records/s · 0:05}. */
  static String line(Map<String, Long> counters, double seconds) {
    StringBuilder line = new StringBuilder();
    for (Map.Entry<String, String> shown : SHOWN.entrySet()) {
      Long value = counters.get(shown.getKey());
      if (value != null || shown.getKey().equals("records_read") || shown.getKey().equals("dead_lettered")) {
        line.append(String.format("%s %,d · ", shown.getValue(), value == null ? 0 : value));
      }
    }
    long done = done(counters);
    line.append(String.format("%,.0f records/s · %s", done / Math.max(seconds, 1e-9), elapsed(seconds)));
    return line.toString();
  }

  /**
   * Records through the record pass: finished (their batch's output written, filtered or
   * dead-lettered), else, from a runner that reports no such counter, scored, labelled or read.
   */
  private static long done(Map<String, Long> counters) {
    for (String name : List.of("records_finished", "records_scored", "records_labelled", "records_read")) {
      if (counters.containsKey(name)) {
        return counters.get(name);
      }
    }
    return 0;
  }

  /**
   * The share of the input finished. The corpus pass, when the command has one, counts every record
   * before the record pass starts, so the bar is full only when the last chunk is written.
   */
  private static String bar(Map<String, Long> counters) {
    long total = Math.max(counters.getOrDefault("records_counted", 0L), counters.getOrDefault("records_read", 0L));
    long done = done(counters);
    double share = total == 0 ? 0 : Math.min(1.0, (double) done / total);
    // rounded, but never up to full: the last cell fills with the last record
    int filled = total > 0 && done >= total ? BAR_WIDTH : Math.min(BAR_WIDTH - 1, (int) Math.round(share * BAR_WIDTH));
    return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] ";
  }

  static String elapsed(double seconds) {
    long whole = (long) seconds;
    return whole >= 3600
        ? String.format("%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
        : String.format("%d:%02d", whole / 60, whole % 60);
  }
}
