package org.cotkit.pipelines;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.cotkit.compressors.ForcedWords;

/**
 * {@code cotkit compress}: TokenSkip-style compression of teacher chains of thought into a Parquet
 * SFT dataset.
 *
 * <pre>
 * self-information scorer:  plan chunks → fit bigram model on all chunks (side input)
 *                           → per chunk: read, parse, select CoT, score, prune at each γ, format, write Parquet
 * token classifier:         read (batches) → parse → select CoT → spread → score with the model
 *                           → prune at each γ → format TokenSkip rows → Parquet
 *                           ↘ dead letters → errors/ ; counts → manifest.json
 * </pre>
 */
public final class CompressPipeline {

  /** Under the output directory: what a run keeps only while it runs (the bigram model). */
  public static final String TEMP_DIRECTORY = ".cotkit-tmp";

  private CompressPipeline() {}

  /**
   * Adds the compression pipeline to {@code pipeline}. Building matches the input files, so a bad
   * pattern fails here, before anything runs or is written.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  public static void build(Pipeline pipeline, CompressOptions options) {
    build(pipeline, options, TokenClassifierOptions.settings(options) == null);
  }

  /**
   * @param inChunks whether to compress a chunk at a time in one step ({@link CompressChunks}, only
   *     with the self-information scorer), or step by step ({@link CompressCots})
   */
  static void build(Pipeline pipeline, CompressOptions options, boolean inChunks) {
    FieldMapping.parse(options.getFieldMap()); // a bad --map is a usage error before anything runs
    RatioAssignment assignment =
        new RatioAssignment(parseRatios(options.getRatios()), options.getRatioAssignment(), options.getSeed());
    ForcedWords forcedWords = new ForcedWords(options.getKeepDigits(), options.getForceTokens());
    String output = options.getOutput().replaceAll("/+$", "");

    LinkedHashMap<String, Object> header = manifestHeader(options, assignment);
    if (inChunks) {
      buildChunked(pipeline, options, assignment, forcedWords, output, header);
    } else {
      buildStepByStep(pipeline, options, assignment, forcedWords, output, header);
    }
  }

  /** With the self-information scorer: a chunk of input at a time, in flat memory on any runner. */
  private static void buildChunked(Pipeline pipeline, CompressOptions options, RatioAssignment assignment,
      ForcedWords forcedWords, String output, LinkedHashMap<String, Object> header) {
    PCollectionTuple compressed = pipeline
        .apply("PlanChunks", new PlanInputChunks(options.getInput(), options.getInputFormat(), options.getRecordsPerBatch()))
        .apply("CompressChunks", new CompressChunks(options, assignment, forcedWords,
            new TokenSkipFormat(options.getPromptSeparator()), options.getSplit(), output + "/data",
            output + "/" + TEMP_DIRECTORY));
    ErrorsAndManifest.write(pipeline, output, header, List.of("records_read", "rows_written"),
        PCollectionList.of(compressed.get(CompressChunks.DEAD_LETTERS)),
        compressed.get(CompressChunks.BLANK_LINES),
        PCollectionList.of(compressed.get(CompressChunks.COUNTS)));
  }

  /**
   * With a token classifier: its scoring is a step of its own, which a runner can place on
   * accelerator workers and batch over (memory then grows with the input on the direct runner).
   */
  private static void buildStepByStep(Pipeline pipeline, CompressOptions options, RatioAssignment assignment,
      ForcedWords forcedWords, String output, LinkedHashMap<String, Object> header) {
    FieldMapping mapping = FieldMapping.parse(options.getFieldMap());
    PCollection<List<RawRecord>> raw =
        pipeline.apply(
            "ReadInput",
            new ReadTeacherInput(options.getInput(), options.getInputFormat(), options.getRecordsPerBatch()));
    PCollectionTuple parsed = raw.apply("ParseRecords", new ParseTeacherRecords(mapping, options.getPreset()));
    PCollection<List<CotToCompress>> cots =
        parsed.get(ParseTeacherRecords.RECORDS).apply("SelectCot", new SelectCot(options.getCot()));
    PCollectionTuple compressedCots =
        cots.apply("CompressCots", CompressCots.from(options, new PruneAtRatios(assignment, forcedWords)));
    PCollection<List<CompressedRecord>> compressed = compressedCots.get(CompressCots.COMPRESSED);
    PCollection<KV<String, Long>> rowsWritten =
        compressed
            .apply(
                "FormatTokenSkip",
                new FormatTokenSkipExamples(new TokenSkipFormat(options.getPromptSeparator()), options.getSplit()))
            .apply("WriteData", new WriteSftParquet(output + "/data"));

    ErrorsAndManifest.write(pipeline, output, header,
        List.of("records_read", "rows_written"),
        PCollectionList.of(parsed.get(ParseTeacherRecords.DEAD_LETTERS))
            .and(compressedCots.get(CompressCots.DEAD_LETTERS)),
        parsed.get(ParseTeacherRecords.BLANK_LINES),
        PCollectionList.of(ErrorsAndManifest.batchSizes(raw, "records_read"))
            .and(ErrorsAndManifest.batchSizes(compressed, "records_written"))
            .and(rowsWritten));
  }

  /**
   * Parses {@code --ratios}.
   *
   * @throws IllegalArgumentException naming the value at fault
   */
  public static double[] parseRatios(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("--ratios is empty; give values in (0, 1] such as 0.5,0.7,1.0");
    }
    return Arrays.stream(spec.split(","))
        .map(String::strip)
        .mapToDouble(value -> {
          double ratio;
          try {
            ratio = Double.parseDouble(value);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--ratios value '" + value + "' is not a number");
          }
          if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("--ratios value '" + value + "' is outside (0, 1]");
          }
          return ratio;
        })
        .toArray();
  }

  private static LinkedHashMap<String, Object> manifestHeader(CompressOptions options, RatioAssignment assignment) {
    LinkedHashMap<String, Object> used = ManifestHeader.input(options);
    used.putAll(ManifestHeader.tokenSkip(options, assignment));
    used.put("split", options.getSplit());
    return ManifestHeader.of("compress", used);
  }
}
