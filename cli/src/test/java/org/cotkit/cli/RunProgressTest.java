package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricKey;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** Progress lines from the counters of a running pipeline. */
class RunProgressTest {

  /** A pipeline that runs for three polls, its counters growing at each. */
  private static final class ThreePollPipeline implements PipelineResult {
    private int polls;

    @Override
    public State getState() {
      return polls < 3 ? State.RUNNING : State.DONE;
    }

    @Override
    public State waitUntilFinish(Duration duration) {
      polls++;
      return getState() == State.DONE ? State.DONE : null;
    }

    @Override
    public State waitUntilFinish() {
      polls = 3;
      return State.DONE;
    }

    @Override
    public State cancel() {
      return State.CANCELLED;
    }

    @Override
    public MetricResults metrics() {
      return new MetricResults() {
        @Override
        public MetricQueryResults queryMetrics(MetricsFilter filter) {
          List<MetricResult<Long>> counters = new ArrayList<>();
          // the same counter kept by two steps is summed
          counters.add(counter("ReadInput", "records_read", 1000L * polls));
          counters.add(counter("Score", "records_scored", 400L * polls));
          counters.add(counter("Parse", "dead_lettered", 1));
          counters.add(counter("Prune", "dead_lettered", 2));
          return MetricQueryResults.create(counters, List.of(), List.of(), List.of());
        }
      };
    }

    private static MetricResult<Long> counter(String step, String name, long value) {
      return MetricResult.attempted(MetricKey.create(step, MetricName.named("cotkit", name)), value);
    }
  }

  @Test
  void printsOneLinePerPollInALog() {
    StringWriter out = new StringWriter();
    RunProgress progress = new RunProgress(new PrintWriter(out), false, Duration.millis(1), System.nanoTime());
    assertEquals(PipelineResult.State.DONE, progress.waitShowingProgress(new ThreePollPipeline()));
    String[] lines = out.toString().split("\n");
    assertEquals(2, lines.length, out.toString());
    assertTrue(lines[0].startsWith("cotkit: read 1,000 · scored 400 · dead-lettered 3 · "), lines[0]);
    assertTrue(lines[1].startsWith("cotkit: read 2,000 · scored 800 · dead-lettered 3 · "), lines[1]);
  }

  @Test
  void redrawsOneLineWithABarOnATerminalAndClearsIt() {
    StringWriter out = new StringWriter();
    RunProgress progress = new RunProgress(new PrintWriter(out), true, Duration.millis(1), System.nanoTime());
    progress.waitShowingProgress(new ThreePollPipeline());
    String text = out.toString();
    assertFalse(text.contains("\n"), text);
    assertTrue(text.contains("\r[##########--------------] read 1,000 · scored 400"), text);
    assertTrue(text.endsWith("\r"), "the last progress line is cleared before the summary");
  }

  /**
   * The bar and the rate follow the records finished (their batch's output written), not those read
   * or scored, and the bar's whole is the larger of the records counted by the corpus pass and those
   * read, so it fills only when the last record is finished.
   */
  @Test
  void barAndRateFollowTheRecordsFinished() {
    // corpus pass done (1,000 counted), the record pass has read 600 and finished 500
    Map<String, Long> halfway = Map.of("records_counted", 1_000L, "records_read", 600L, "records_scored", 600L,
        "records_finished", 500L);
    assertEquals("[############------------]", bar(halfway));
    assertEquals("counted for the model 1,000 · read 600 · scored 600 · dead-lettered 0 · 50 records/s · 0:10",
        RunProgress.line(halfway, 10));

    // every record read and scored, the last batch not yet written: the bar is not full
    assertEquals("[#######################-]", bar(Map.of("records_counted", 1_000L, "records_read", 1_000L,
        "records_scored", 1_000L, "records_finished", 999L)));
    assertEquals("[########################]", bar(Map.of("records_counted", 1_000L, "records_read", 1_000L,
        "records_scored", 1_000L, "records_finished", 1_000L)));

    // without a corpus pass the records read are the whole; blank lines and dead letters count as finished
    assertEquals("[#######################-]", bar(Map.of("records_read", 200L, "records_finished", 199L,
        "dead_lettered", 5L)));
    assertEquals("[########################]", bar(Map.of("records_read", 200L, "records_finished", 200L,
        "dead_lettered", 5L)));
    // nothing counted or read yet
    assertEquals("[------------------------]", bar(Map.of()));
  }

  /** The bar drawn on a terminal for these counters. */
  private static String bar(Map<String, Long> counters) {
    StringWriter out = new StringWriter();
    new RunProgress(new PrintWriter(out), true, Duration.millis(1), System.nanoTime()).show(counters);
    String text = out.toString();
    assertTrue(text.startsWith("\r["), text);
    return text.substring(1, text.indexOf("] ") + 1);
  }

  @Test
  void lineShowsRateAndElapsedTime() {
    assertEquals("read 12,000 · rows written 60,000 · dead-lettered 0 · 120 records/s · 1:40",
        RunProgress.line(Map.of("records_read", 12_000L, "rows_written", 60_000L), 100));
    assertEquals("1:01:05", RunProgress.elapsed(3665.2));
    assertEquals("counted for the model 5,000 · read 0 · dead-lettered 0 · 0 records/s · 0:04",
        RunProgress.line(Map.of("records_counted", 5_000L), 4));
  }
}
