package org.cotkit.pipelines.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.cotkit.compressors.ImportanceScorer;
import org.cotkit.compressors.Word;
import org.cotkit.compressors.WordSegmenter;
import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.record.ChosenCot;

/**
 * Scores a batch of chains of thought with any scorer, each with its question's words: segment,
 * score the batch at once, and, when the batch fails, score one by one so that only the chains of
 * thought that fail are lost (to the caller's dead letters). Not thread-safe: one per worker.
 */
final class CotScoring {

  private final WordSegmenter segmenter = new WordSegmenter();

  /**
   * @param failed receives each chain of thought that has no words or fails to score, with the reason
   * @return the scored chains of thought, in input order
   */
  List<ScoredCot> score(List<ChosenCot> batch, ImportanceScorer scorer, BiConsumer<ChosenCot, String> failed) {
    List<ChosenCot> cots = new ArrayList<>(batch.size());
    List<List<Word>> texts = new ArrayList<>(batch.size());
    List<List<Word>> questions = new ArrayList<>(batch.size());
    for (ChosenCot cot : batch) {
      List<Word> words = segmenter.segment(cot.cot());
      if (words.isEmpty()) {
        failed.accept(cot, "chain of thought is empty");
      } else {
        cots.add(cot);
        texts.add(words);
        questions.add(segmenter.segment(cot.record().question()));
      }
    }
    List<ScoredCot> scored = new ArrayList<>(cots.size());
    try {
      List<double[]> scores = scorer.scoreBatch(texts, questions);
      for (int i = 0; i < cots.size(); i++) {
        scored.add(new ScoredCot(cots.get(i), texts.get(i), scores.get(i)));
      }
    } catch (RuntimeException batchFailure) {
      scored.clear();
      for (int i = 0; i < cots.size(); i++) {
        try {
          scored.add(new ScoredCot(cots.get(i), texts.get(i), scorer.score(texts.get(i), questions.get(i))));
        } catch (RuntimeException e) {
          failed.accept(cots.get(i), "cannot score: " + DeadLetter.oneLine(e));
        }
      }
    }
    return scored;
  }

  /** Words of every scored chain of thought, for the {@code words_scored} counter. */
  static long words(List<ScoredCot> scored) {
    long words = 0;
    for (ScoredCot cot : scored) {
      words += cot.words().size();
    }
    return words;
  }
}
