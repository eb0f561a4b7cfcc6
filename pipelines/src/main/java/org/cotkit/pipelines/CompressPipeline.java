package org.cotkit.pipelines;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.cotkit.compressors.BigramModel;
import org.cotkit.compressors.ForcedWords;

/**
 * {@code cotkit compress}: TokenSkip-style compression of teacher chains of thought into a Parquet
 * SFT dataset.
 *
 * <pre>
 * read (batches) → parse (+dead letters) → select CoT → fit bigram model (side input)
 *      → score importance → prune at each γ → format TokenSkip rows → Parquet
 *                                          ↘ dead letters → errors/ ; counts → manifest.json
 * </pre>
 */
public final class CompressPipeline {

  private CompressPipeline() {}

  /** Builds and starts the pipeline; the caller waits on the result. */
  public static PipelineResult run(CompressOptions options) {
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options);
    return pipeline.run();
  }

  /** Adds the compression pipeline to {@code pipeline}; exposed for tests on a TestPipeline. */
  public static void build(Pipeline pipeline, CompressOptions options) {
    FieldMapping mapping = FieldMapping.parse(options.getFieldMap());
    RatioAssignment assignment =
        new RatioAssignment(parseRatios(options.getRatios()), options.getRatioAssignment(), options.getSeed());
    ForcedWords forcedWords = new ForcedWords(options.getKeepDigits(), options.getForceTokens());
    String output = options.getOutput().replaceAll("/+$", "");

    PCollection<List<RawRecord>> raw =
        pipeline.apply(
            "ReadInput",
            new ReadTeacherInput(options.getInput(), options.getInputFormat(), options.getBatchSize()));
    PCollectionTuple parsed = raw.apply("ParseRecords", new ParseTeacherRecords(mapping, options.getPreset()));
    PCollection<List<CotToCompress>> cots =
        parsed.get(ParseTeacherRecords.RECORDS).apply("SelectCot", new SelectCot(options.getCot()));
    PCollectionView<BigramModel> model = cots.apply("FitBigramModel", new FitBigramModel());
    PCollectionTuple scored = cots.apply("ScoreImportance", new ScoreImportance(model));
    PCollectionTuple pruned =
        scored.get(ScoreImportance.SCORED)
            // scoring waits for the model; batches held back meanwhile are released as one bundle,
            // which would leave every later step on a single worker
            .apply("Respread", Reshuffle.viaRandomKey())
            .apply("PruneAtRatios", new PruneAtRatios(assignment, forcedWords));
    PCollection<List<CompressedRecord>> compressed = pruned.get(PruneAtRatios.COMPRESSED);
    PCollection<List<SftExample>> rows =
        compressed.apply(
            "FormatTokenSkip",
            new FormatTokenSkipExamples(new TokenSkipFormat(options.getPromptSeparator()), options.getSplit()));
    rows.apply("WriteData", new WriteSftParquet(output + "/data"));

    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(parsed.get(ParseTeacherRecords.DEAD_LETTERS))
            .and(scored.get(ScoreImportance.DEAD_LETTERS))
            .and(pruned.get(PruneAtRatios.DEAD_LETTERS))
            .apply("AllDeadLetters", Flatten.pCollections());
    deadLetters.apply("WriteErrors", new WriteDeadLetters(output + "/errors"));

    PCollectionList.of(sumOfSizes(raw, "records_read"))
        .and(sumOfSizes(compressed, "records_written"))
        .and(sumOfSizes(rows, "rows_written"))
        .and(sum(parsed.get(ParseTeacherRecords.BLANK_LINES), "filtered.blank_line"))
        .and(deadLetters
            .apply("DeadLetterStage", MapElements.into(TypeDescriptors.strings()).via(DeadLetter::stage))
            .apply("CountByStage", Count.perElement())
            .apply("PrefixStage", MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via(kv -> KV.of("dead_lettered." + kv.getKey(), kv.getValue()))))
        .apply("WriteManifest", new WriteManifest(output, manifestHeader(options)));
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

  private static <T> PCollection<KV<String, Long>> sumOfSizes(PCollection<List<T>> batches, String key) {
    return sum(batches.apply("Size " + key, MapElements.into(TypeDescriptors.longs()).via(batch -> (long) batch.size())), key);
  }

  private static PCollection<KV<String, Long>> sum(PCollection<Long> counts, String key) {
    return counts
        .apply("Sum " + key, Sum.longsGlobally())
        .apply("Key " + key, MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
            .via(n -> KV.of(key, n)));
  }

  private static LinkedHashMap<String, Object> manifestHeader(CompressOptions options) {
    LinkedHashMap<String, Object> used = new LinkedHashMap<>();
    used.put("input", options.getInput());
    used.put("output", options.getOutput());
    used.put("input_format", options.getInputFormat().name().toLowerCase());
    used.put("map", options.getFieldMap());
    used.put("preset", options.getPreset().name().toLowerCase());
    used.put("cot", options.getCot().name().toLowerCase());
    used.put("ratios", Arrays.stream(parseRatios(options.getRatios())).boxed().toList());
    used.put("ratio_assignment", options.getRatioAssignment().name().toLowerCase());
    used.put("seed", options.getSeed());
    used.put("force_tokens", options.getForceTokens());
    used.put("keep_digits", options.getKeepDigits());
    used.put("prompt_separator", options.getPromptSeparator());
    used.put("split", options.getSplit());
    used.put("batch_size", options.getBatchSize());
    used.put("scorer", "self-information (bigram, Kneser-Ney, fitted on the input)");
    used.put("tokens", "words");
    used.put("runner", options.getRunner().getSimpleName());

    LinkedHashMap<String, Object> header = new LinkedHashMap<>();
    header.put("command", "compress");
    header.put("cotkit_version", CompressPipeline.class.getPackage().getImplementationVersion());
    header.put("options", used);
    return header;
  }
}
