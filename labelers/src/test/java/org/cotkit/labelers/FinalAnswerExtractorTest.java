package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FinalAnswerExtractorTest {

  private final FinalAnswerExtractor extractor = new FinalAnswerExtractor();

  private ExtractedAnswer extract(String text) {
    Optional<ExtractedAnswer> answer = extractor.extract(text);
    assertTrue(answer.isPresent(), () -> "no answer found in: " + text);
    return answer.get();
  }

  private void assertAnswer(String value, String source, String text) {
    assertEquals(new ExtractedAnswer(value, source), extract(text), () -> "text: " + text);
  }

  // --- order of trust ---------------------------------------------------------------------------

  /**
   * The response's box is also the last box in the text, so this case alone cannot tell the
   * response rule from the last-box rule; {@link #responseWinsEvenWhenThinkingBoxIsLastInText} can.
   */
  @Test
  void boxedAnswerInResponseWinsOverDifferentBoxedAnswerInThinking() {
    String text = "<think>Maybe \\boxed{3}? Let me recheck.</think>\nSo the result is \\boxed{5}.";
    assertAnswer("5", FinalAnswerExtractor.BOXED, text);
  }

  @Test
  void responseWinsEvenWhenThinkingBoxIsLastInText() {
    // The thinking's box is the only box in the text, so a whole-text search would return 3;
    // the response's phrase must win over it.
    String text = "<think>I guess \\boxed{3}.</think>\nThe answer is 5.";
    assertAnswer("5", FinalAnswerExtractor.ANSWER_PHRASE, text);
  }

  @Test
  void thinkingIsUsedWhenResponseHasNoMarker() {
    String text = "<think>Computing... \\boxed{12}</think>\nHope that helps, 99 times over";
    assertAnswer("12", FinalAnswerExtractor.BOXED, text);
  }

  @Test
  void openingTagOptionalForResponsePriority() {
    String text = "so \\boxed{1} or maybe not</think>\\boxed{2}";
    assertAnswer("2", FinalAnswerExtractor.BOXED, text);
  }

  @Test
  void boxedBeatsPhrasesAndLabels() {
    String text = "The final answer is 9.\nAnswer: 8\n#### 7\nSo \\boxed{6} it is, not 5";
    assertAnswer("6", FinalAnswerExtractor.BOXED, text);
  }

  @Test
  void finalAnswerPhraseBeatsAnswerPhraseLabelAndMarker() {
    String text = "The final answer is 4.\nThe answer is 3\nAnswer: 2\n#### 1";
    assertAnswer("4", FinalAnswerExtractor.FINAL_ANSWER_PHRASE, text);
  }

  @Test
  void answerPhraseBeatsLabelAndMarker() {
    String text = "Answer: 2\nthe answer is 3\n#### 1";
    assertAnswer("3", FinalAnswerExtractor.ANSWER_PHRASE, text);
  }

  @Test
  void labelBeatsGsm8kMarker() {
    assertAnswer("2", FinalAnswerExtractor.ANSWER_LABEL, "#### 1\nAnswer: 2");
  }

  // --- boxed ------------------------------------------------------------------------------------

  @Test
  void lastBoxedIsTaken() {
    assertAnswer("2", FinalAnswerExtractor.BOXED, "first \\boxed{1}, then \\boxed{2}.");
  }

  @Test
  void boxedWithNestedBraces() {
    assertAnswer("\\frac{1}{2}", FinalAnswerExtractor.BOXED, "Thus $x = \\boxed{\\frac{1}{2}}$.");
  }

  @Test
  void boxedPolarCoordinates() {
    assertAnswer(
        "\\left( 3, \\frac{\\pi}{2} \\right)",
        FinalAnswerExtractor.BOXED,
        "the polar coordinates are $\\boxed{\\left( 3, \\frac{\\pi}{2} \\right)}.$");
  }

  @Test
  void boxedContentIsStripped() {
    assertAnswer("x + 1", FinalAnswerExtractor.BOXED, "\\boxed{  x + 1 }");
  }

  @Test
  void fbox() {
    assertAnswer("\\dfrac{3}{4}", FinalAnswerExtractor.BOXED, "We get \\fbox{\\dfrac{3}{4}} here.");
  }

  @Test
  void lastOfBoxedAndFboxIsTaken() {
    assertAnswer("2", FinalAnswerExtractor.BOXED, "\\boxed{1} and \\fbox{2}");
    assertAnswer("1", FinalAnswerExtractor.BOXED, "\\fbox{2} and \\boxed{1}");
  }

  @Test
  void unbalancedBoxedIsNotBoxed() {
    ExtractedAnswer a = extract("So we get \\boxed{\\frac{1}{2} and the text stops 7");
    assertFalse(FinalAnswerExtractor.BOXED.equals(a.source()), () -> "got " + a);
    assertEquals(new ExtractedAnswer("7", FinalAnswerExtractor.LAST_NUMBER), a);
  }

  @Test
  void unbalancedBoxedFallsBackToPhrase() {
    assertAnswer(
        "42", FinalAnswerExtractor.ANSWER_PHRASE, "The answer is 42\n\\boxed{\\frac{1}{2}");
  }

  @Test
  void lastBoxedHelperDirectly() {
    assertEquals("a{b}c", FinalAnswerExtractor.lastBoxed("\\boxed{a{b}c}"));
    assertEquals("", FinalAnswerExtractor.lastBoxed("\\boxed{}"));
    assertEquals(null, FinalAnswerExtractor.lastBoxed("\\boxed{a{b}"));
    assertEquals(null, FinalAnswerExtractor.lastBoxed("no box"));
  }

  // --- phrases, labels, GSM8K marker -------------------------------------------------------------

  @Test
  void finalAnswerPhraseDropsTrailingDot() {
    assertAnswer("18", FinalAnswerExtractor.FINAL_ANSWER_PHRASE, "The final answer is: 18.");
  }

  @Test
  void finalAnswerPhraseKeepsDollarAndDecimals() {
    assertAnswer("$18", FinalAnswerExtractor.FINAL_ANSWER_PHRASE, "So, the final answer is $18.");
    assertAnswer("3.5", FinalAnswerExtractor.FINAL_ANSWER_PHRASE, "The final answer is 3.5.");
  }

  @Test
  void finalAnswerPhraseIsCaseInsensitiveAndLastWins() {
    assertAnswer(
        "10",
        FinalAnswerExtractor.FINAL_ANSWER_PHRASE,
        "The final answer is 9.\nWait, no.\nTHE FINAL ANSWER IS 10");
  }

  @Test
  void answerPhrase() {
    assertAnswer("42", FinalAnswerExtractor.ANSWER_PHRASE, "The answer is 42");
  }

  @Test
  void answerLabel() {
    assertAnswer("7", FinalAnswerExtractor.ANSWER_LABEL, "Some work: 3 + 4\nAnswer: 7");
  }

  @Test
  void shortAnswerLabel() {
    assertAnswer("7", FinalAnswerExtractor.ANSWER_LABEL, "Q: what is 3 + 4?\nA: 7");
  }

  @Test
  void answerLabelOnlyAtLineStart() {
    ExtractedAnswer a = extract("The key idea. Answer: 7 is wrong, it is 8");
    assertEquals(new ExtractedAnswer("8", FinalAnswerExtractor.LAST_NUMBER), a);
  }

  @Test
  void gsm8kMarker() {
    assertAnswer(
        "1,234", FinalAnswerExtractor.GSM8K_MARKER, "She has 1000 + 234 = <<1000+234=1234>>1234.\n#### 1,234");
  }

  // --- last-number fallback and no answer --------------------------------------------------------

  @Test
  void lastNumberFallback() {
    ExtractedAnswer a = extract("She had 3 apples, bought 12 more, so 15 now.");
    assertEquals(new ExtractedAnswer("15", FinalAnswerExtractor.LAST_NUMBER), a);
    assertTrue(a.isFallback());
  }

  @Test
  void lastNumberIsTheResultOfTheClosingLinesLastCalculation() {
    assertEquals(
        new ExtractedAnswer("9", FinalAnswerExtractor.LAST_NUMBER),
        extract("He scored 4 points first.\nSo in total, he scored 4+5=9 points in the 40 minutes"));
    assertEquals("75", extract("The bees: 90 bees - 15 bees = 75 bees return in the last 6 hours.").value());
    // without a calculation on the closing line, its last number
    assertEquals("6", extract("x = 3\nThen it takes 6").value());
    // a '=' with no number after it does not hide the line's numbers
    assertEquals("12", extract("so 12 is what =").value());
  }

  @Test
  void lastNumberKeepsSignThousandsAndDecimals() {
    assertEquals("-1,234.5", extract("temperature went to -1,234.5").value());
  }

  @Test
  void lastNumberDropsTrailingComma() {
    assertEquals(
        new ExtractedAnswer("12", FinalAnswerExtractor.LAST_NUMBER),
        extract("so we get 12, which is it"));
  }

  @Test
  void markedAnswersAreNotFallbacks() {
    assertFalse(extract("\\boxed{1}").isFallback());
    assertFalse(extract("The final answer is 1").isFallback());
    assertFalse(extract("The answer is 1").isFallback());
    assertFalse(extract("Answer: 1").isFallback());
    assertFalse(extract("#### 1").isFallback());
  }

  @Test
  void noNumberAtAllIsEmpty() {
    assertEquals(Optional.empty(), extractor.extract("I do not know, sorry."));
    assertEquals(Optional.empty(), extractor.extract("<think>hmm</think>no idea"));
  }

  @Test
  void nullAndBlankAreEmpty() {
    assertEquals(Optional.empty(), extractor.extract(null));
    assertEquals(Optional.empty(), extractor.extract(""));
    assertEquals(Optional.empty(), extractor.extract(" \n\t "));
  }

  // --- real data ---------------------------------------------------------------------------------

  /** Lines of the GSM8K train split whose reasoning also says "... answer is ..." before "####". */
  private static final java.util.regex.Pattern ANSWER_IS_PHRASE =
      java.util.regex.Pattern.compile("(?i)answer is");

  /**
   * Checks every GSM8K train answer (or only those without an "answer is" phrase) and returns the
   * number of lines checked.
   */
  private int checkGsm8kTrain(boolean skipAnswerIsPhrase) {
    List<String> lines = JsonlFixture.lines("gsm8k/train.jsonl");
    assertTrue(lines.size() > 7000, "expected the full train split, got " + lines.size());
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (int i = 0; i < lines.size(); i++) {
      String answer = JsonlFixture.stringField(lines.get(i), "answer");
      assertNotNull(answer, "no answer field on line " + (i + 1));
      int marker = answer.lastIndexOf("####");
      assertTrue(marker >= 0, "no #### on line " + (i + 1));
      if (skipAnswerIsPhrase && ANSWER_IS_PHRASE.matcher(answer).find()) {
        continue;
      }
      checked++;
      ExtractedAnswer expected =
          new ExtractedAnswer(answer.substring(marker + 4).strip(), FinalAnswerExtractor.GSM8K_MARKER);
      Optional<ExtractedAnswer> actual = extractor.extract(answer);
      if (!actual.equals(Optional.of(expected))) {
        failures.add("line " + (i + 1) + ": expected " + expected + ", got " + actual);
      }
    }
    assertTrue(
        failures.isEmpty(),
        () -> failures.size() + " GSM8K lines misread, first ones:\n"
            + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    return checked;
  }

  /**
   * Four GSM8K solutions also say "The answer is …" before their "#### N" line; the phrase ranks
   * first (as specified), and its value must still be the answer, not the rest of the line
   * (e.g. line 1298 "The answer is <<8=8>>8.", line 5416 "The answer is therefore 3.", line 7158
   * "The final answer is 15 gallons * 8 pints / gallon = <<15*8=120>>120 pints").
   */
  @Test
  void answerPhraseTakesTheFirstSentenceAndUnwrapsMath() {
    assertEquals(new ExtractedAnswer("18", FinalAnswerExtractor.FINAL_ANSWER_PHRASE),
        extract("So the total is 18.\nThe final answer is $18$. I hope it is correct."));
    assertEquals(new ExtractedAnswer("3", FinalAnswerExtractor.ANSWER_PHRASE), extract("The answer is $x = 3$."));
    assertEquals("3.5 apples", extract("The answer is 3.5 apples.").value());
    assertEquals("42", extract("The answer is 42! Done.").value());
  }

  @Test
  void gsm8kAnswerPhrasesYieldTheMarkedAnswer() {
    List<String> lines = JsonlFixture.lines("gsm8k/train.jsonl");
    int phrased = 0;
    for (int i = 0; i < lines.size(); i++) {
      String answer = JsonlFixture.stringField(lines.get(i), "answer");
      if (!ANSWER_IS_PHRASE.matcher(answer).find()) {
        continue;
      }
      phrased++;
      String marked = answer.substring(answer.lastIndexOf("####") + 4).strip();
      String value = extractor.extract(answer).orElseThrow().value();
      // the value is the marked answer, at most followed by a unit word ("120 pints")
      assertTrue(value.equals(marked) || value.matches(Pattern.quote(marked) + " [A-Za-z]+"), "line " + (i + 1) + ": " + value);
    }
    assertEquals(4, phrased, "GSM8K train has four solutions with an answer phrase");
  }

  @Test
  void gsm8kTrainAnswersWithoutAnswerPhraseComeFromTheMarker() {
    int checked = checkGsm8kTrain(true);
    assertTrue(checked >= 7400, "only " + checked + " GSM8K lines checked");
  }

  @Test
  void math500SolutionsAreBoxedAndMostlyMatchTheAnswer() {
    List<String> lines = JsonlFixture.lines("math500/test.jsonl");
    assertEquals(500, lines.size());
    int equal = 0;
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String solution = JsonlFixture.stringField(lines.get(i), "solution");
      String answer = JsonlFixture.stringField(lines.get(i), "answer");
      assertNotNull(solution, "no solution field on line " + (i + 1));
      assertNotNull(answer, "no answer field on line " + (i + 1));
      Optional<ExtractedAnswer> got = extractor.extract(solution);
      assertTrue(got.isPresent(), "no answer on line " + (i + 1));
      assertEquals(FinalAnswerExtractor.BOXED, got.get().source(), "line " + (i + 1) + ": " + got);
      if (got.get().value().equals(answer)) {
        equal++;
      } else {
        mismatches.add("line " + (i + 1) + ": boxed [" + got.get().value() + "] answer [" + answer + "]");
      }
    }
    System.out.println("MATH500: " + equal + "/" + lines.size() + " boxed answers equal the answer field, "
        + mismatches.size() + " mismatches");
    mismatches.stream().limit(20).forEach(m -> System.out.println("  " + m));
    int equalCount = equal;
    assertTrue(equal * 10 >= lines.size() * 9,
        () -> "only " + equalCount + "/" + lines.size() + " equal; e.g.\n" + String.join("\n", mismatches));
  }
}
