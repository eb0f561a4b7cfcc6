package org.cotkit.pipelines;

import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.cotkit.compressors.ForcedWords;

/**
 * {@code cotkit build}: one dataset with TokenSkip (L1) and adaptive (L2) examples of every usable
 * question, split into train and validation by question.
 *
 * <pre>
 * read → parse → [long-CoT length percentile (side input)] → label + filter incorrect
 *      → fit bigram model (side input) → spread → score → prune at each γ (and at the simple γ)
 *      → TokenSkip rows + adaptive row → Parquet
 *                ↘ dead letters → errors/ ; counts and label distributions → manifest.json
 * </pre>
 */
public final class BuildPipeline {

  private BuildPipeline() {}

  /**
   * Adds the build pipeline to {@code pipeline}. Building validates every option and matches the
   * input files, so a mistake fails here, before anything runs or is written.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  public static void build(Pipeline pipeline, BuildOptions options) {
    FieldMapping mapping = FieldMapping.parse(options.getFieldMap());
    RatioAssignment assignment = new RatioAssignment(
        CompressPipeline.parseRatios(options.getRatios()), options.getRatioAssignment(), options.getSeed());
    ForcedWords forcedWords = new ForcedWords(options.getKeepDigits(), options.getForceTokens());
    DifficultySettings difficulty = DifficultySettings.from(options);
    SimpleSource simpleSource = SimpleSource.parse(options.getSimpleFrom());
    if (simpleSource.fromLongCot() && options.getCot() != CotPreference.LONG) {
      throw new IllegalArgumentException("--simple-from " + simpleSource + " prunes the long CoT, which needs --cot long");
    }
    AdaptiveFormat adaptiveFormat = new AdaptiveFormat(
        options.getSimpleTag(), options.getComplexTag(), options.getTagPosition(), options.getPromptSeparator());
    QuestionSplit split = new QuestionSplit(options.getValidationFraction());
    String output = options.getOutput().replaceAll("/+$", "");

    PCollection<List<RawRecord>> raw = pipeline.apply("ReadInput",
        new ReadTeacherInput(options.getInput(), options.getInputFormat(), options.getRecordsPerBatch()));
    PCollectionTuple parsed = raw.apply("ParseRecords", new ParseTeacherRecords(mapping, options.getPreset()));
    PCollectionTuple labelled = parsed.get(ParseTeacherRecords.RECORDS)
        .apply("LabelRecords", new LabelRecords(options.getCot(), difficulty, !options.getKeepIncorrect()));
    PCollectionTuple compressedCots = labelled.get(LabelRecords.LABELLED)
        .apply("CompressCots", CompressCots.from(options, new PruneAtRatios(assignment, forcedWords, simpleSource)));
    PCollection<List<CompressedRecord>> compressed = compressedCots.get(CompressCots.COMPRESSED);
    PCollectionTuple formatted = compressed.apply("FormatExamples", new FormatBuildExamples(
        new TokenSkipFormat(options.getPromptSeparator(), options.getTagPosition() == AdaptiveFormat.TagPosition.COMPLETION),
        adaptiveFormat, simpleSource, options.getKeepIncorrect(), split));
    PCollection<KV<String, Long>> rowsWritten =
        formatted.get(FormatBuildExamples.EXAMPLES).apply("WriteData", new WriteSftParquet(output + "/data"));

    ErrorsAndManifest.write(pipeline, output, manifestHeader(options, assignment, difficulty, simpleSource),
        List.of("records_read", "rows_written"),
        PCollectionList.of(parsed.get(ParseTeacherRecords.DEAD_LETTERS))
            .and(labelled.get(LabelRecords.DEAD_LETTERS))
            .and(compressedCots.get(CompressCots.DEAD_LETTERS)),
        parsed.get(ParseTeacherRecords.BLANK_LINES),
        PCollectionList.of(ErrorsAndManifest.batchSizes(raw, "records_read"))
            .and(ErrorsAndManifest.batchSizes(compressed, "records_written"))
            .and(rowsWritten)
            .and(labelled.get(LabelRecords.COUNTS))
            .and(formatted.get(FormatBuildExamples.COUNTS)));
  }

  private static LinkedHashMap<String, Object> manifestHeader(
      BuildOptions options, RatioAssignment assignment, DifficultySettings difficulty, SimpleSource simpleSource) {
    LinkedHashMap<String, Object> used = ManifestHeader.input(options);
    used.putAll(ManifestHeader.tokenSkip(options, assignment));
    used.putAll(difficulty.describe());
    used.put("validation_fraction", options.getValidationFraction());
    used.put("tag_position", ManifestHeader.lower(options.getTagPosition()));
    used.put("tags", List.of(options.getSimpleTag(), options.getComplexTag()));
    used.put("simple_from", simpleSource.toString());
    used.put("keep_incorrect", options.getKeepIncorrect());
    return ManifestHeader.of("build", used);
  }
}
