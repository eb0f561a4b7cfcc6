package org.cotkit.pipelines;

import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.cotkit.compressors.BigramModel;
import org.cotkit.compressors.ImportanceScorer;
import org.cotkit.compressors.SelfInformationScorer;

/**
 * Segments each chain of thought of each batch into words and scores every word's importance as its
 * self-information under the corpus bigram model (a side input), a batch at a time. A chain of
 * thought with no words, or one that fails to score, is dead-lettered.
 *
 * @see ScoreWithTokenClassifier the model-scored alternative
 */
public final class ScoreImportance extends PTransform<PCollection<List<CotToCompress>>, PCollectionTuple> {

  public static final TupleTag<List<ScoredCot>> SCORED = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private final PCollectionView<BigramModel> model;

  public ScoreImportance(PCollectionView<BigramModel> model) {
    this.model = model;
  }

  @Override
  public PCollectionTuple expand(PCollection<List<CotToCompress>> batches) {
    PCollectionTuple scored = batches.apply(
        "ScoreWords",
        ParDo.of(new SelfInformationFn(model)).withSideInputs(model).withOutputTags(SCORED, TupleTagList.of(DEAD_LETTERS)));
    scored.get(SCORED).setCoder(BatchCoder.of(ScoredCot.class));
    return scored;
  }

  private static final class SelfInformationFn extends ScoreBatchFn {
    private final PCollectionView<BigramModel> model;

    SelfInformationFn(PCollectionView<BigramModel> model) {
      this.model = model;
    }

    @ProcessElement
    public void process(@Element List<CotToCompress> batch, ProcessContext context, MultiOutputReceiver out) {
      score(batch, new SelfInformationScorer(context.sideInput(model)), out);
    }
  }

  /** Scoring a batch with any scorer ({@link CotScoring}), counted, with its dead letters. */
  abstract static class ScoreBatchFn extends DoFn<List<CotToCompress>, List<ScoredCot>> {
    private final Counter wordsScored = Metrics.counter("cotkit", "words_scored");
    private final Counter recordsScored = Metrics.counter("cotkit", "records_scored");
    private final Counter deadLettered = Metrics.counter("cotkit", "dead_lettered");
    private transient CotScoring scoring;

    // Beam allows one @Setup per DoFn, so subclasses open their scorer in openScorer()
    @Setup
    public final void setup() {
      scoring = new CotScoring();
      openScorer();
    }

    /** Opens what the subclass scores with, once per DoFn instance; nothing by default. */
    void openScorer() {}

    void score(List<CotToCompress> batch, ImportanceScorer scorer, MultiOutputReceiver out) {
      List<ScoredCot> scored = scoring.score(batch, scorer, (cot, reason) -> {
        deadLettered.inc();
        out.get(DEAD_LETTERS).output(DeadLetter.of(cot.record().origin(), "score", reason));
      });
      wordsScored.inc(CotScoring.words(scored));
      recordsScored.inc(scored.size());
      if (!scored.isEmpty()) {
        out.get(SCORED).output(scored);
      }
    }
  }
}
