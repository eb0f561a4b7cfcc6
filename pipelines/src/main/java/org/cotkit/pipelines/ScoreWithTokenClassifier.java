package org.cotkit.pipelines;

import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.resourcehints.ResourceHints;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.cotkit.compressors.OnnxTokenClassifierScorer;
import org.cotkit.compressors.ScoringDevice;
import org.cotkit.compressors.ScoringStats;
import org.cotkit.compressors.TokenClassifierSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores every word with an LLMLingua-2-style ONNX token classifier ({@code --scorer onnx}). Each
 * bundle's batches are scored with one model call per {@code --batch-size} chunks; the model is
 * loaded once per JVM and shared by every instance of this step (see
 * {@link OnnxTokenClassifierScorer}). Outputs like {@link ScoreImportance}.
 *
 * <p>Beam metrics (namespace {@code cotkit}): {@code model_batches}, {@code model_batch_size},
 * {@code model_padding_permille}, {@code model_latency_ms} (per call), {@code model_load_ms} and
 * {@code words_scored}. With {@code --device cuda} the step carries an accelerator resource hint,
 * so a runner that places work by hints (Dataflow) runs it on GPU workers.
 */
public final class ScoreWithTokenClassifier extends PTransform<PCollection<List<CotToCompress>>, PCollectionTuple> {

  /** Dataflow's accelerator hint when none is given: one NVIDIA L4, driver installed. */
  public static final String DEFAULT_ACCELERATOR = "type:nvidia-l4;count:1;install-nvidia-driver";

  private final TokenClassifierSettings settings;
  private final String accelerator;

  public ScoreWithTokenClassifier(TokenClassifierSettings settings, String accelerator) {
    this.settings = settings;
    this.accelerator = accelerator;
  }

  @Override
  public PCollectionTuple expand(PCollection<List<CotToCompress>> batches) {
    ParDo.MultiOutput<List<CotToCompress>, List<ScoredCot>> score =
        ParDo.of(new TokenClassifierFn(settings))
            .withOutputTags(ScoreImportance.SCORED, TupleTagList.of(ScoreImportance.DEAD_LETTERS));
    if (settings.device() == ScoringDevice.CUDA) {
      score.setResourceHints(ResourceHints.create().withAccelerator(accelerator));
    }
    PCollectionTuple scored = batches.apply("ScoreWords", score);
    scored.get(ScoreImportance.SCORED).setCoder(BatchCoder.of(ScoredCot.class));
    return scored;
  }

  private static final class TokenClassifierFn extends ScoreImportance.ScoreBatchFn {
    private static final Logger LOG = LoggerFactory.getLogger(ScoreWithTokenClassifier.class);

    private final TokenClassifierSettings settings;
    private final Counter batches = Metrics.counter("cotkit", "model_batches");
    private final Distribution batchSize = Metrics.distribution("cotkit", "model_batch_size");
    private final Distribution paddingPermille = Metrics.distribution("cotkit", "model_padding_permille");
    private final Distribution latencyMs = Metrics.distribution("cotkit", "model_latency_ms");
    private final Distribution loadMs = Metrics.distribution("cotkit", "model_load_ms");
    private transient OnnxTokenClassifierScorer scorer;

    TokenClassifierFn(TokenClassifierSettings settings) {
      this.settings = settings;
    }

    @Override
    void openScorer() {
      scorer = OnnxTokenClassifierScorer.open(settings);
      loadMs.update(scorer.loadNanos() / 1_000_000);
      if (scorer.deviceNote() != null) {
        LOG.warn("--device auto runs on the CPU: {}", scorer.deviceNote());
      }
    }

    @ProcessElement
    public void process(@Element List<CotToCompress> batch, MultiOutputReceiver out) {
      ScoringStats stats = scorer.stats();
      long calls = stats.batches();
      long sequences = stats.sequences();
      long tokens = stats.tokens();
      long slots = stats.slots();
      long nanos = stats.modelNanos();
      score(batch, scorer, out);
      long newCalls = stats.batches() - calls;
      if (newCalls > 0) {
        batches.inc(newCalls);
        batchSize.update(Math.round((stats.sequences() - sequences) / (double) newCalls));
        long newSlots = stats.slots() - slots;
        paddingPermille.update(Math.round(1000 * (1 - (stats.tokens() - tokens) / (double) newSlots)));
        latencyMs.update(Math.round((stats.modelNanos() - nanos) / 1e6 / newCalls));
      }
    }

    @Teardown
    public void close() {
      if (scorer != null) {
        scorer.close();
      }
    }
  }
}
