package org.cotkit.pipelines.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cotkit.compressors.ImportanceScorer;
import org.cotkit.compressors.Word;
import org.cotkit.pipelines.io.RawRecord;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.record.CotPreference;
import org.cotkit.pipelines.record.TeacherRecord;
import org.junit.jupiter.api.Test;

/** Each chain of thought reaches the scorer with its own question's words, in a batch and one by one. */
class CotScoringTest {

  /** Scores every word by whether the question holds its key, and remembers the questions it saw. */
  private static final class QuestionEcho implements ImportanceScorer {
    final List<String> questions = new ArrayList<>();
    final boolean batchFails;

    QuestionEcho(boolean batchFails) {
      this.batchFails = batchFails;
    }

    @Override
    public double[] score(List<Word> words) {
      throw new AssertionError("scored without its question");
    }

    @Override
    public double[] score(List<Word> words, List<Word> question) {
      questions.add(String.join(" ", question.stream().map(Word::text).toList()));
      List<String> named = question.stream().map(Word::key).toList();
      return words.stream().mapToDouble(w -> named.contains(w.key()) ? 1 : 0).toArray();
    }

    @Override
    public List<double[]> scoreBatch(List<List<Word>> texts, List<List<Word>> questions) {
      if (batchFails) {
        throw new IllegalStateException("batch failed");
      }
      List<double[]> scores = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        scores.add(score(texts.get(i), questions.get(i)));
      }
      return scores;
    }
  }

  private static ChosenCot cot(String id, String question, String longCot) {
    return ChosenCot.choose(new TeacherRecord(id, question, null, longCot, null, List.of(), null, null,
        RawRecord.of("f", 1, "{}")), CotPreference.LONG);
  }

  @Test
  void everyChainOfThoughtIsScoredWithItsOwnQuestion() {
    for (boolean batchFails : new boolean[] {false, true}) {
      QuestionEcho scorer = new QuestionEcho(batchFails);
      List<ChosenCot> batch = List.of(cot("a", "How many apples?", "apples are 3"),
          cot("b", "How many pears?", "pears and apples"));
      List<ScoredCot> scored = new CotScoring().score(batch, scorer, (c, why) -> {
        throw new AssertionError(why);
      });
      assertEquals(List.of("How many apples?", "How many pears?"), scorer.questions, "batch fails: " + batchFails);
      assertEquals(List.of(1.0, 0.0, 0.0), List.of(scored.get(0).scores()[0], scored.get(0).scores()[1],
          scored.get(0).scores()[2]));
      assertEquals(1.0, scored.get(1).scores()[0]);
      assertEquals(0.0, scored.get(1).scores()[2], "'apples' is not named by the second question");
    }
  }
}
