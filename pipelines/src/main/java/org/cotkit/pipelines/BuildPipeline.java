package org.cotkit.pipelines;

import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.cotkit.pipelines.build.BuildSettings;
import org.cotkit.pipelines.build.BuildWork;
import org.cotkit.pipelines.dedup.QuestionFilteredWork;
import org.cotkit.pipelines.manifest.ManifestHeader;
import org.cotkit.pipelines.shape.ChunkedPipeline;

/**
 * {@code cotkit build}: one dataset with TokenSkip (L1) and adaptive (L2) examples of every usable
 * question, split into train and validation by question.
 *
 * <pre>
 * plan chunks → [corpus pass: long-CoT length percentile; bigram model of the kept records;
 *       duplicate questions; benchmark n-grams]
 *   → record pass, per batch: drop duplicates and benchmark overlaps → label + filter incorrect → score → prune at each γ (and at the
 *       simple γ) → TokenSkip rows + adaptive row → Parquet
 *   → dead letters → errors/ ; counts and label distributions → manifest.json
 * </pre>
 */
public final class BuildPipeline {

  private BuildPipeline() {}

  /**
   * Adds the build pipeline to {@code pipeline}. Building matches the input files, so a mistake
   * fails here, before anything runs or is written.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  public static void build(Pipeline pipeline, BuildSettings settings) {
    LinkedHashMap<String, Object> used =
        ManifestHeader.input(settings.input(), pipeline.getOptions().getRunner().getSimpleName());
    used.putAll(settings.tokenSkip().describe());
    used.putAll(settings.difficulty().describe());
    used.putAll(settings.describe());
    QuestionFilteredWork work =
        new QuestionFilteredWork(new BuildWork(settings, settings.input().output()), settings.input());
    LinkedHashMap<String, Object> header = ManifestHeader.of("build", settings.input(), used);
    header.putAll(work.manifestSections());
    ChunkedPipeline.build(pipeline, settings.input(), work, settings.tokenSkip().resourceHints(), header,
        List.of("records_read", "rows_written"));
  }
}
