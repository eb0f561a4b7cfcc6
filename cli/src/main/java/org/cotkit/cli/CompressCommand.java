package org.cotkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.cotkit.pipelines.CompressOptions;
import org.cotkit.pipelines.CompressPipeline;
import org.cotkit.pipelines.CotPreference;
import org.cotkit.pipelines.DirectRunnerTuning;
import org.cotkit.pipelines.FieldMapping;
import org.cotkit.pipelines.InputPreset;
import org.cotkit.pipelines.RatioAssignment;
import org.cotkit.pipelines.ReadTeacherInput;
import org.cotkit.pipelines.TokenSkipFormat;
import org.cotkit.pipelines.WriteManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
    exitCodeList = {"0:success (dead-lettered records do not fail a run)", "1:the run failed",
        "2:bad usage or options"})
public final class CompressCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "PATH",
      description = "Teacher generations: a file or glob of JSONL (optionally .gz) or Parquet files.")
  String input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Output directory for data/, errors/ and manifest.json.")
  String output;

  @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "auto (by extension: .parquet is Parquet, anything else JSONL), jsonl or parquet. "
          + "Default: ${DEFAULT-VALUE}.")
  ReadTeacherInput.Format inputFormat;

  @Option(names = "--map", paramLabel = "CANONICAL=ACTUAL[,...]",
      description = "Where canonical fields live in your records, e.g. question=problem,long_cot=response. "
          + "Dotted paths reach nested fields (answer=meta.gold). Fields: id, question, answer, long_cot, "
          + "short_cot, samples, sample_cot, sample_correct, source, domain.")
  String fieldMap = "";

  @Option(names = "--preset", paramLabel = "none|gsm8k", defaultValue = "none",
      description = "Read a well-known dataset shape. gsm8k: 'answer' holds a reference solution ending "
          + "in '#### N'; the solution (without that line and without <<…>> calculator notes) becomes "
          + "short_cot and N the answer. Default: ${DEFAULT-VALUE}.")
  InputPreset preset;

  @Option(names = "--cot", paramLabel = "long|short", defaultValue = "long",
      description = "Which chain of thought to compress; the other is used when it is missing. "
          + "<think>…</think> traces are split: the thinking is compressed. Default: ${DEFAULT-VALUE}.")
  CotPreference cot;

  @Option(names = "--ratios", paramLabel = "γ[,γ...]", defaultValue = "0.5,0.6,0.7,0.8,0.9,1.0",
      description = "Target ratios in (0, 1]: the share of tokens kept. Default: ${DEFAULT-VALUE}.")
  String ratios;

  @Option(names = "--ratio-assignment", paramLabel = "all|one", defaultValue = "all",
      description = "all: one example per record and ratio; one: a single ratio drawn per record "
          + "(seeded, the same on every run), as in TokenSkip's recipe. Default: ${DEFAULT-VALUE}.")
  RatioAssignment.Mode ratioAssignment;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the ratio draw for --ratio-assignment one. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--force-token", paramLabel = "TOKEN",
      description = "A token to keep wherever it occurs (repeatable), on top of numbers, operators and "
          + "the answer: one word, case-sensitive, matched inside words at word boundaries ('So' keeps "
          + "'So,' but not 'Some').")
  List<String> forceTokens = new ArrayList<>();

  @Option(names = "--keep-digits", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Always keep words with digits or math operators (+ - * / × ÷ = < >). "
          + "--no-keep-digits lets the scorer drop them too (the final answer is still kept).")
  boolean keepDigits;

  @Option(names = "--separator", paramLabel = "SEP", defaultValue = TokenSkipFormat.DEFAULT_SEPARATOR,
      description = "Separator of the TokenSkip prompt {question}SEP{γ}SEP; match your student's "
          + "chat template. Default: ${DEFAULT-VALUE}.")
  String separator;

  @Option(names = "--split", paramLabel = "NAME", defaultValue = "train",
      description = "Value written to the split column. Default: ${DEFAULT-VALUE}.")
  String split;

  @Option(names = "--records-per-batch", paramLabel = "N", defaultValue = "500",
      description = "Records per batch, the pipeline's unit of work: a batch is scored, pruned and "
          + "written to its own Parquet file together. Default: ${DEFAULT-VALUE}.")
  int recordsPerBatch;

  @Option(names = "--overwrite",
      description = "Replace data/, errors/ and manifest.json of an earlier run in the output directory.")
  boolean overwrite;

  @Option(names = "--runner", paramLabel = "RUNNER", defaultValue = "DirectRunner",
      description = "Beam runner: DirectRunner (embedded, uses all cores) or another on the class path. "
          + "Default: ${DEFAULT-VALUE}.")
  String runner;

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    CompressOptions options;
    Pipeline pipeline;
    try {
      options = pipelineOptions();
      pipeline = Pipeline.create(options);
      CompressPipeline.build(pipeline, options); // matches the input: a bad pattern is a usage error
      prepareOutput(options.getOutput()); // only once nothing else can fail: it may delete files
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }

    err.printf("cotkit compress: %s -> %s (runner %s)%n", options.getInput(), options.getOutput(), runner);
    long start = System.nanoTime();
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (state != PipelineResult.State.DONE) {
      err.printf("cotkit compress: pipeline ended %s after %.1f s%n", state, seconds);
      return 1;
    }
    return ManifestSummary.print(options.getOutput(), seconds, err) ? 0 : 1;
  }

  private CompressOptions pipelineOptions() {
    for (String arg : beamArgs) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException(
            "unknown argument '" + arg + "'; Beam pipeline options are passed as --name=value");
      }
    }
    List<String> args = new ArrayList<>(beamArgs);
    args.add("--runner=" + runner);
    CompressOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(CompressOptions.class);
    FieldMapping.parse(fieldMap); // fail fast, before any work starts
    if (recordsPerBatch < 1) {
      throw new IllegalArgumentException("--records-per-batch must be at least 1, got " + recordsPerBatch);
    }
    CompressPipeline.parseRatios(ratios);
    for (String token : forceTokens) {
      if (token.strip().chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("--force-token '" + token + "' has a space; a force token is one word");
      }
    }
    options.setInput(localToAbsolute(input));
    options.setOutput(localToAbsolute(output));
    options.setInputFormat(inputFormat);
    options.setFieldMap(fieldMap);
    options.setPreset(preset);
    options.setCot(cot);
    options.setRatios(ratios);
    options.setRatioAssignment(ratioAssignment);
    options.setSeed(seed);
    options.setForceTokens(List.copyOf(forceTokens));
    options.setKeepDigits(keepDigits);
    options.setPromptSeparator(separator);
    options.setSplit(split);
    options.setRecordsPerBatch(recordsPerBatch);
    options.setJobName("cotkit-compress");
    DirectRunnerTuning.apply(options, beamArgs);
    FileSystems.setDefaultPipelineOptions(options);
    return options;
  }

  /**
   * Refuses to mix a new dataset into an old one, unless --overwrite deletes the old one's files
   * first. Works on any file system Beam knows, local or remote.
   */
  private void prepareOutput(String directory) {
    List<ResourceId> previous = new ArrayList<>();
    try {
      for (String spec : List.of(directory + "/" + WriteManifest.FILE_NAME, directory + "/data/*", directory + "/errors/*")) {
        for (MatchResult.Metadata file : FileSystems.match(spec, EmptyMatchTreatment.ALLOW).metadata()) {
          previous.add(file.resourceId());
        }
      }
      if (previous.isEmpty()) {
        return;
      }
      if (!overwrite) {
        throw new IllegalArgumentException(
            "--output '" + directory + "' already holds a dataset (" + previous.get(0) + "); pass --overwrite to replace it");
      }
      FileSystems.delete(previous, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      throw new IllegalArgumentException("--output '" + directory + "' cannot be listed or cleared: " + e.getMessage());
    }
  }

  private static boolean hasScheme(String path) {
    return path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
  }

  private static String localToAbsolute(String path) {
    return hasScheme(path) ? path : Path.of(path).toAbsolutePath().normalize().toString();
  }
}
