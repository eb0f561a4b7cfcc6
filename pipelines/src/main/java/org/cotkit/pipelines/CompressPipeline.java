package org.cotkit.pipelines;

import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.cotkit.pipelines.compress.CompressSettings;
import org.cotkit.pipelines.compress.CompressWork;
import org.cotkit.pipelines.dedup.QuestionFilteredWork;
import org.cotkit.pipelines.manifest.ManifestHeader;
import org.cotkit.pipelines.record.InputSettings;
import org.cotkit.pipelines.shape.ChunkedPipeline;

/**
 * {@code cotkit compress}: TokenSkip-style compression of teacher chains of thought into a Parquet
 * SFT dataset.
 *
 * <pre>
 * plan chunks → [corpus pass: bigram model, for the n-gram scorer; duplicate questions; benchmark n-grams]
 *   → record pass, per batch: drop duplicates and benchmark overlaps → choose the CoT → score (bigram model or token classifier)
 *       → prune at each γ → TokenSkip rows → Parquet
 *   → dead letters → errors/ ; counts → manifest.json
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
  public static void build(Pipeline pipeline, CompressSettings settings) {
    InputSettings input = settings.input();
    LinkedHashMap<String, Object> used = ManifestHeader.input(input, pipeline.getOptions().getRunner().getSimpleName());
    used.putAll(settings.tokenSkip().describe());
    used.put("split", settings.split());
    used.put("drop_incorrect", settings.dropIncorrect());
    QuestionFilteredWork work = new QuestionFilteredWork(
        new CompressWork(input.cot(), settings.tokenSkip(), settings.split(), input.output(), settings.dropIncorrect()),
        input);
    LinkedHashMap<String, Object> header = ManifestHeader.of("compress", input, used);
    header.putAll(work.manifestSections());
    ChunkedPipeline.build(pipeline, input, work, settings.tokenSkip().resourceHints(), header,
        List.of("records_read", "rows_written"));
  }
}
