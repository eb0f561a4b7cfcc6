package org.cotkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cotkit.compressors.LengthUnit;
import org.cotkit.pipelines.BuildPipeline;
import org.cotkit.pipelines.build.AdaptiveFormat;
import org.cotkit.pipelines.build.BuildSettings;
import org.cotkit.pipelines.build.SimpleSource;
import org.cotkit.pipelines.compress.TokenSkipSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cotkit build}: TokenSkip (L1) and adaptive (L2) examples in one Parquet dataset. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Builds one SFT dataset with both kinds of budget-aware examples: TokenSkip rows (mode=tokenskip, "
          + "the chosen CoT pruned to each ratio, as 'cotkit compress' writes them) and one adaptive row "
          + "per question (mode=adaptive: a simple question answered with the short CoT, a complex one "
          + "with the long CoT, tagged [simple]/[complex]). Answers are verified first; records whose "
          + "chosen CoT is wrong are filtered unless --keep-incorrect. Questions are split into train "
          + "and validation by a hash of the question. Writes Parquet to <output>/data/, unusable "
          + "records to <output>/errors/, and counts and label distributions to <output>/manifest.json.",
      "",
      "Any other --name=value option is passed to Apache Beam as a pipeline option."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success (filtered records, and dead-lettered ones up to --max-error-rate, do not fail a run)",
        "1:the run failed, or dead-lettered more than --max-error-rate",
        "2:bad usage or options", "3:out of memory (the launcher says how to give the JVM more)",
        "143:stopped by Ctrl-C or SIGTERM"})
public final class BuildCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TeacherInputArgs io;

  @Mixin TokenSkipArgs tokenSkip;

  @Mixin DifficultyArgs difficulty;

  @Mixin LengthArgs lengths;

  @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.05",
      description = "Share of questions in the validation split, in [0, 1); every row of a question is in "
          + "the same split. Default: ${DEFAULT-VALUE}.")
  double validationFraction;

  @Option(names = "--tag-position", paramLabel = "prompt|completion", defaultValue = "prompt",
      description = "prompt: the tag is a condition the user sets, {question}SEP{tag}SEP (C3oT-style); "
          + "completion: the tag is the completion's first line, so the student learns to choose "
          + "(Thinkless-style). Default: ${DEFAULT-VALUE}.")
  AdaptiveFormat.TagPosition tagPosition;

  @Option(names = "--tags", paramLabel = "SIMPLE,COMPLEX", split = ",", defaultValue = "[simple],[complex]",
      description = "The tag pair of simple and complex questions. Default: ${DEFAULT-VALUE}.")
  List<String> tags;

  @Option(names = "--simple-from", paramLabel = "short|long:γ", defaultValue = "short",
      description = "Reasoning of a simple question's adaptive row: the short CoT, or the long CoT pruned "
          + "to γ (e.g. long:0.5; needs --cot long). Default: ${DEFAULT-VALUE}.")
  String simpleFrom;

  @Option(names = "--keep-incorrect",
      description = "Keep records whose chosen CoT reaches a wrong answer (verified=false) instead of "
          + "filtering them (counted as filtered.incorrect), and adaptive rows whose CoT is wrong.")
  boolean keepIncorrect;

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  /** @throws IllegalArgumentException naming the option at fault */
  private BuildSettings settings() {
    if (tags.size() != 2) {
      throw new IllegalArgumentException("--tags needs exactly two tags, SIMPLE,COMPLEX; got " + tags.size());
    }
    LengthUnit unit = lengths.unit();
    TokenSkipSettings tokenSkipSettings = tokenSkip.settings(unit);
    AdaptiveFormat format =
        new AdaptiveFormat(tags.get(0), tags.get(1), tagPosition, tokenSkipSettings.promptSeparator(),
            tokenSkipSettings.instruction());
    return new BuildSettings(io.settings(), tokenSkipSettings, difficulty.settings(unit), validationFraction, format,
        SimpleSource.parse(simpleFrom), keepIncorrect);
  }

  @Override
  public Integer call() {
    PipelineJob<BuildSettings> job = new PipelineJob<>("build", this::settings, BuildSettings::input,
        BuildPipeline::build, settings -> TokenSkipArgs.holdModel(settings.tokenSkip()));
    return job.run(spec.commandLine(), io, beamArgs);
  }
}
