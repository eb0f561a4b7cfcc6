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
import org.cotkit.compressors.SelfInformationScorer;
import org.cotkit.compressors.Word;
import org.cotkit.compressors.WordSegmenter;

/**
 * Segments each chain of thought of each batch into words and scores every word's importance as its
 * self-information under the corpus bigram model (a side input). A chain of thought with no words
 * left (e.g. an empty {@code <think></think>}) or one that fails to score is dead-lettered.
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
        ParDo.of(new ScoreFn(model)).withSideInputs(model).withOutputTags(SCORED, TupleTagList.of(DEAD_LETTERS)));
    scored.get(SCORED).setCoder(BatchCoder.of(ScoredCot.class));
    return scored;
  }

  private static final class ScoreFn extends DoFn<List<CotToCompress>, List<ScoredCot>> {
    private final PCollectionView<BigramModel> model;
    private final Counter wordsScored = Metrics.counter("cotkit", "words_scored");
    private final Counter recordsScored = Metrics.counter("cotkit", "records_scored");
    private final Counter deadLettered = Metrics.counter("cotkit", "dead_lettered");
    private transient WordSegmenter segmenter;

    ScoreFn(PCollectionView<BigramModel> model) {
      this.model = model;
    }

    @Setup
    public void setup() {
      segmenter = new WordSegmenter();
    }

    @ProcessElement
    public void process(@Element List<CotToCompress> batch, ProcessContext context, MultiOutputReceiver out) {
      SelfInformationScorer scorer = new SelfInformationScorer(context.sideInput(model));
      List<ScoredCot> scored = new ArrayList<>(batch.size());
      for (CotToCompress cot : batch) {
        score(cot, scorer, scored, out);
      }
      if (!scored.isEmpty()) {
        out.get(SCORED).output(scored);
      }
    }

    private void score(
        CotToCompress cot, SelfInformationScorer scorer, List<ScoredCot> scored, MultiOutputReceiver out) {
      try {
        List<Word> words = segmenter.segment(cot.cot());
        if (words.isEmpty()) {
          deadLettered.inc();
          out.get(DEAD_LETTERS).output(DeadLetter.of(cot.record().origin(), "score", "chain of thought is empty"));
          return;
        }
        double[] scores = scorer.score(words);
        wordsScored.inc(words.size());
        recordsScored.inc();
        scored.add(new ScoredCot(cot, words, scores));
      } catch (RuntimeException e) {
        deadLettered.inc();
        out.get(DEAD_LETTERS).output(
            DeadLetter.of(cot.record().origin(), "score", "cannot score: " + DeadLetter.oneLine(e)));
      }
    }
  }
}
