package org.cotkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cotkit.pipelines.io.InputFormat;
import org.cotkit.pipelines.record.CotPreference;
import org.cotkit.pipelines.record.InputPreset;
import org.cotkit.pipelines.record.InputSettings;
import org.cotkit.pipelines.record.QuestionFilterSettings;
import org.cotkit.pipelines.record.Provenance;
import org.cotkit.pipelines.record.RecordLimits;
import org.cotkit.pipelines.record.ThinkMarkers;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options every cotkit pipeline command shares: input, output, field mapping, runner. */
final class TeacherInputArgs {

  /** The options that choose and size the runner: they become Beam options (see runnerArgs). */
  static final Set<String> RUNNER_OPTIONS = Set.of("--runner", "--flink-master", "--parallelism");

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "PATH",
      description = "Teacher generations: a file or glob of JSON Lines, JSON array or Parquet files (JSON "
          + "optionally .gz).")
  String input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "The dataset folder to create (or, with --overwrite, replace): data/<split>/, errors/, "
          + "duplicates/, contamination/ and manifest.json. The run writes into a hidden staging folder beside it, "
          + ".<name>.cotkit-staging-<run>, and moves it into place only once it succeeded; one run at a time per folder.")
  String output;

  @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "auto, jsonl, json or parquet. auto: .parquet files are Parquet; any other file is a JSON "
          + "array ([{…}, {…}], read element by element, however large) when it starts with '[', else JSON "
          + "Lines. jsonl and json refuse a file of the other kind with one error. Default: ${DEFAULT-VALUE}.")
  InputFormat inputFormat;

  @Option(names = "--map", paramLabel = "CANONICAL=ACTUAL[,...]",
      description = "Where canonical fields live in your records, e.g. question=problem,long_cot=response. "
          + "Paths reach nested fields and lists: answer=meta.gold, long_cot=generations[0] (or generations.0; "
          + "[-1] is the last), long_cot=conversations[from=gpt].value (the first element whose 'from' is gpt; "
          + "[from=gpt:last] the last). Fields: id, question, answer, long_cot, short_cot, samples, sample_cot, "
          + "sample_correct (inside each sample, or a list parallel to samples), pass_rate, source, domain.")
  String fieldMap = "";

  @Option(names = "--preset", paramLabel = "NAME", defaultValue = "none", converter = PresetName.class,
      description = "Read a well-known dataset as it is published (README: Your data); your --map entries "
          + "override the preset's, field by field. gsm8k: GSM8K's files, 'answer' a solution ending in '#### N'. "
          + "openr1: OpenR1-Math-220k; the first generation Math-Verify accepts is the long CoT, all are graded "
          + "samples, the reference solution is the short CoT. openthoughts: OpenThoughts-114k or "
          + "Bespoke-Stratos-17k conversations (no gold answer). s1k: s1K, Gemini's thinking and attempt. s1k-1.1: "
          + "s1K-1.1, DeepSeek-R1's thinking and attempt. limo: LIMO's question, solution, answer. r1-response: a "
          + "question and an R1-style response (an answer holding a solution is cut to the answer it states). "
          + "tokenskip: TokenSkip's predictions.jsonl. Default: ${DEFAULT-VALUE}.")
  InputPreset preset;

  @Option(names = "--think-markers", paramLabel = "OPEN,CLOSE",
      description = "A model's own markers around its thought, besides the ones always read (<think>...</think>, "
          + "a lone </think>, and <|begin_of_thought|>...<|end_of_thought|> with <|begin_of_solution|>..."
          + "<|end_of_solution|>), e.g. '<reasoning>,</reasoning>'. Only the thought is compressed; what follows "
          + "it is the final response. A long or short CoT that opens a marker and never closes it is "
          + "dead-lettered. Default: none.")
  String thinkMarkers;

  @Option(names = "--cot", paramLabel = "long|short", defaultValue = "long",
      description = "Which chain of thought to use (to compress, and whose answer is verified); the other "
          + "is used when it is missing. <think>…</think> traces are split: the thinking is used. "
          + "Default: ${DEFAULT-VALUE}.")
  CotPreference cot;

  @Option(names = "--records-per-batch", paramLabel = "N", defaultValue = "500",
      description = "Records per batch, the pipeline's unit of work: a batch is processed and written to "
          + "its own output file together. Default: ${DEFAULT-VALUE}.")
  int recordsPerBatch;

  @Option(names = "--max-record-bytes", paramLabel = "BYTES", defaultValue = "67108864",
      description = "The longest record read, in bytes of its JSONL line (or of a Parquet row as JSON); a longer "
          + "one is dead-lettered before it is parsed, so one huge line cannot exhaust the memory. Any valid JSON "
          + "below it is read (strings as long as the record, nesting up to 2,000 levels). Default: ${DEFAULT-VALUE} "
          + "(64 MiB).")
  long maxRecordBytes;

  @Option(names = "--strip-control-chars",
      description = "Remove C0 control characters other than tab, line feed and carriage return (NUL from a "
          + "\\u0000 escape, form feeds, escape sequences) from text fields, instead of dead-lettering the "
          + "records that hold them.")
  boolean stripControlChars;

  @Option(names = "--max-error-rate", paramLabel = "SHARE", defaultValue = "0.01",
      description = "The share of records read that may be dead-lettered. Above it the run still writes its good "
          + "rows and its errors/, but exits 1, and the manifest's error_rate says so. Default: ${DEFAULT-VALUE}.")
  double maxErrorRate;

  @Option(names = "--dedup", paramLabel = "none|exact|near", defaultValue = "exact",
      description = "Drop records whose question an earlier record already asked (counted as filtered.duplicate "
          + "or filtered.near_duplicate and listed in duplicates/). exact: the same words once Unicode (NFKC), "
          + "case, spacing and punctuation are set aside. near: also a question whose word 3-grams overlap an "
          + "earlier one's by a Jaccard similarity of --dedup-threshold or more (MinHash with LSH finds the "
          + "candidates; the exact similarity confirms them). The first record in reading order is kept (input "
          + "files by path, then line), so the same input keeps the same records on every runner; a record the "
          + "command drops anyway (a wrong answer) is never the one kept. Default: ${DEFAULT-VALUE}.")
  QuestionFilterSettings.Dedup dedup;

  @Option(names = "--dedup-threshold", paramLabel = "J", defaultValue = "0.8",
      description = "The Jaccard similarity of word 3-grams at which two questions are near duplicates, in (0, 1]: "
          + "for --dedup near and for near copies of a benchmark question. Default: ${DEFAULT-VALUE}.")
  double dedupThreshold;

  @Option(names = "--decontaminate", paramLabel = "FILE[,FILE...]", split = ",",
      description = "Benchmark files (JSON Lines, JSON array or Parquet; globs allowed) whose questions must not "
          + "be trained on. A record is dropped (filtered.contaminated, counted per benchmark in the manifest, "
          + "listed in contamination/ with the benchmark question's id and the n-gram) when its question shares "
          + "a run of --contamination-ngram words with a benchmark question (lower-cased, punctuation and spacing "
          + "set aside) or is a near copy of one (--dedup-threshold). A benchmark question shorter than the "
          + "n-gram counts whole when it has at least half as many words. Default: none.")
  List<String> decontaminate = new ArrayList<>();

  @Option(names = "--benchmark-map", paramLabel = "question=FIELD[,id=FIELD]",
      description = "Where the --decontaminate files hold the question and its id, as paths like --map's, e.g. "
          + "question=problem,id=unique_id. Default: the first of question, problem, prompt, input, and of id, "
          + "unique_id, problem_id, question_id, uid; a question without an id is named by its line.")
  String benchmarkMap = "";

  @Option(names = "--contamination-ngram", paramLabel = "N", defaultValue = "8",
      description = "Words in the n-grams a question must share with a benchmark question to be contaminated "
          + "(8 to 13 in published decontamination; shorter flags more). Default: ${DEFAULT-VALUE}.")
  int contaminationNgram;

  @Option(names = "--overwrite",
      description = "Replace the cotkit dataset in --output once the new one is complete. Only a folder whose "
          + "every file its manifest lists is replaced; one holding other files or links is refused, never "
          + "followed or deleted.")
  boolean overwrite;

  /** Reads a preset by the name --preset takes ({@code s1k-1.1}, {@code r1-response}), not its Java name. */
  static final class PresetName implements ITypeConverter<InputPreset> {
    @Override
    public InputPreset convert(String value) {
      try {
        return InputPreset.named(value);
      } catch (IllegalArgumentException e) {
        // picocli prints a TypeConversionException's message as it is, other exceptions with their class
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Where the run writes, when not into --output itself (its staging folder). */
  private String writeTo;
  private List<String> commandLine = List.of();

  @Option(names = "--runner", paramLabel = "RUNNER", defaultValue = "DirectRunner",
      description = "Beam runner: DirectRunner (embedded, uses all cores), FlinkRunner, or another on the "
          + "class path (DataflowRunner in a build with -Pdataflow). Default: ${DEFAULT-VALUE}.")
  String runner;

  @Option(names = "--flink-master", paramLabel = "[local]|HOST:PORT",
      description = "FlinkRunner only: [local] starts an embedded Flink cluster in this process; HOST:PORT "
          + "submits to a running cluster's JobManager. Default: [local].")
  String flinkMaster;

  @Option(names = "--parallelism", paramLabel = "N",
      description = "Parallel workers: the direct runner's threads (default: the number of cores, at least "
          + "3) or Flink's parallelism (default: the cluster's).")
  Integer parallelism;

  @Option(names = {"-q", "--quiet"},
      description = "No progress lines while the pipeline runs (the summary at the end is still printed).")
  boolean quiet;

  /**
   * The validated input settings.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  InputSettings settings() {
    String dataset = target();
    return new InputSettings(localToAbsolute(input), writeTo == null ? dataset : writeTo, inputFormat, fieldMap,
        preset, cot, recordsPerBatch, new RecordLimits(maxRecordBytes, stripControlChars, maxErrorRate),
        new Provenance(commandLine, dataset), ThinkMarkers.parse(thinkMarkers),
        new QuestionFilterSettings(dedup, dedupThreshold,
            decontaminate.stream().map(TeacherInputArgs::localToAbsolute).toList(), benchmarkMap, contaminationNgram));
  }

  /** The dataset folder, {@code --output} as an absolute path (or a URL). */
  String target() {
    return localToAbsolute(output);
  }

  /** Makes {@link #settings} write into {@code folder} and record {@code commandLine} in the manifest. */
  void writeInto(String folder, List<String> commandLine) {
    this.writeTo = folder;
    this.commandLine = List.copyOf(commandLine);
  }

  /**
   * The Beam options that choose and size the runner, from {@code --runner}, {@code --flink-master}
   * and {@code --parallelism}.
   *
   * @param beamArgs the {@code --name=value} options given besides, which must not say the same twice
   * @throws IllegalArgumentException naming the option at fault
   */
  List<String> runnerArgs(List<String> beamArgs) {
    String kind = runnerKind(runner);
    boolean flink = kind.equals("flink");
    if (flinkMaster != null && !flink) {
      throw new IllegalArgumentException("--flink-master applies to --runner FlinkRunner, not " + runner);
    }
    if (parallelism != null && parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be at least 1, got " + parallelism);
    }
    List<String> args = new ArrayList<>(List.of("--runner=" + runner));
    if (flink) {
      if (flinkMaster != null) {
        args.add(ownOption(beamArgs, "flinkMaster", "--flink-master", flinkMaster));
      } else {
        addDefault(args, beamArgs, "flinkMaster", "[local]");
      }
      // cotkit's steps never change their input elements (the tests run them with the direct
      // runner's immutability checks), so Flink need not copy every element between operators
      addDefault(args, beamArgs, "fasterCopy", "true");
    }
    if (parallelism != null) {
      String property = switch (kind) {
        case "direct" -> "targetParallelism";
        case "flink" -> "parallelism";
        default -> throw new IllegalArgumentException("--parallelism applies to DirectRunner and FlinkRunner; "
            + "give " + runner + " its own option as --name=value (e.g. --maxNumWorkers=N for Dataflow)");
      };
      args.add(ownOption(beamArgs, property, "--parallelism", parallelism.toString()));
    }
    return args;
  }

  /** {@code direct}, {@code flink} or the runner's lower-case simple name, as Beam resolves names. */
  private static String runnerKind(String runner) {
    String simple = runner.substring(runner.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return simple.endsWith("runner") ? simple.substring(0, simple.length() - "runner".length()) : simple;
  }

  /** {@code --property=value} for an option given in cotkit's form; refused when also given in Beam's. */
  private static String ownOption(List<String> beamArgs, String property, String cotkitOption, String value) {
    if (givenAsBeamOption(beamArgs, property)) {
      throw new IllegalArgumentException("give " + cotkitOption + " or --" + property + "=…, not both");
    }
    return "--" + property + "=" + value;
  }

  /** Adds cotkit's default {@code --property=value} unless the Beam option was given, which then wins. */
  private static void addDefault(List<String> args, List<String> beamArgs, String property, String value) {
    if (!givenAsBeamOption(beamArgs, property)) {
      args.add("--" + property + "=" + value);
    }
  }

  private static boolean givenAsBeamOption(List<String> beamArgs, String property) {
    return beamArgs.stream().anyMatch(arg -> arg.startsWith("--" + property + "="));
  }

  /** A local path made absolute and normal; a URL of another file system as it is. */
  static String localToAbsolute(String path) {
    boolean hasScheme = path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    return hasScheme ? path : Path.of(path).toAbsolutePath().normalize().toString();
  }
}
