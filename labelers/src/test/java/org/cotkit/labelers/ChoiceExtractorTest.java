package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChoiceExtractorTest {

  private final ChoiceExtractor extractor = new ChoiceExtractor();

  private void assertChoice(String letter, String source, String text) {
    assertEquals(Optional.of(new ExtractedAnswer(letter, source)), extractor.extract(text), () -> "text: " + text);
  }

  // --- each usual form, on the lines teachers write ---------------------------------------------

  @Test
  void answerLabels() {
    assertChoice("C", FinalAnswerExtractor.ANSWER_LABEL,
        "Only the third compound has a chiral centre.\nAnswer: (C)");
    assertChoice("C", FinalAnswerExtractor.ANSWER_LABEL, "The others contradict the data.\n\nAnswer: C");
    assertChoice("C", FinalAnswerExtractor.ANSWER_LABEL,
        "So the reaction is exothermic.\n\n**Answer:** C");
    assertChoice("B", FinalAnswerExtractor.ANSWER_LABEL, "**Answer**: (B) 42");
    assertChoice("D", FinalAnswerExtractor.ANSWER_LABEL, "### Final Answer: D");
    assertChoice("B", FinalAnswerExtractor.ANSWER_LABEL, "Answer: b");
  }

  @Test
  void answerPhrases() {
    assertChoice("B", FinalAnswerExtractor.ANSWER_PHRASE, "Comparing the four rates, the answer is (B).");
    assertChoice("B", FinalAnswerExtractor.ANSWER_PHRASE,
        "Since only the second option keeps the charge balanced, the correct answer is B.");
    assertChoice("B", FinalAnswerExtractor.ANSWER_PHRASE, "Therefore, the answer is (B) 42.");
    assertChoice("C", FinalAnswerExtractor.ANSWER_PHRASE, "Thus the correct option is C, the only even one.");
    assertChoice("A", FinalAnswerExtractor.ANSWER_PHRASE, "So the answer should be option A since it is the smallest.");
    assertChoice("E", FinalAnswerExtractor.ANSWER_PHRASE, "The correct answer is **E**.");
    assertChoice("D", FinalAnswerExtractor.ANSWER_PHRASE, "Final Answer: The final answer is D. I hope it is correct.");
  }

  @Test
  void anAnswerPhraseEndingTheLineIsReadOnTheNextLine() {
    assertChoice("B", FinalAnswerExtractor.ANSWER_PHRASE, "After checking each option, the correct answer is:\n\n**(B) 42**");
  }

  @Test
  void boxedLetters() {
    assertChoice("B", FinalAnswerExtractor.BOXED, "Hence the shape is a plane, $\\boxed{B}$.");
    assertChoice("B", FinalAnswerExtractor.BOXED, "\\boxed{(B)}");
    assertChoice("B", FinalAnswerExtractor.BOXED, "**Final Answer**\n\\boxed{\\text{B}}");
    assertChoice("D", FinalAnswerExtractor.BOXED, "Final Answer: The final answer is $\\boxed{D}$. I hope it is correct.");
    // MATH's own form, with the option's text after the box
    assertChoice("B", FinalAnswerExtractor.BOXED, "Thus the answer is $\\boxed{\\text{(B)}} 3(1 + r/10)^x = 7$.");
  }

  @Test
  void aChoiceAloneOnTheLastLine() {
    assertChoice("B", ChoiceExtractor.CHOICE_LINE, "Only the second one satisfies both conditions.\n\n(B)");
    assertChoice("B", ChoiceExtractor.CHOICE_LINE, "Only the second one satisfies both conditions.\nB)");
    assertChoice("B", ChoiceExtractor.CHOICE_LINE, "The lowest energy is the second.\n(B) 42");
    assertChoice("B", ChoiceExtractor.CHOICE_LINE, "The lowest energy is the second.\n\nB");
    assertChoice("B", ChoiceExtractor.CHOICE_LINE, "Checking the units, we pick\nOption (B)");
    assertChoice("C", ChoiceExtractor.CHOICE_LINE, "Both others overcount.\nSo, option C.");
    assertChoice("B", ChoiceExtractor.CHOICE_LINE, "The pH stays above 7.\nThus, option B is correct.");
    assertChoice("D", ChoiceExtractor.CHOICE_LINE, "The limit is 1/2.\n(D) is the right one.");
  }

  // --- order of trust -----------------------------------------------------------------------------

  @Test
  void theResponseWinsOverTheThinking() {
    String trace = "<think>\nOption A looks right... wait, the answer is A? No: A double counts.\n</think>\n\n"
        + "The correct answer is **(B)**: it counts each pair once.";
    assertChoice("B", FinalAnswerExtractor.ANSWER_PHRASE, trace);
    assertChoice("C", FinalAnswerExtractor.ANSWER_LABEL, "<think>I guess \\boxed{A}.</think>\nAnswer: C");
  }

  @Test
  void theLastStatementOfARuleDecides() {
    assertChoice("C", FinalAnswerExtractor.ANSWER_PHRASE,
        "If the answer is A then x = 3, a contradiction.\nSo the answer is C.");
    assertChoice("B", FinalAnswerExtractor.BOXED, "\\boxed{A}? No.\nOption C fails too.\n\\boxed{B}");
  }

  @Test
  void aRuleWhoseLastStatementIsNoLetterGivesWay() {
    // the box holds a value, the label names the letter
    assertChoice("C", FinalAnswerExtractor.ANSWER_LABEL, "The mass is $\\boxed{42}$ g.\nAnswer: (C)");
    // "If the answer is A ..." is not the last answer phrase: "the answer is 42" is, and it is no letter
    assertEquals(Optional.empty(),
        extractor.extract("If the answer is A, then x = 5. Checking again, the answer is 42."));
  }

  // --- letters in prose are not choices -----------------------------------------------------------

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "A train leaves the station at 3 pm and travels 60 miles per hour.\nA train leaves at 4 pm.",
    "Let me reconsider the options.\nI think the third one is wrong.",
    "Answer: I need to find the area first, so 6 * 7 = 42.",
    "So the answer is a multiple of 3.",
    "Option A gives 12, option B gives 15 and option C gives 18; we need 15.",
    "Points A, B and C are collinear.",
    "B is the midpoint of AC, so AB = 3.",
    "Consider option A.\nIt gives 12, which is too many.",
    "The answer is 42.",
    "",
  })
  void lettersInsideProseAreNotChoices(String text) {
    assertEquals(Optional.empty(), extractor.extract(text));
  }

  /**
   * On real solutions that are not multiple choice, no choice is ever read: of MATH-500's 500, only
   * the three multiple-choice problems' solutions state one; of GSM8K's 7,473 training solutions
   * (prose full of "A", "I", "(a)"), none.
   */
  @Test
  void realSolutionsStateAChoiceOnlyWhenTheyAreMultipleChoice() {
    List<String> stated = new ArrayList<>();
    for (String line : JsonlFixture.lines("math500/test.jsonl")) {
      extractor.extract(JsonlFixture.stringField(line, "solution"))
          .ifPresent(choice -> stated.add(choice.value() + " for " + JsonlFixture.stringField(line, "answer")));
    }
    assertEquals(List.of("C for \\text{(C)}", "E for \\text{(E)}", "B for \\text{(B)}"), stated);
    List<String> gsm8k = new ArrayList<>();
    for (String line : JsonlFixture.lines("gsm8k/train.jsonl")) {
      String solution = JsonlFixture.stringField(line, "answer");
      extractor.extract(solution).ifPresent(choice -> gsm8k.add(choice + ": " + solution));
    }
    assertEquals(List.of(), gsm8k);
  }

  @Test
  void nullIsNoChoice() {
    assertEquals(Optional.empty(), extractor.extract(null));
  }
}
