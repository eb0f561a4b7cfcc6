package org.cotkit.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cotkit.compressors.CompressedCot;
import org.cotkit.labelers.AnswerVerifier.Verdict;
import org.cotkit.labelers.Difficulty;
import org.cotkit.labelers.QuestionLabel;
import org.cotkit.labelers.TokenLength;
import org.cotkit.pipelines.build.AdaptiveFormat.TagPosition;
import org.cotkit.pipelines.compress.CompressedRecord;
import org.cotkit.pipelines.compress.TokenSkipFormat;
import org.cotkit.pipelines.io.RawRecord;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.sft.SftExample;
import org.cotkit.pipelines.sft.SftExample.Message;
import org.junit.jupiter.api.Test;

class AdaptiveExampleTest {

  private static final TokenLength WORDS = text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;
  private static final String SEP = TokenSkipFormat.DEFAULT_SEPARATOR;
  private static final String ANSWER_LINE = "\n\nThe final answer is: $\\boxed{18}$";

  private static final String QUESTION = "Janet's ducks lay 16 eggs. How much does she make?";
  private static final String SHORT = "She sells 16 - 3 - 4 = 9 eggs.\nShe makes 9 * 2 = 18 dollars.";
  private static final String THINKING = "How many eggs does she sell? 16 - 3 - 4 = 9.\nHow much does she make? 9 * 2 = 18.";
  private static final String LONG = "<think>\n" + THINKING + "\n</think>\nThe answer is \\boxed{18}.";

  private static final AdaptiveFormat PROMPT_TAGS = new AdaptiveFormat(
      AdaptiveFormat.DEFAULT_SIMPLE_TAG, AdaptiveFormat.DEFAULT_COMPLEX_TAG, TagPosition.PROMPT, SEP);

  private static AdaptiveExample adaptive(SimpleSource source, boolean keepIncorrect) {
    return new AdaptiveExample(PROMPT_TAGS, source, keepIncorrect, WORDS);
  }

  private static TeacherRecord record(String longCot, String shortCot) {
    return new TeacherRecord("q1", QUESTION, "18", longCot, shortCot, List.of(), "gsm8k/test", "math",
        RawRecord.of("in.jsonl", 1, "{}"));
  }

  private static QuestionLabel label(Difficulty difficulty, Boolean longCorrect, Boolean shortCorrect) {
    return new QuestionLabel("18", "boxed", Verdict.CORRECT, longCorrect, shortCorrect, 4, 0.75, difficulty,
        difficulty == null ? null : "pass_rate", 40, 20);
  }

  private static CompressedRecord compressed(TeacherRecord record, QuestionLabel label, CompressedCot simple) {
    ChosenCot input = new ChosenCot(record, THINKING, "18", ChosenCot.GOLD, true, label);
    return new CompressedRecord(input, List.of(new CompressedCot(THINKING, 1.0, 19, 19)), simple);
  }

  private static AdaptiveExample.Outcome outcome(
      SimpleSource source, boolean keepIncorrect, TeacherRecord record, QuestionLabel label, CompressedCot simple) {
    return adaptive(source, keepIncorrect).of(compressed(record, label, simple), QuestionSplit.TRAIN);
  }

  private static String skipped(TeacherRecord record, QuestionLabel label) {
    AdaptiveExample.Outcome outcome = outcome(SimpleSource.SHORT_COT, false, record, label, null);
    assertNull(outcome.row(), "no row when skipped");
    return outcome.skipped();
  }

  // ---- rows

  @Test
  void simpleQuestionIsAnsweredWithTheShortCot() {
    AdaptiveExample.Outcome outcome =
        outcome(SimpleSource.SHORT_COT, false, record(LONG, SHORT), label(Difficulty.SIMPLE, true, true), null);
    assertNull(outcome.skipped());
    SftExample row = outcome.row();
    assertEquals("q1:adaptive", row.id());
    assertEquals("q1", row.sourceId());
    assertEquals("train", row.split());
    assertEquals("adaptive", row.mode());
    assertEquals(QUESTION + SEP + "[simple]" + SEP, row.prompt());
    assertEquals(SHORT + ANSWER_LINE, row.completion());
    assertEquals(List.of(new Message("user", row.prompt()), new Message("assistant", row.completion())), row.messages());
    assertNull(row.ratio());
    assertNull(row.achievedRatio());
    assertEquals("simple", row.difficulty());
    assertEquals("pass_rate", row.difficultySource());
    assertEquals(0.75, row.passRate());
    assertEquals(40, row.tokenBudget());
    assertEquals(WORDS.of(SHORT), row.cotTokens());
    assertEquals(WORDS.of(SHORT), row.keptTokens());
    assertEquals("18", row.answer());
    assertEquals("gold", row.answerSource());
    assertEquals(Boolean.TRUE, row.verified());
    assertEquals("gsm8k/test", row.source());
  }

  @Test
  void complexQuestionIsAnsweredWithTheLongCotsThinking() {
    SftExample row = outcome(SimpleSource.SHORT_COT, false, record(LONG, SHORT), label(Difficulty.COMPLEX, true, false), null)
        .row();
    assertEquals(QUESTION + SEP + "[complex]" + SEP, row.prompt());
    assertEquals(THINKING + ANSWER_LINE, row.completion());
    assertFalse(row.completion().contains("think>"), "the think tags and the trace's response are dropped");
    assertEquals("complex", row.difficulty());
    assertEquals(WORDS.of(THINKING), row.cotTokens());
    assertEquals(WORDS.of(THINKING), row.keptTokens());
    assertEquals(Boolean.TRUE, row.verified(), "the long CoT's correctness, not the short one's");
  }

  @Test
  void splitIsTheOneGiven() {
    SftExample row = adaptive(SimpleSource.SHORT_COT, false)
        .of(compressed(record(LONG, SHORT), label(Difficulty.SIMPLE, true, true), null), QuestionSplit.VALIDATION)
        .row();
    assertEquals("validation", row.split());
  }

  @Test
  void completionPositionPutsTheTagOnTheFirstLine() {
    AdaptiveFormat inCompletion = new AdaptiveFormat("[simple]", "[complex]", TagPosition.COMPLETION, SEP);
    SftExample row = new AdaptiveExample(inCompletion, SimpleSource.SHORT_COT, false, WORDS)
        .of(compressed(record(LONG, SHORT), label(Difficulty.COMPLEX, true, true), null), QuestionSplit.TRAIN)
        .row();
    assertEquals(QUESTION, row.prompt());
    assertEquals("[complex]\n" + THINKING + ANSWER_LINE, row.completion());
    assertEquals(WORDS.of(THINKING), row.cotTokens(), "the tag is not counted as reasoning");
  }

  @Test
  void simpleFromLongUsesThePrunedLongCot() {
    CompressedCot pruned = new CompressedCot("eggs 16 - 3 - 4 = 9. 9 * 2 = 18.", 0.5, 12, 19);
    AdaptiveExample.Outcome outcome = outcome(
        SimpleSource.parse("long:0.5"), false, record(LONG, SHORT), label(Difficulty.SIMPLE, true, false), pruned);
    SftExample row = outcome.row();
    assertEquals(QUESTION + SEP + "[simple]" + SEP, row.prompt());
    assertEquals(pruned.text() + ANSWER_LINE, row.completion());
    assertEquals(0.5, row.ratio());
    assertEquals(12 / 19.0, row.achievedRatio(), 1e-12);
    assertEquals(19, row.cotTokens());
    assertEquals(12, row.keptTokens());
    assertEquals(Boolean.TRUE, row.verified(), "pruned from the long CoT: the long CoT's correctness");
  }

  @Test
  void complexQuestionsIgnoreTheSimpleSource() {
    CompressedCot pruned = new CompressedCot("pruned", 0.5, 1, 19);
    SftExample row = outcome(
        SimpleSource.parse("long:0.5"), false, record(LONG, SHORT), label(Difficulty.COMPLEX, true, true), pruned).row();
    assertEquals(THINKING + ANSWER_LINE, row.completion());
    assertNull(row.ratio());
  }

  @Test
  void unverifiableCotsAreKept() {
    SftExample row = outcome(SimpleSource.SHORT_COT, false, record(LONG, SHORT), label(Difficulty.SIMPLE, true, null), null)
        .row();
    assertNull(row.verified());
    assertEquals(SHORT + ANSWER_LINE, row.completion());
  }

  // ---- skipped questions

  @Test
  void withoutDifficultyThereIsNoAdaptiveRow() {
    assertEquals("no_difficulty", skipped(record(LONG, SHORT), label(null, true, true)));
    assertEquals("no_difficulty", skipped(record(LONG, SHORT), null));
  }

  @Test
  void simpleQuestionWithoutShortCotIsSkipped() {
    assertEquals("no_short_cot", skipped(record(LONG, null), label(Difficulty.SIMPLE, true, null)));
    assertEquals("no_short_cot", skipped(record(LONG, "  \n "), label(Difficulty.SIMPLE, true, null)));
    assertEquals("no_short_cot", skipped(record(LONG, "<think> </think>18"), label(Difficulty.SIMPLE, true, null)));
  }

  @Test
  void complexQuestionWithoutLongCotIsSkipped() {
    assertEquals("no_long_cot", skipped(record(null, SHORT), label(Difficulty.COMPLEX, null, true)));
    assertEquals("no_long_cot", skipped(record("<think>\n</think>The answer is 18", SHORT),
        label(Difficulty.COMPLEX, true, true)));
  }

  @Test
  void simpleFromLongWithoutPrunedLongCotIsSkipped() {
    AdaptiveExample.Outcome outcome = outcome(
        SimpleSource.parse("long:0.5"), false, record(null, SHORT), label(Difficulty.SIMPLE, null, true), null);
    assertNull(outcome.row());
    assertEquals("no_long_cot", outcome.skipped());
  }

  @Test
  void incorrectShortCotIsSkipped() {
    assertEquals("short_cot_incorrect", skipped(record(LONG, SHORT), label(Difficulty.SIMPLE, true, false)));
  }

  @Test
  void incorrectLongCotIsSkipped() {
    assertEquals("long_cot_incorrect", skipped(record(LONG, SHORT), label(Difficulty.COMPLEX, false, true)));

    CompressedCot pruned = new CompressedCot("pruned", 0.5, 1, 2);
    AdaptiveExample.Outcome fromLong = outcome(
        SimpleSource.parse("long:0.5"), false, record(LONG, SHORT), label(Difficulty.SIMPLE, false, true), pruned);
    assertNull(fromLong.row());
    assertEquals("long_cot_incorrect", fromLong.skipped());
  }

  @Test
  void keepIncorrectKeepsWrongCotsMarkedUnverified() {
    SftExample wrongShort = outcome(
        SimpleSource.SHORT_COT, true, record(LONG, SHORT), label(Difficulty.SIMPLE, true, false), null).row();
    assertEquals(Boolean.FALSE, wrongShort.verified());
    assertEquals(SHORT + ANSWER_LINE, wrongShort.completion());

    SftExample wrongLong = outcome(
        SimpleSource.SHORT_COT, true, record(LONG, SHORT), label(Difficulty.COMPLEX, false, true), null).row();
    assertEquals(Boolean.FALSE, wrongLong.verified());
    assertEquals(THINKING + ANSWER_LINE, wrongLong.completion());

    SftExample wrongPruned = outcome(SimpleSource.parse("long:0.5"), true, record(LONG, SHORT),
        label(Difficulty.SIMPLE, false, true), new CompressedCot("pruned", 0.5, 1, 2)).row();
    assertEquals(Boolean.FALSE, wrongPruned.verified());
    assertTrue(wrongPruned.completion().startsWith("pruned"));
  }

  @Test
  void keepIncorrectStillNeedsTheCot() {
    AdaptiveExample.Outcome outcome =
        outcome(SimpleSource.SHORT_COT, true, record(LONG, null), label(Difficulty.SIMPLE, true, false), null);
    assertEquals("no_short_cot", outcome.skipped());
  }
}
