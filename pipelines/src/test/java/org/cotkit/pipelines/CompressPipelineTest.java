package org.cotkit.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.resourcehints.ResourceHint;
import org.cotkit.compressors.ScoringDevice;
import org.cotkit.compressors.TokenClassifierSettings;
import org.cotkit.compressors.WordScorePooling;
import org.cotkit.pipelines.compress.CompressSettings;
import org.cotkit.pipelines.compress.RatioAssignment;
import org.cotkit.pipelines.compress.TokenSkipSettings;
import org.cotkit.pipelines.io.InputFormat;
import org.cotkit.pipelines.record.CotPreference;
import org.cotkit.pipelines.record.InputPreset;
import org.cotkit.pipelines.record.InputSettings;
import org.cotkit.pipelines.record.RecordLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compress pipeline's graph: the token classifier scores inside the record pass, and only on
 * CUDA does that step carry the accelerator hint that puts it on GPU workers; the n-gram scorer adds
 * the corpus pass.
 */
class CompressPipelineTest {

  private static final String ACCELERATOR = "type:nvidia-tesla-t4;count:1;install-nvidia-driver";
  private static final String SAMPLE = Path.of("..", "samples", "gsm8k-teacher.jsonl").toString();

  /** The steps of the built pipeline with the accelerator hint each carries ("" for none). */
  private static List<String> stepsWithAccelerator(TokenClassifierSettings model) {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    Pipeline pipeline = Pipeline.create(options);
    InputSettings input = new InputSettings(SAMPLE, "/tmp/cotkit-never-run", InputFormat.AUTO, "", InputPreset.NONE,
        CotPreference.LONG, 500, new RecordLimits(1 << 20, false, 1.0));
    TokenSkipSettings tokenSkip = new TokenSkipSettings(
        new RatioAssignment(new double[] {0.5, 1.0}, RatioAssignment.Mode.ALL, 42), true, List.of(),
        "<|eot_id|>", model, ACCELERATOR);
    CompressPipeline.build(pipeline, new CompressSettings(input, tokenSkip, "train"));
    List<String> steps = new ArrayList<>();
    pipeline.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public void visitPrimitiveTransform(TransformHierarchy.Node node) {
        ResourceHint hint = node.getTransform().getResourceHints().hints()
            .get("beam:resources:accelerator:v1");
        steps.add(node.getFullName() + "=" + (hint == null ? "" : new String(hint.toBytes(), StandardCharsets.UTF_8)));
      }
    });
    return steps;
  }

  @ParameterizedTest
  @EnumSource(ScoringDevice.class)
  void onlyTheRecordPassOnCudaCarriesTheAcceleratorHint(ScoringDevice device) {
    List<String> steps = stepsWithAccelerator(
        new TokenClassifierSettings("/models/none", device, 0, 8, 64, "1", WordScorePooling.MEAN));
    List<String> hinted = steps.stream().filter(step -> !step.endsWith("=")).toList();
    assertEquals(device == ScoringDevice.CUDA ? List.of("RecordPass/ReadAndWrite=" + ACCELERATOR)
        : List.of(), hinted);
    assertEquals(0, steps.stream().filter(step -> step.startsWith("CorpusPass/")).count(),
        "a model scorer needs no corpus statistics");
  }

  @Test
  void theNgramScorerFitsItsModelInTheCorpusPass() {
    List<String> steps = stepsWithAccelerator(null);
    assertEquals(true, steps.stream().anyMatch(step -> step.startsWith("CorpusPass/TallyShards")), steps.toString());
    assertEquals(List.of(), steps.stream().filter(step -> !step.endsWith("=")).toList());
  }
}
