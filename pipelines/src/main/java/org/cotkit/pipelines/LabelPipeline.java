package org.cotkit.pipelines;

import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

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

  private static final TypeDescriptor<KV<String, Long>> COUNT =
      TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs());

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
    PCollection<List<TeacherRecord>> records = parsed.get(ParseTeacherRecords.RECORDS);
    PCollectionView<Integer> lengthThreshold = difficulty.needsCorpusLengthThreshold()
        ? records.apply("LongCotLengthThreshold", new LongCotLengthThreshold(difficulty.lengthPercentile()))
        : null;
    PCollectionTuple labelled =
        records.apply("LabelRecords", new LabelRecords(options.getCot(), difficulty, lengthThreshold, false));
    PCollection<KV<String, Long>> written = labelled.get(LabelRecords.LABELLED)
        .apply("WriteData", new WriteLabelledRecords(output + "/data", options.getOutputFormat()));

    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(parsed.get(ParseTeacherRecords.DEAD_LETTERS))
            .and(labelled.get(LabelRecords.DEAD_LETTERS))
            .apply("AllDeadLetters", Flatten.pCollections());
    deadLetters.apply("WriteErrors", new WriteDeadLetters(output + "/errors"));

    PCollectionList.of(pipeline.apply("NothingYet", Create.of(KV.of("records_read", 0L))))
        .and(raw.apply("CountRead", MapElements.into(COUNT).via(batch -> KV.of("records_read", (long) batch.size()))))
        .and(written)
        .and(labelled.get(LabelRecords.COUNTS))
        .and(parsed.get(ParseTeacherRecords.BLANK_LINES)
            .apply("CountBlankLines", MapElements.into(COUNT).via(n -> KV.of("filtered.blank_line", n))))
        .and(deadLetters.apply("CountDeadLetters",
            MapElements.into(COUNT).via(letter -> KV.of("dead_lettered." + letter.stage(), 1L))))
        .apply("WriteManifest", new WriteManifest(output, manifestHeader(options, difficulty)));
  }

  private static LinkedHashMap<String, Object> manifestHeader(LabelOptions options, DifficultySettings difficulty) {
    LinkedHashMap<String, Object> used = ManifestHeader.input(options);
    used.putAll(difficulty.describe());
    used.put("output_format", ManifestHeader.lower(options.getOutputFormat()));
    return ManifestHeader.of("label", used);
  }
}
