package org.cotkit.pipelines.shape;

import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Production defaults for the embedded direct runner. Its immutability and encodability checks
 * encode every element at every step to catch buggy transforms; that belongs in tests (where
 * TestPipeline keeps them on), not in a run over a whole corpus. A user who passes either flag
 * explicitly keeps their choice. The run does not block, so that progress can be shown.
 */
public final class DirectRunnerTuning {

  private DirectRunnerTuning() {}

  public static void apply(PipelineOptions options, List<String> explicitArgs) {
    if (!DirectRunner.class.equals(options.getRunner())) {
      return;
    }
    DirectOptions direct = options.as(DirectOptions.class);
    if (explicitArgs.stream().noneMatch(arg -> arg.startsWith("--enforceImmutability"))) {
      direct.setEnforceImmutability(false);
    }
    if (explicitArgs.stream().noneMatch(arg -> arg.startsWith("--enforceEncodability"))) {
      direct.setEnforceEncodability(false);
    }
    // run() returns at once, so the caller can poll metrics for progress while the pipeline runs
    direct.setBlockOnRun(false);
  }
}
