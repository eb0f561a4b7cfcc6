package org.cotkit.pipelines;

import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.resourcehints.ResourceHints;
import org.cotkit.pipelines.label.LabelSettings;
import org.cotkit.pipelines.label.LabelWork;
import org.cotkit.pipelines.dedup.QuestionFilteredWork;
import org.cotkit.pipelines.manifest.ManifestHeader;
import org.cotkit.pipelines.shape.ChunkedPipeline;

/**
 * {@code cotkit label}: every usable teacher record, with its answer verified and its question's
 * pass rate, difficulty and token budget added. Nothing is filtered: a wrong answer is a label
 * ({@code verified = false}), so the file can be inspected or filtered downstream.
 *
 * <pre>
 * plan chunks → [corpus pass: long-CoT length percentile, for the length policy; duplicate questions;
 *       benchmark n-grams]
 *   → record pass, per batch: drop duplicates and benchmark overlaps → label → JSONL | Parquet
 *   → dead letters → errors/ ; counts and label distributions → manifest.json
 * </pre>
 */
public final class LabelPipeline {

  private LabelPipeline() {}

  /**
   * Adds the labelling pipeline to {@code pipeline}; matches the input.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  public static void build(Pipeline pipeline, LabelSettings settings) {
    LinkedHashMap<String, Object> used =
        ManifestHeader.input(settings.input(), pipeline.getOptions().getRunner().getSimpleName());
    used.putAll(settings.difficulty().describe());
    used.put("output_format", ManifestHeader.lower(settings.outputFormat()));
    QuestionFilteredWork work =
        new QuestionFilteredWork(new LabelWork(settings, settings.input().output()), settings.input());
    LinkedHashMap<String, Object> header = ManifestHeader.of("label", settings.input(), used);
    header.putAll(work.manifestSections());
    ChunkedPipeline.build(pipeline, settings.input(), work, ResourceHints.create(), header, List.of("records_read"));
  }
}
