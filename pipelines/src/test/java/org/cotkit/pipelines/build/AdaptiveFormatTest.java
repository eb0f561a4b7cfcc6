package org.cotkit.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cotkit.labelers.Difficulty;
import org.cotkit.pipelines.build.AdaptiveFormat.TagPosition;
import org.cotkit.pipelines.compress.TokenSkipFormat;
import org.junit.jupiter.api.Test;

class AdaptiveFormatTest {

  private static final String SEP = TokenSkipFormat.DEFAULT_SEPARATOR;
  private static final String ANSWER_LINE = "\n\nThe final answer is: $\\boxed{18}$";

  private final AdaptiveFormat inPrompt = new AdaptiveFormat(
      AdaptiveFormat.DEFAULT_SIMPLE_TAG, AdaptiveFormat.DEFAULT_COMPLEX_TAG, TagPosition.PROMPT, SEP);
  private final AdaptiveFormat inCompletion = new AdaptiveFormat(
      AdaptiveFormat.DEFAULT_SIMPLE_TAG, AdaptiveFormat.DEFAULT_COMPLEX_TAG, TagPosition.COMPLETION, SEP);

  @Test
  void defaultTagsAreBracketedLabels() {
    assertEquals("[simple]", inPrompt.tag(Difficulty.SIMPLE));
    assertEquals("[complex]", inPrompt.tag(Difficulty.COMPLEX));
  }

  @Test
  void promptPositionPutsTheTagBetweenSeparatorsAfterTheQuestion() {
    assertEquals("What is 9*2?<|eot_id|>[simple]<|eot_id|>", inPrompt.prompt("What is 9*2?", Difficulty.SIMPLE));
    assertEquals("What is 9*2?<|eot_id|>[complex]<|eot_id|>", inPrompt.prompt("What is 9*2?", Difficulty.COMPLEX));
  }

  @Test
  void promptPositionLeavesTheTagOutOfTheCompletion() {
    String completion = inPrompt.completion("She makes 9 * 2 = 18 dollars.", "18", Difficulty.COMPLEX);
    assertEquals("She makes 9 * 2 = 18 dollars." + ANSWER_LINE, completion);
    assertFalse(completion.contains("[complex]"));
  }

  @Test
  void completionPositionLeavesThePromptTheBareQuestion() {
    assertEquals("What is 9*2?", inCompletion.prompt("What is 9*2?", Difficulty.SIMPLE));
    assertEquals("What is 9*2?", inCompletion.prompt("What is 9*2?", Difficulty.COMPLEX));
  }

  @Test
  void completionPositionStartsTheCompletionWithTheTagLine() {
    assertEquals("[simple]\n9 * 2 = 18" + ANSWER_LINE, inCompletion.completion("9 * 2 = 18", "18", Difficulty.SIMPLE));
    assertEquals("[complex]\nFirst, 16 - 3 - 4 = 9.\nThen 9 * 2 = 18." + ANSWER_LINE,
        inCompletion.completion("First, 16 - 3 - 4 = 9.\nThen 9 * 2 = 18.", "18", Difficulty.COMPLEX));
  }

  @Test
  void completionEndsWithTheBoxedAnswerInBothPositions() {
    assertTrue(inPrompt.completion("cot", "18", Difficulty.SIMPLE).endsWith(ANSWER_LINE));
    assertTrue(inCompletion.completion("cot", "18", Difficulty.COMPLEX).endsWith(ANSWER_LINE));
  }

  @Test
  void withoutAnAnswerTheCompletionIsTheCotAlone() {
    assertEquals("cot", inPrompt.completion("cot", null, Difficulty.SIMPLE));
    assertEquals("[simple]\ncot", inCompletion.completion("cot", null, Difficulty.SIMPLE));
  }

  @Test
  void customTagsAndSeparator() {
    AdaptiveFormat qwen = new AdaptiveFormat("<easy>", "<hard>", TagPosition.PROMPT, "<|im_end|>");
    assertEquals("Q<|im_end|><hard><|im_end|>", qwen.prompt("Q", Difficulty.COMPLEX));
    assertEquals("Q<|im_end|><easy><|im_end|>", qwen.prompt("Q", Difficulty.SIMPLE));
  }

  @Test
  void equalTagsAreRejected() {
    String message = assertThrows(IllegalArgumentException.class,
        () -> new AdaptiveFormat("[x]", "[x]", TagPosition.PROMPT, SEP)).getMessage();
    assertTrue(message.contains("--tags"), message);
  }

  @Test
  void blankTagsAreRejected() {
    for (String[] tags : new String[][] {{"", "[complex]"}, {"[simple]", "  "}, {"\t", "\n"}}) {
      String message = assertThrows(IllegalArgumentException.class,
          () -> new AdaptiveFormat(tags[0], tags[1], TagPosition.COMPLETION, SEP)).getMessage();
      assertTrue(message.contains("--tags"), message);
    }
  }
}
