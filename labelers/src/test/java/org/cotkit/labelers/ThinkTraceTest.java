package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThinkTraceTest {

  @Test
  void splitsAtCloseTagAndDropsBothTags() {
    ThinkTrace t = ThinkTrace.split("<think>a</think>b");
    assertEquals("a", t.thinking());
    assertEquals("b", t.response());
    assertTrue(t.hadThinkTags());
    assertEquals(new ThinkTrace("a", "b", true), t);
  }

  @Test
  void openingTagIsOptional() {
    ThinkTrace t = ThinkTrace.split("a</think>b");
    assertEquals("a", t.thinking());
    assertEquals("b", t.response());
    assertTrue(t.hadThinkTags());
  }

  @Test
  void textWithoutTagsIsAllThinking() {
    ThinkTrace t = ThinkTrace.split("Let me think. 2 + 2 = 4.");
    assertEquals("Let me think. 2 + 2 = 4.", t.thinking());
    assertEquals("", t.response());
    assertFalse(t.hadThinkTags());
  }

  @Test
  void openedButNeverClosedIsThinkingWithoutTheTag() {
    ThinkTrace t = ThinkTrace.split("<think>still going\nand going");
    assertEquals("still going\nand going", t.thinking());
    assertEquals("", t.response());
    assertFalse(t.hadThinkTags());
  }

  @Test
  void openedButNeverClosedAfterLeadingWhitespace() {
    ThinkTrace t = ThinkTrace.split("  \n<think>  x  ");
    assertEquals("x", t.thinking());
    assertFalse(t.hadThinkTags());
  }

  @Test
  void whitespaceAroundPartsIsStripped() {
    ThinkTrace t = ThinkTrace.split("  <think>\n  reasoning here \n</think>\n\n  The answer is 4.  \n");
    assertEquals("reasoning here", t.thinking());
    assertEquals("The answer is 4.", t.response());
    assertTrue(t.hadThinkTags());
  }

  @Test
  void emptyThinking() {
    ThinkTrace t = ThinkTrace.split("<think> </think>x");
    assertEquals("", t.thinking());
    assertEquals("x", t.response());
    assertTrue(t.hadThinkTags());
  }

  @Test
  void emptyResponseAfterCloseTag() {
    ThinkTrace t = ThinkTrace.split("<think>a</think>  \n ");
    assertEquals("a", t.thinking());
    assertEquals("", t.response());
    assertTrue(t.hadThinkTags());
  }

  @Test
  void textAfterFirstCloseTagIsKeptVerbatim() {
    String after = "First line\n\n  indented <think>odd</think> second\n</think>\tlast";
    ThinkTrace t = ThinkTrace.split("<think>r</think>\n" + after + "\n\n");
    assertEquals("r", t.thinking());
    assertEquals(after, t.response());
    assertTrue(t.hadThinkTags());
  }

  @Test
  void internalNewlinesOfThinkingAreKept() {
    ThinkTrace t = ThinkTrace.split("<think>\nstep 1\n\nstep 2\n</think>done");
    assertEquals("step 1\n\nstep 2", t.thinking());
    assertEquals("done", t.response());
  }

  /** OpenThoughts-114k and Bespoke-Stratos-17k write their assistant turns so. */
  @Test
  void openThoughtsMarkersSplitTheThoughtFromTheSolution() {
    ThinkTrace trace = ThinkTrace.split("<|begin_of_thought|>\n\nOkay, 2 and 2 make 4.\n\n<|end_of_thought|>\n\n"
        + "<|begin_of_solution|>\n\nThe sum is \\boxed{4}.\n\n<|end_of_solution|>");
    assertEquals("Okay, 2 and 2 make 4.", trace.thinking());
    assertEquals("The sum is \\boxed{4}.", trace.response());
    assertTrue(trace.hadThinkTags());
  }

  @Test
  void aSolutionWhoseMarkerIsNotClosedRunsToTheEnd() {
    ThinkTrace trace = ThinkTrace.split("<|begin_of_thought|>a<|end_of_thought|><|begin_of_solution|> b c");
    assertEquals("a", trace.thinking());
    assertEquals("b c", trace.response());
  }

  @Test
  void anOpenThoughtNeverClosedIsAllThinkingWithoutItsMarker() {
    ThinkTrace trace = ThinkTrace.split("  <|begin_of_thought|> cut off here");
    assertEquals("cut off here", trace.thinking());
    assertEquals("", trace.response());
    assertFalse(trace.hadThinkTags());
  }
}
