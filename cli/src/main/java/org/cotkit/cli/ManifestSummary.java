package org.cotkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.cotkit.pipelines.manifest.WriteManifest;
import org.cotkit.pipelines.report.StatisticsTable;

/** Prints the counts of a finished run from its manifest.json. */
final class ManifestSummary {

  private ManifestSummary() {}

  /**
   * Prints the summary; returns whether the manifest exists, its counts balance and no more records
   * were dead-lettered than --max-error-rate allows.
   */
  static boolean print(String outputDirectory, double seconds, PrintWriter err) {
    ResourceId manifestFile = FileSystems.matchNewResource(outputDirectory, true)
        .resolve(WriteManifest.FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
    JsonNode manifest;
    try (InputStream in = Channels.newInputStream(FileSystems.open(manifestFile))) {
      manifest = new ObjectMapper().readTree(in);
    } catch (FileNotFoundException e) {
      err.printf("cotkit: the run finished but wrote no %s%n", manifestFile);
      return false;
    } catch (IOException e) {
      err.printf("cotkit: cannot read %s: %s%n", manifestFile, e.getMessage());
      return false;
    }
    JsonNode counts = manifest.path("counts");
    long read = counts.path("records_read").asLong();
    err.printf("cotkit: done in %.1f s (%.0f records/s)%n", seconds, read / Math.max(seconds, 1e-9));
    err.printf("  records read      %,d%n", read);
    if (counts.has("rows_written")) {
      err.printf("  records written   %,d  (%,d rows in %s)%n",
          counts.path("records_written").asLong(), counts.path("rows_written").asLong(), outputDirectory + "/data");
    } else {
      err.printf("  records written   %,d  (in %s)%n", counts.path("records_written").asLong(), outputDirectory + "/data");
    }
    err.printf("  dead-lettered     %,d%s%n", counts.path("dead_lettered").asLong(),
        counts.path("dead_lettered").asLong() > 0 ? "  (reasons in " + outputDirectory + "/errors)" : "");
    err.printf("  filtered          %,d%s%n", counts.path("filtered").asLong(), byReason(counts.path("filtered_by_reason")));
    printLabels(manifest.path("labels"), err);
    printExamples(manifest.path("examples"), err);
    printQuality(manifest.path("quality"), err);
    if (Set.of("compress", "build").contains(manifest.path("command").asText())) {
      err.println("  compression       " + compression(manifest));
    }
    for (JsonNode warning : manifest.path("warnings")) {
      err.println("cotkit: warning: " + warning.asText());
    }
    boolean balanced = counts.path("balanced").asBoolean(false);
    if (!balanced) {
      err.println("cotkit: counts do not balance: records were lost; see " + manifestFile);
    }
    JsonNode errorRate = manifest.path("error_rate");
    boolean tooManyErrors = errorRate.path("exceeded").asBoolean(false);
    if (tooManyErrors) {
      err.printf("cotkit: %.2f%% of the records read were dead-lettered, over --max-error-rate %s; the good rows "
              + "are written, the reasons are in %s%n", 100 * errorRate.path("dead_lettered_share").asDouble(),
          errorRate.path("max_error_rate").asText(), outputDirectory + "/errors");
    }
    err.flush();
    return balanced && !tooManyErrors;
  }

  /** What pruning saved and how close it came to γ, from the manifest ('cotkit stats' has the percentiles). */
  static String compression(JsonNode manifest) {
    JsonNode compression = manifest.path("compression");
    if (!compression.has("tokenskip_rows")) {
      return "no TokenSkip rows";
    }
    JsonNode share = compression.path("tokens_saved_share");
    return StatisticsTable.compression(
        share.isNumber() ? OptionalDouble.of(share.asDouble()) : OptionalDouble.empty(),
        compression.path("tokens_saved").asLong(), compression.path("cot_tokens").asLong(),
        manifest.path("options").path("length_unit").asText("words"), compression.path("tokenskip_rows").asLong(),
        OptionalDouble.of(compression.path("mean_abs_error").asDouble()));
  }

  /** {@code  (12 blank line, 3 incorrect)}, or nothing when no record was filtered. */
  static String byReason(JsonNode reasons) {
    StringBuilder out = new StringBuilder();
    reasons.fields().forEachRemaining(reason -> out.append(out.length() == 0 ? "  (" : ", ")
        .append(String.format("%,d", reason.getValue().asLong())).append(' ')
        .append(reason.getKey().replace('_', ' ')));
    return out.length() == 0 ? "" : out.append(')').toString();
  }

  /** Shares of verdicts, difficulty and deciding policy, and the budget quantiles, of labelled records. */
  private static void printLabels(JsonNode labels, PrintWriter err) {
    if (labels.isMissingNode()) {
      return;
    }
    err.printf("  verified          %s%n", shares(labels.path("verified")));
    err.printf("  difficulty        %s%n", shares(labels.path("difficulty")));
    err.printf("  decided by        %s%n", shares(labels.path("decided_by")));
    JsonNode budget = labels.path("token_budget");
    if (budget.path("count").asLong() > 0) {
      err.printf("  token budget      median %d, p10 %d, p90 %d, min %d, max %d, mean %.1f  (%,d without one)%n",
          budget.path("median").asLong(), budget.path("p10").asLong(), budget.path("p90").asLong(),
          budget.path("min").asLong(), budget.path("max").asLong(), budget.path("mean").asDouble(),
          budget.path("missing").asLong());
    } else {
      err.printf("  token budget      none (no graded teacher samples)%n");
    }
  }

  private static void printExamples(JsonNode examples, PrintWriter err) {
    if (examples.isMissingNode()) {
      return;
    }
    err.printf("  rows by mode      %s%n", shares(examples.path("mode")));
    err.printf("  rows by split     %s%n", shares(examples.path("split")));
    if (examples.has("adaptive_skipped")) {
      err.printf("  no adaptive row   %s%n", shares(examples.path("adaptive_skipped")));
    }
  }

  /**
   * One line per ratio of what a reader can still follow (README: Quality figures):
   * {@code γ 0.5   numbers 100.0%  equations 87.5%  pairs 63.9%  fillers 23.1% vs content 37.6%  2.2 words a run}.
   */
  private static void printQuality(JsonNode quality, PrintWriter err) {
    if (quality.isMissingNode() || quality.isEmpty()) {
      return;
    }
    err.println("  quality           kept share by γ: numbers, equations with every operator, LaTeX pairs whole, "
        + "fillers vs content words; words a kept run");
    quality.fields().forEachRemaining(ratio -> {
      JsonNode figures = ratio.getValue();
      err.printf("    γ %-5s numbers %s  equations %s  pairs %s  fillers %s vs content %s  %s words a run%n",
          ratio.getKey(), percent(figures.path("numbers_kept")), percent(figures.path("equations_intact")),
          percent(figures.path("latex_pairs_balanced")), percent(figures.path("fillers_kept")),
          percent(figures.path("content_words_kept")),
          figures.path("words_per_kept_run").path("value").isNumber()
              ? String.format(Locale.ROOT, "%.1f", figures.path("words_per_kept_run").path("value").asDouble()) : "-");
    });
  }

  /** "57.1%", or "-" where there was nothing to count. */
  private static String percent(JsonNode figure) {
    JsonNode value = figure.path("value");
    return value.isNumber() ? String.format(Locale.ROOT, "%.1f%%", 100 * value.asDouble()) : "-";
  }

  /** "simple 120 (60.0%), complex 80 (40.0%)". */
  static String shares(JsonNode counts) {
    long total = 0;
    for (JsonNode n : counts) {
      total += n.asLong();
    }
    StringBuilder line = new StringBuilder();
    var fields = counts.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (line.length() > 0) {
        line.append(", ");
      }
      line.append(String.format("%s %,d (%.1f%%)", field.getKey(), field.getValue().asLong(),
          100.0 * field.getValue().asLong() / Math.max(total, 1)));
    }
    return line.length() == 0 ? "-" : line.toString();
  }
}
