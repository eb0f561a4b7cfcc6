package org.cotkit.pipelines.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenSkipFormatTest {

  private final TokenSkipFormat llama = new TokenSkipFormat(TokenSkipFormat.DEFAULT_SEPARATOR);

  @Test
  void defaultSeparatorIsLlama3EndOfTurn() {
    assertEquals("<|eot_id|>", TokenSkipFormat.DEFAULT_SEPARATOR);
  }

  @Test
  void promptCarriesTheRatioBetweenSeparators() {
    assertEquals("What is 2+3?<|eot_id|>0.5<|eot_id|>", llama.prompt("What is 2+3?", 0.5));
    assertEquals("Q<|eot_id|>0.7<|eot_id|>", llama.prompt("Q", 0.7));
    assertEquals("Q<|eot_id|>0.75<|eot_id|>", llama.prompt("Q", 0.75));
  }

  @Test
  void promptAtFullRatioIsTheQuestionAlone() {
    assertEquals("What is 2+3?", llama.prompt("What is 2+3?", 1.0));
    assertEquals("What is 2+3?", new TokenSkipFormat("|").prompt("What is 2+3?", 1.0));
  }

  @Test
  void customSeparator() {
    TokenSkipFormat qwen = new TokenSkipFormat("<|im_end|>");
    assertEquals("Q<|im_end|>0.6<|im_end|>", qwen.prompt("Q", 0.6));
    assertEquals("Q\n0.9\n", new TokenSkipFormat("\n").prompt("Q", 0.9));
  }

  @Test
  void completionEndsWithTheBoxedAnswer() {
    assertEquals("Add 10 and 8.\n\nThe final answer is: $\\boxed{18}$", llama.completion("Add 10 and 8.", "18"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "Add 10 and 8.\nThe answer is $\\boxed{18}$.",
      "Add 10 and 8.\nThe final answer is 18\n\n",
      "Add 10 and 8.\n#### 18",
      "Add 10 and 8.\nAnswer: 18.0"})
  void aCotWhoseLastLineStatesTheAnswerGetsNoSecondAnswerLine(String cot) {
    assertEquals(cot, llama.completion(cot, "18"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "The answer is 18.\nLet me check: 10 + 8 = 18.", // stated, but not at the end
      "Add 10 and 8 to get 18.",                       // a last number is no statement
      "Add 10 and 8.\nThe answer is $\\boxed{17}$."})  // another answer
  void aCotThatDoesNotEndByStatingTheAnswerGetsTheAnswerLine(String cot) {
    assertEquals(cot + "\n\nThe final answer is: $\\boxed{18}$", llama.completion(cot, "18"));
  }

  @Test
  void completionWithoutAnswerIsTheCotAlone() {
    assertEquals("Add 10 and 8.", llama.completion("Add 10 and 8.", null));
  }

  @Test
  void ratioLabelIsTheShortDecimal() {
    assertEquals("0.7", TokenSkipFormat.ratioLabel(0.7));
    assertEquals("0.5", TokenSkipFormat.ratioLabel(0.5));
    assertEquals("0.75", TokenSkipFormat.ratioLabel(0.75));
    assertEquals("1.0", TokenSkipFormat.ratioLabel(1.0));
  }

  @Test
  void aCotEndingInAChoiceLetterGetsNoSecondAnswerLineAndAWrongLetterGetsOne() {
    assertEquals("So the amount doubles.\nAnswer: (C)", llama.completion("So the amount doubles.\nAnswer: (C)", "C"));
    assertEquals("So the amount doubles.\nAnswer: (B)\n\nThe final answer is: $\\boxed{C}$",
        llama.completion("So the amount doubles.\nAnswer: (B)", "C"));
  }
}
