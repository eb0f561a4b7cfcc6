package org.cotkit.pipelines;

import java.util.List;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.cotkit.compressors.BigramModel;
import org.cotkit.compressors.TokenClassifierSettings;

/**
 * TokenSkip compression of chosen chains of thought, the core {@code compress} and {@code build}
 * share: spread the batches over workers, score every word's importance (self-information under a
 * bigram model fitted on the corpus first, or a token classifier), prune at each ratio. Chains of thought that cannot be scored or pruned
 * are dead letters.
 */
public final class CompressCots extends PTransform<PCollection<List<CotToCompress>>, PCollectionTuple> {

  public static final TupleTag<List<CompressedRecord>> COMPRESSED = PruneAtRatios.COMPRESSED;
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private final TokenClassifierSettings modelScorer;
  private final String accelerator;
  private final PruneAtRatios prune;

  /** With the model-free self-information scorer. */
  public CompressCots(PruneAtRatios prune) {
    this(null, null, prune);
  }

  /**
   * @param modelScorer the token classifier to score with; null for the self-information scorer
   * @param accelerator the resource hint of the scoring step on CUDA
   */
  public CompressCots(TokenClassifierSettings modelScorer, String accelerator, PruneAtRatios prune) {
    this.modelScorer = modelScorer;
    this.accelerator = accelerator;
    this.prune = prune;
  }

  /** The compression the options ask for. */
  public static CompressCots from(TokenSkipOptions options, PruneAtRatios prune) {
    return new CompressCots(TokenClassifierOptions.settings(options), options.getAccelerator(), prune);
  }

  @Override
  public PCollectionTuple expand(PCollection<List<CotToCompress>> cots) {
    PCollectionTuple scored;
    if (modelScorer != null) {
      scored = cots
          .apply("SpreadBatches", Reshuffle.viaRandomKey())
          .apply("ScoreWithTokenClassifier", new ScoreWithTokenClassifier(modelScorer, accelerator));
    } else {
      // The model is fitted before the batches are spread again: the direct runner copies a
      // combine's whole state for every bundle it adds, so the fewer partial counts the better. Input
      // chunks already arrive one bundle each (ReadTeacherInput), so this is one per chunk, not one
      // per record; CompressChunks, which compress uses, avoids the combine altogether.
      PCollectionView<BigramModel> model = cots.apply("FitBigramModel", new FitBigramModel());
      scored = cots
          .apply("SpreadBatches", Reshuffle.viaRandomKey())
          .apply("ScoreImportance", new ScoreImportance(model));
    }
    PCollectionTuple pruned = scored.get(ScoreImportance.SCORED).apply("PruneAtRatios", prune);
    PCollection<DeadLetter> deadLetters = PCollectionList.of(scored.get(ScoreImportance.DEAD_LETTERS))
        .and(pruned.get(PruneAtRatios.DEAD_LETTERS))
        .apply("DeadLetters", Flatten.pCollections());
    return PCollectionTuple.of(COMPRESSED, pruned.get(PruneAtRatios.COMPRESSED)).and(DEAD_LETTERS, deadLetters);
  }
}
