package org.cotkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cotkit.pipelines.CompressPipeline;
import org.cotkit.pipelines.compress.CompressSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cotkit compress}: TokenSkip-style compression into a Parquet SFT dataset. */
@Command(
    name = "compress",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compresses teacher chains of thought TokenSkip-style: scores every word's importance, prunes "
          + "each CoT to every target ratio (numbers, operators and the answer always kept), and "
          + "writes SFT examples as Parquet to <output>/data/, records that cannot be used to "
          + "<output>/errors/, and counts to <output>/manifest.json.",
      "",
      "Any other --name=value option is passed to Apache Beam as a pipeline option "
          + "(e.g. --targetParallelism=4 for the direct runner, --flinkMaster=host:port)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success (dead-lettered records up to --max-error-rate do not fail a run)",
        "1:the run failed, or dead-lettered more than --max-error-rate",
        "2:bad usage or options", "3:out of memory (the launcher says how to give the JVM more)",
        "143:stopped by Ctrl-C or SIGTERM"})
public final class CompressCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TeacherInputArgs io;

  @Mixin TokenSkipArgs tokenSkip;

  @Mixin LengthArgs lengths;

  @Option(names = "--split", paramLabel = "NAME", defaultValue = "train",
      description = "Value written to the split column, and the folder the rows go to, data/<split>/ (letters, "
          + "digits, '_', '.' and '-'). Default: ${DEFAULT-VALUE}.")
  String split;

  @Option(names = "--drop-incorrect",
      description = "Verify each chosen CoT's answer against the gold answer and filter those that reach a wrong "
          + "one (counted as filtered.incorrect), as TokenSkip trains on correct outputs only. Records without "
          + "a gold answer, or whose answer cannot be checked, are kept. Default: keep every record "
          + "(build filters by default).")
  boolean dropIncorrect;

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() {
    PipelineJob<CompressSettings> job = new PipelineJob<>("compress",
        () -> new CompressSettings(io.settings(), tokenSkip.settings(lengths.unit()), split, dropIncorrect),
        CompressSettings::input,
        CompressPipeline::build, settings -> TokenSkipArgs.holdModel(settings.tokenSkip()));
    return job.run(spec.commandLine(), io, beamArgs);
  }
}
