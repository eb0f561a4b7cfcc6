package org.cotkit.pipelines;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.cotkit.compressors.BigramModel;
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

  private static final TypeDescriptor<KV<String, Long>> COUNT =
      TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs());

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
    // The model is fitted before the batches are spread over workers: the direct runner copies a
    // combine's whole bag of partial counts for every bundle it adds, so fewer, earlier partial
    // counts (one per input file) fit several times faster than one per spread batch.
    PCollectionView<BigramModel> model = cots.apply("FitBigramModel", new FitBigramModel());
    PCollectionTuple scored = cots
        .apply("SpreadBatches", Reshuffle.viaRandomKey())
        .apply("ScoreImportance", new ScoreImportance(model));
    PCollectionTuple pruned =
        scored.get(ScoreImportance.SCORED).apply("PruneAtRatios", new PruneAtRatios(assignment, forcedWords));
    PCollection<List<CompressedRecord>> compressed = pruned.get(PruneAtRatios.COMPRESSED);
    PCollection<KV<String, Long>> rowsWritten =
        compressed
            .apply(
                "FormatTokenSkip",
                new FormatTokenSkipExamples(new TokenSkipFormat(options.getPromptSeparator()), options.getSplit()))
            .apply("WriteData", new WriteSftParquet(output + "/data"));

    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(parsed.get(ParseTeacherRecords.DEAD_LETTERS))
            .and(scored.get(ScoreImportance.DEAD_LETTERS))
            .and(pruned.get(PruneAtRatios.DEAD_LETTERS))
            .apply("AllDeadLetters", Flatten.pCollections());
    deadLetters.apply("WriteErrors", new WriteDeadLetters(output + "/errors"));

    // the zero count makes sure the manifest is written even when the input holds no record
    PCollectionList.of(pipeline.apply("NothingYet", Create.of(KV.of("records_read", 0L), KV.of("rows_written", 0L))))
        .and(sizes(raw, "records_read"))
        .and(sizes(compressed, "records_written"))
        .and(rowsWritten)
        .and(parsed.get(ParseTeacherRecords.BLANK_LINES)
            .apply("CountBlankLines", MapElements.into(COUNT).via(n -> KV.of("filtered.blank_line", n))))
        .and(deadLetters
            .apply("CountDeadLetters", MapElements.into(COUNT).via(letter -> KV.of("dead_lettered." + letter.stage(), 1L))))
        .apply("WriteManifest", new WriteManifest(output, manifestHeader(options, assignment)));
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

  /**
   * One count per batch, keyed by what it counts; the manifest sums them. (One map per count, not a
   * combine per count: on the direct runner every transform costs time on every step.)
   */
  private static <T> PCollection<KV<String, Long>> sizes(PCollection<List<T>> batches, String key) {
    return batches.apply("Count " + key, MapElements.into(COUNT).via(batch -> KV.of(key, (long) batch.size())));
  }

  private static LinkedHashMap<String, Object> manifestHeader(CompressOptions options, RatioAssignment assignment) {
    LinkedHashMap<String, Object> used = ManifestHeader.input(options);
    used.putAll(ManifestHeader.tokenSkip(options, assignment));
    used.put("split", options.getSplit());
    return ManifestHeader.of("compress", used);
  }
}
