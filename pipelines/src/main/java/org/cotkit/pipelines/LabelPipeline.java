package org.cotkit.pipelines;

import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * {@code cotkit label}: every usable teacher record, with its answer verified and its question's
 * pass rate, difficulty and token budget added. Nothing is filtered: a wrong answer is a label
 * ({@code verified = false}), so the file can be inspected or filtered downstream.
 *
 * <pre>
 * read → parse → [long-CoT length percentile (side input)] → label → JSONL | Parquet
 *                ↘ dead letters → errors/ ; counts and label distributions → manifest.json
 * </pre>
 */
public final class LabelPipeline {

  private LabelPipeline() {}

  /**
   * Adds the labelling pipeline to {@code pipeline}; validates the options and matches the input.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  public static void build(Pipeline pipeline, LabelOptions options) {
    FieldMapping mapping = FieldMapping.parse(options.getFieldMap());
    DifficultySettings difficulty = DifficultySettings.from(options);
    String output = options.getOutput().replaceAll("/+$", "");

    PCollection<List<RawRecord>> raw = pipeline.apply("ReadInput",
        new ReadTeacherInput(options.getInput(), options.getInputFormat(), options.getRecordsPerBatch()));
    PCollectionTuple parsed = raw.apply("ParseRecords", new ParseTeacherRecords(mapping, options.getPreset()));
    PCollectionTuple labelled = parsed.get(ParseTeacherRecords.RECORDS)
        .apply("LabelRecords", new LabelRecords(options.getCot(), difficulty, false));
    PCollection<KV<String, Long>> written = labelled.get(LabelRecords.LABELLED)
        .apply("WriteData", new WriteLabelledRecords(output + "/data", options.getOutputFormat()));

    ErrorsAndManifest.write(pipeline, output, manifestHeader(options, difficulty),
        List.of("records_read"),
        PCollectionList.of(parsed.get(ParseTeacherRecords.DEAD_LETTERS)).and(labelled.get(LabelRecords.DEAD_LETTERS)),
        parsed.get(ParseTeacherRecords.BLANK_LINES),
        PCollectionList.of(ErrorsAndManifest.batchSizes(raw, "records_read"))
            .and(written)
            .and(labelled.get(LabelRecords.COUNTS)));
  }

  private static LinkedHashMap<String, Object> manifestHeader(LabelOptions options, DifficultySettings difficulty) {
    LinkedHashMap<String, Object> used = ManifestHeader.input(options);
    used.putAll(difficulty.describe());
    used.put("output_format", ManifestHeader.lower(options.getOutputFormat()));
    return ManifestHeader.of("label", used);
  }
}
