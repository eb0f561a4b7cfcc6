package org.cotkit.pipelines;

import java.util.ArrayList;
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
import org.cotkit.compressors.Word;
import org.cotkit.compressors.WordSegmenter;

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

  /**
   * Scoring a batch with any scorer: segment, score the batch at once, and, when the batch fails,
   * score one by one so that only the records that fail are dead-lettered.
   */
  abstract static class ScoreBatchFn extends DoFn<List<CotToCompress>, List<ScoredCot>> {
    private final Counter wordsScored = Metrics.counter("cotkit", "words_scored");
    private final Counter recordsScored = Metrics.counter("cotkit", "records_scored");
    private final Counter deadLettered = Metrics.counter("cotkit", "dead_lettered");
    private transient WordSegmenter segmenter;

    // Beam allows one @Setup per DoFn, so subclasses open their scorer in openScorer()
    @Setup
    public final void setup() {
      segmenter = new WordSegmenter();
      openScorer();
    }

    /** Opens what the subclass scores with, once per DoFn instance; nothing by default. */
    void openScorer() {}

    void score(List<CotToCompress> batch, ImportanceScorer scorer, MultiOutputReceiver out) {
      List<CotToCompress> cots = new ArrayList<>(batch.size());
      List<List<Word>> texts = new ArrayList<>(batch.size());
      for (CotToCompress cot : batch) {
        List<Word> words = segmenter.segment(cot.cot());
        if (words.isEmpty()) {
          deadLetter(out, cot, "chain of thought is empty");
        } else {
          cots.add(cot);
          texts.add(words);
        }
      }
      List<ScoredCot> scored = new ArrayList<>(cots.size());
      try {
        List<double[]> scores = scorer.scoreBatch(texts);
        for (int i = 0; i < cots.size(); i++) {
          scored.add(new ScoredCot(cots.get(i), texts.get(i), scores.get(i)));
        }
      } catch (RuntimeException batchFailure) {
        scored.clear();
        for (int i = 0; i < cots.size(); i++) {
          try {
            scored.add(new ScoredCot(cots.get(i), texts.get(i), scorer.score(texts.get(i))));
          } catch (RuntimeException e) {
            deadLetter(out, cots.get(i), "cannot score: " + DeadLetter.oneLine(e));
          }
        }
      }
      for (ScoredCot cot : scored) {
        wordsScored.inc(cot.words().size());
      }
      recordsScored.inc(scored.size());
      if (!scored.isEmpty()) {
        out.get(SCORED).output(scored);
      }
    }

    private void deadLetter(MultiOutputReceiver out, CotToCompress cot, String reason) {
      deadLettered.inc();
      out.get(DEAD_LETTERS).output(DeadLetter.of(cot.record().origin(), "score", reason));
    }
  }
}
