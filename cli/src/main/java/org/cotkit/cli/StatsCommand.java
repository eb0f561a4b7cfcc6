package org.cotkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.cotkit.pipelines.output.DatasetManifest;
import org.cotkit.pipelines.output.DatasetVerifier;
import org.cotkit.pipelines.report.DatasetStatistics;
import org.cotkit.pipelines.report.HtmlReport;
import org.cotkit.pipelines.report.StatisticsTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cotkit stats}: a dataset's figures as a terminal table and an HTML report. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
        "Prints the figures of a dataset that compress or build wrote: rows by split, mode, γ and difficulty; CoT "
            + "length percentiles (p10, p50, p90, p99, max; nearest rank) before and after pruning, in the run's "
            + "length unit (words, or the tokens of its tokenizer); the mean and p95 of |achieved − γ|; the tokens "
            + "saved; the share of rows verified correct; the adaptive rows' difficulty, token budgets and pass "
            + "rates; and the manifest's filtered and dead-lettered counts by reason, duplicates and contaminated "
            + "records.",
        "",
        "Also writes report.html: the same table and charts (length histograms per γ, achieved against target "
            + "ratio, difficulty, token budget and pass-rate distributions), with Chart.js and the data inlined, "
            + "so it opens offline. It holds figures only, no question or CoT.",
        "",
        "The folder is verified first, as 'cotkit verify' does; a folder that fails is refused. Its rows are read "
            + "once, and only the columns the figures need."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the table is printed and the report written",
        "1:the folder fails verification, or cannot be read, or the report cannot be written", "2:bad usage"})
public final class StatsCommand implements Callable<Integer> {

  /** Commands whose datasets hold SFT rows; label writes labelled records. */
  private static final Set<String> SFT_COMMANDS = Set.of("compress", "build");

  /** Appended to the dataset folder's name for the default report file beside it. */
  static final String REPORT_SUFFIX = "-report.html";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DATASET_DIR", description = "The dataset folder (the --output of compress or build).")
  String dataset;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Where to write the HTML report; replaced if it exists. Default: beside the dataset folder, "
          + "named after it: DATASET_DIR" + REPORT_SUFFIX + " (out/gsm8k" + REPORT_SUFFIX + " for out/gsm8k). "
          + "Never inside the folder: a dataset holds only the files its manifest lists, and 'cotkit verify' "
          + "refuses any other.")
  String html;

  @Option(names = "--no-html", description = "Print the table only; write no report.")
  boolean noHtml;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String folder = TeacherInputArgs.localToAbsolute(dataset).replaceAll("(?<!/)/+$", "");
    String report = noHtml ? null : TeacherInputArgs.localToAbsolute(html != null ? html : folder + REPORT_SUFFIX);
    if (noHtml && html != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--html and --no-html: give one or the other");
    }
    if (report != null && report.startsWith(folder + "/")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--html " + html + " is inside the dataset folder "
          + folder + ", which holds only the files its manifest lists ('cotkit verify' would refuse it); write the "
          + "report elsewhere");
    }
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create()); // registers every file system present
    DatasetStatistics stats;
    try {
      DatasetVerifier.Result verified = DatasetVerifier.verify(folder);
      if (!verified.ok()) {
        err.printf("cotkit stats: %s: %s%n", folder, verified.problem());
        return 1;
      }
      String command = DatasetManifest.read(folder).orElseThrow().command();
      if (!SFT_COMMANDS.contains(command)) {
        err.printf("cotkit stats: %s: a %s dataset holds no SFT rows; stats reads the datasets of compress and "
            + "build%n", folder, command);
        return 1;
      }
      stats = DatasetStatistics.of(folder);
    } catch (IOException e) {
      err.printf("cotkit stats: %s: %s%n", folder, e.getMessage());
      return 1;
    }
    String table = StatisticsTable.render(stats);
    out.print(table);
    out.flush();
    if (report != null) {
      try (Writer writer = Channels.newWriter(FileSystems.create(FileSystems.matchNewResource(report, false),
          "text/html"), StandardCharsets.UTF_8)) {
        writer.write(HtmlReport.render(stats, table));
      } catch (IOException e) {
        err.printf("cotkit stats: cannot write the report %s: %s%n", report, e.getMessage());
        return 1;
      }
      err.printf("cotkit stats: report written to %s (self-contained: opens offline)%n", report);
    }
    return 0;
  }
}
