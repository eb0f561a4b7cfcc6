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
 * read (batches) → parse (+dead letters) → select CoT → fit bigram model (side input)
 *      → spread → score importance → prune at each γ → format TokenSkip rows → Parquet
 *                                          ↘ dead letters → errors/ ; counts → manifest.json
 * </pre>
 */
public final class CompressPipeline {

  private CompressPipeline() {}

  /**
   * Adds the compression pipeline to {@code pipeline}. Building matches the input files, so a bad
   * pattern fails here, before anything runs or is written.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  public static void build(Pipeline pipeline, CompressOptions options) {
    FieldMapping mapping = FieldMapping.parse(options.getFieldMap());
    RatioAssignment assignment =
        new RatioAssignment(parseRatios(options.getRatios()), options.getRatioAssignment(), options.getSeed());
    ForcedWords forcedWords = new ForcedWords(options.getKeepDigits(), options.getForceTokens());
    String output = options.getOutput().replaceAll("/+$", "");

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

    ErrorsAndManifest.write(pipeline, output, manifestHeader(options, assignment),
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
