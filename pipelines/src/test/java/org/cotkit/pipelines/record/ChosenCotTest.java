package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.cotkit.pipelines.io.RawRecord;
import org.junit.jupiter.api.Test;

class ChosenCotTest {

  private static TeacherRecord record(String answer, String longCot, String shortCot) {
    return new TeacherRecord("id-1", "Q?", answer, longCot, shortCot, List.of(), null, null, RawRecord.of("f", 1, "{}"));
  }

  @Test
  void longIsPreferredWhenBothArePresent() {
    TeacherRecord both = record("5", "the long one", "the short one");
    assertEquals("the long one", CotPreference.LONG.pick(both));
    ChosenCot chosen = ChosenCot.choose(both, CotPreference.LONG);
    assertEquals("the long one", chosen.cot());
    assertEquals("5", chosen.answer());
    assertSame(both, chosen.record());
  }

  @Test
  void shortIsPreferredWhenAskedFor() {
    TeacherRecord both = record("5", "the long one", "the short one");
    assertEquals("the short one", CotPreference.SHORT.pick(both));
    assertEquals("the short one", ChosenCot.choose(both, CotPreference.SHORT).cot());
  }

  @Test
  void longFallsBackToShort() {
    TeacherRecord onlyShort = record("5", null, "the short one");
    assertEquals("the short one", CotPreference.LONG.pick(onlyShort));
    assertEquals("the short one", ChosenCot.choose(onlyShort, CotPreference.LONG).cot());
  }

  @Test
  void shortFallsBackToLong() {
    TeacherRecord onlyLong = record("5", "the long one", null);
    assertEquals("the long one", CotPreference.SHORT.pick(onlyLong));
    assertEquals("the long one", ChosenCot.choose(onlyLong, CotPreference.SHORT).cot());
  }

  @Test
  void pickIsNullWithoutAnyCot() {
    assertNull(CotPreference.LONG.pick(record("5", null, null)));
    assertNull(CotPreference.SHORT.pick(record("5", null, null)));
  }

  @Test
  void thinkTraceIsSplitAndTheStatedAnswerExtracted() {
    ChosenCot chosen = ChosenCot.choose(
        record(null, "<think>reasoning</think>The answer is \\boxed{7}", null), CotPreference.LONG);
    assertEquals("reasoning", chosen.cot());
    assertEquals("7", chosen.answer());
  }

  @Test
  void thinkingWithoutOpeningTagIsStillSplit() {
    ChosenCot chosen = ChosenCot.choose(
        record(null, "  Add 3 and 4.\n</think>\n\nSo the final answer is 7.", null), CotPreference.LONG);
    assertEquals("Add 3 and 4.", chosen.cot());
    assertEquals("7", chosen.answer());
  }

  @Test
  void goldAnswerWinsOverTheExtractedOne() {
    ChosenCot chosen = ChosenCot.choose(
        record("8", "<think>reasoning</think>The answer is \\boxed{7}", null), CotPreference.LONG);
    assertEquals("reasoning", chosen.cot());
    assertEquals("8", chosen.answer());
  }

  @Test
  void blankGoldAnswerIsTreatedAsMissing() {
    ChosenCot chosen = ChosenCot.choose(record("  ", "We get \\boxed{12}.", null), CotPreference.LONG);
    assertEquals("12", chosen.answer());
  }

  @Test
  void explicitAnswerInThinkingIsUsedWhenThereIsNoResponse() {
    ChosenCot chosen = ChosenCot.choose(record(null, "3 + 4 = 7. The answer is 7.", null), CotPreference.LONG);
    assertEquals("3 + 4 = 7. The answer is 7.", chosen.cot());
    assertEquals("7", chosen.answer());
  }

  @Test
  void responseIsPreferredOverThinkingForTheAnswer() {
    ChosenCot chosen = ChosenCot.choose(
        record(null, "<think>Maybe \\boxed{5}.</think>Actually \\boxed{6}", null), CotPreference.LONG);
    assertEquals("Maybe \\boxed{5}.", chosen.cot());
    assertEquals("6", chosen.answer());
  }

  @Test
  void lastNumberGuessIsNeverUsed() {
    ChosenCot chosen = ChosenCot.choose(record(null, "We add 3 and 4 to get 7", null), CotPreference.LONG);
    assertEquals("We add 3 and 4 to get 7", chosen.cot());
    assertNull(chosen.answer());

    ChosenCot traced = ChosenCot.choose(record(null, "<think>3 + 4</think>It is 7", null), CotPreference.LONG);
    assertEquals("3 + 4", traced.cot());
    assertNull(traced.answer());
  }
}
