package org.cotkit.pipelines.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.cotkit.pipelines.io.RawRecord;
import org.cotkit.pipelines.record.QuestionFilterSettings;
import org.cotkit.pipelines.record.TeacherRecord;
import org.junit.jupiter.api.Test;

/**
 * Duplicates within the input: the first record in reading order is kept whatever shards the corpus
 * pass deals the records into, a record the command drops is never the one kept, and near
 * duplicates are found at the threshold and not below it.
 */
class DuplicateQuestionsTest {

  static final String JANET = "Janet's ducks lay 16 eggs per day. She eats three for breakfast every morning and "
      + "bakes muffins for her friends every day with four. She sells the remainder at the farmers' market daily "
      + "for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' market?";
  static final String ROBE = "A robe takes 2 bolts of blue fiber and half that much white fiber. How many bolts in "
      + "total does it take?";

  static QuestionFilterSettings settings(QuestionFilterSettings.Dedup dedup, double threshold) {
    return new QuestionFilterSettings(dedup, threshold, List.of(), "", 8);
  }

  static TeacherRecord record(String file, long line, String id, String question) {
    return new TeacherRecord(id, question, "18", "cot", null, List.of(), null, null, RawRecord.of(file, line, "{}"));
  }

  /** Merges the records dealt round-robin into {@code shards} tallies, in a shuffled order. */
  static Duplicates merge(DuplicateQuestions statistic, List<TeacherRecord> records, int shards, long seed) {
    List<TeacherRecord> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(seed));
    List<QuestionTally> tallies = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      tallies.add(statistic.newTally());
    }
    for (int i = 0; i < shuffled.size(); i++) {
      statistic.add(tallies.get(i % shards), List.of(shuffled.get(i)));
    }
    Collections.shuffle(tallies, new Random(seed + 1));
    return (Duplicates) statistic.merge(tallies.iterator());
  }

  @Test
  void theFirstInReadingOrderIsKeptOnAnyShardingAndOrder() {
    List<TeacherRecord> records = List.of(
        record("/in/b.jsonl", 1, "b1", JANET.toUpperCase()),
        record("/in/a.jsonl", 7, "a7", JANET),
        record("/in/a.jsonl", 3, "a3", "  " + JANET.replace(",", "").replace(" ", "  ")),
        record("/in/a.jsonl", 4, "a4", ROBE),
        record("/in/b.jsonl", 2, "b2", ROBE));
    DuplicateQuestions statistic = new DuplicateQuestions(settings(QuestionFilterSettings.Dedup.EXACT, 0.8), null);
    for (int shards = 1; shards <= 4; shards++) {
      for (long seed = 0; seed < 5; seed++) {
        Duplicates duplicates = merge(statistic, records, shards, seed);
        assertEquals(3, duplicates.size());
        assertEquals("a3", duplicates.of("/in/a.jsonl:7").orElseThrow().keptId());
        assertEquals("a3", duplicates.of("/in/b.jsonl:1").orElseThrow().keptId());
        assertEquals("/in/a.jsonl:4", duplicates.of("/in/b.jsonl:2").orElseThrow().keptLocation());
        assertFalse(duplicates.of("/in/a.jsonl:3").isPresent());
        assertFalse(duplicates.of("/in/b.jsonl:2").orElseThrow().near());
      }
    }
  }

  @Test
  void aRecordTheCommandDropsIsNeverTheOneKept() {
    // the first copy has a wrong answer and build drops it: the second copy keeps the question
    List<TeacherRecord> records = List.of(record("/in/a.jsonl", 1, "wrong", JANET), record("/in/a.jsonl", 2, "right", JANET));
    DuplicateQuestions statistic = new DuplicateQuestions(settings(QuestionFilterSettings.Dedup.EXACT, 0.8),
        record -> !record.id().equals("wrong"));
    Duplicates duplicates = merge(statistic, records, 2, 0);
    assertEquals(0, duplicates.size());
  }

  @Test
  void nearDuplicatesAreFoundAtTheThresholdAndNotBelow() {
    String oneNumberChanged = JANET.replace("16 eggs", "17 eggs");
    double jaccard = WordGrams.jaccard(WordGrams.shingles(WordGrams.wordHashes(QuestionWords.of(JANET))),
        WordGrams.shingles(WordGrams.wordHashes(QuestionWords.of(oneNumberChanged))));
    assertTrue(jaccard > 0.8 && jaccard < 1, String.valueOf(jaccard));
    List<TeacherRecord> records = List.of(record("f", 1, "first", JANET), record("f", 2, "second", oneNumberChanged),
        record("f", 3, "robe", ROBE));

    Duplicates near = merge(new DuplicateQuestions(settings(QuestionFilterSettings.Dedup.NEAR, 0.8), null), records, 3, 0);
    assertEquals(1, near.size());
    Duplicates.Duplicate second = near.of("f:2").orElseThrow();
    assertEquals("first", second.keptId());
    assertEquals(jaccard, second.jaccard(), 1e-12);

    assertEquals(0, merge(new DuplicateQuestions(settings(QuestionFilterSettings.Dedup.NEAR, Math.nextUp(jaccard)), null),
        records, 3, 0).size());
    assertEquals(0, merge(new DuplicateQuestions(settings(QuestionFilterSettings.Dedup.EXACT, 0.8), null), records, 3, 0)
        .size());
  }
}
