package org.cotkit.cli;

import java.nio.file.Path;
import org.cotkit.pipelines.CotPreference;
import org.cotkit.pipelines.FieldMapping;
import org.cotkit.pipelines.InputPreset;
import org.cotkit.pipelines.ReadTeacherInput;
import org.cotkit.pipelines.TeacherInputOptions;
import picocli.CommandLine.Option;

/** The options every cotkit pipeline command shares: input, output, field mapping, runner. */
final class TeacherInputArgs {

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
      description = "Which chain of thought to use (to compress, and whose answer is verified); the other "
          + "is used when it is missing. <think>…</think> traces are split: the thinking is used. "
          + "Default: ${DEFAULT-VALUE}.")
  CotPreference cot;

  @Option(names = "--records-per-batch", paramLabel = "N", defaultValue = "500",
      description = "Records per batch, the pipeline's unit of work: a batch is processed and written to "
          + "its own output file together. Default: ${DEFAULT-VALUE}.")
  int recordsPerBatch;

  @Option(names = "--overwrite",
      description = "Replace data/, errors/ and manifest.json of an earlier run in the output directory.")
  boolean overwrite;

  @Option(names = "--runner", paramLabel = "RUNNER", defaultValue = "DirectRunner",
      description = "Beam runner: DirectRunner (embedded, uses all cores) or another on the class path, "
          + "e.g. FlinkRunner. Default: ${DEFAULT-VALUE}.")
  String runner;

  /**
   * Validates and copies the options.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  void applyTo(TeacherInputOptions options) {
    FieldMapping.parse(fieldMap); // fail fast, before any work starts
    if (recordsPerBatch < 1) {
      throw new IllegalArgumentException("--records-per-batch must be at least 1, got " + recordsPerBatch);
    }
    options.setInput(localToAbsolute(input));
    options.setOutput(localToAbsolute(output));
    options.setInputFormat(inputFormat);
    options.setFieldMap(fieldMap);
    options.setPreset(preset);
    options.setCot(cot);
    options.setRecordsPerBatch(recordsPerBatch);
  }

  private static String localToAbsolute(String path) {
    boolean hasScheme = path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    return hasScheme ? path : Path.of(path).toAbsolutePath().normalize().toString();
  }
}
