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

/**
 * TokenSkip compression of chosen chains of thought, the core {@code compress} and {@code build}
 * share: fit the bigram model on the corpus (side input), spread the batches over workers, score
 * every word's importance, prune at each ratio. Chains of thought that cannot be scored or pruned
 * are dead letters.
 */
public final class CompressCots extends PTransform<PCollection<List<CotToCompress>>, PCollectionTuple> {

  public static final TupleTag<List<CompressedRecord>> COMPRESSED = PruneAtRatios.COMPRESSED;
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private final PruneAtRatios prune;

  public CompressCots(PruneAtRatios prune) {
    this.prune = prune;
  }

  @Override
  public PCollectionTuple expand(PCollection<List<CotToCompress>> cots) {
    // The model is fitted before the batches are spread over workers: the direct runner copies a
    // combine's whole bag of partial counts for every bundle it adds, so fewer, earlier partial
    // counts (one per input file) fit several times faster than one per spread batch.
    PCollectionView<BigramModel> model = cots.apply("FitBigramModel", new FitBigramModel());
    PCollectionTuple scored = cots
        .apply("SpreadBatches", Reshuffle.viaRandomKey())
        .apply("ScoreImportance", new ScoreImportance(model));
    PCollectionTuple pruned = scored.get(ScoreImportance.SCORED).apply("PruneAtRatios", prune);
    PCollection<DeadLetter> deadLetters = PCollectionList.of(scored.get(ScoreImportance.DEAD_LETTERS))
        .and(pruned.get(PruneAtRatios.DEAD_LETTERS))
        .apply("DeadLetters", Flatten.pCollections());
    return PCollectionTuple.of(COMPRESSED, pruned.get(PruneAtRatios.COMPRESSED)).and(DEAD_LETTERS, deadLetters);
  }
}
