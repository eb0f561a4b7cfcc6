package org.cotkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cotkit.pipelines.LabelPipeline;
import org.cotkit.pipelines.label.LabelOutputFormat;
import org.cotkit.pipelines.label.LabelSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cotkit label}: teacher records with answer checks, pass rates, difficulty and budgets. */
@Command(
    name = "label",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Labels teacher records for adaptive (L2) training data: extracts the final answer of the chosen "
          + "CoT and verifies it against the gold answer, grades the teacher samples into a pass rate, "
          + "calls each question simple or complex, and computes its DAST token budget. Writes every "
          + "record with answer_extracted, answer_source, verified, pass_rate, samples_graded, "
          + "difficulty, difficulty_source and token_budget added to <output>/data/, records that "
          + "cannot be read to <output>/errors/, and counts and label distributions to "
          + "<output>/manifest.json. Nothing is filtered: a wrong answer is verified=false.",
      "",
      "Any other --name=value option is passed to Apache Beam as a pipeline option."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success (dead-lettered records up to --max-error-rate do not fail a run)",
        "1:the run failed, or dead-lettered more than --max-error-rate",
        "2:bad usage or options", "3:out of memory (the launcher says how to give the JVM more)",
        "143:stopped by Ctrl-C or SIGTERM"})
public final class LabelCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TeacherInputArgs io;

  @Mixin DifficultyArgs difficulty;

  @Mixin LengthArgs lengths;

  @Option(names = "--output-format", paramLabel = "jsonl|parquet", defaultValue = "jsonl",
      description = "jsonl: each input record as it was, with the label fields added (same-named fields "
          + "are replaced); parquet: the canonical fields (id, question, answer, long_cot, short_cot, "
          + "samples, source, domain) and the label fields. Default: ${DEFAULT-VALUE}.")
  LabelOutputFormat outputFormat;

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() {
    PipelineJob<LabelSettings> job = new PipelineJob<>("label",
        () -> new LabelSettings(io.settings(), difficulty.settings(lengths.unit()), outputFormat), LabelSettings::input,
        LabelPipeline::build);
    return job.run(spec.commandLine(), io, beamArgs);
  }
}
