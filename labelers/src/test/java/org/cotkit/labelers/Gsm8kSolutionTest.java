package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class Gsm8kSolutionTest {

  /** What the hand-written scan must agree with. */
  private static final Pattern CALCULATOR_NOTE = Pattern.compile("<<[^<>]*>>");

  @Test
  void removesCalculatorNotes() {
    assertEquals("Natalia sold 48/2 = 24 clips.", Gsm8kSolution.withoutCalculatorNotes("Natalia sold 48/2 = <<48/2=24>>24 clips."));
    assertEquals("a b c", Gsm8kSolution.withoutCalculatorNotes("<<1>>a <<2+2=4>>b c<<>>"));
  }

  @Test
  void leavesTextWithoutCompleteNotesAsItIs() {
    String text = "x << y < z >> w, <<unclosed, 2<3 > 1";
    assertSame(text, Gsm8kSolution.withoutCalculatorNotes(text));
  }

  @Test
  void nestedOrBrokenMarkersFollowTheRegex() {
    assertEquals("<", Gsm8kSolution.withoutCalculatorNotes("<<<a>>"));
    assertEquals("<<ac", Gsm8kSolution.withoutCalculatorNotes("<<a<<b>>c"));
    assertEquals("<<a>c", Gsm8kSolution.withoutCalculatorNotes("<<a>c<<b>>"));
    assertEquals(">", Gsm8kSolution.withoutCalculatorNotes("<<a>>>"));
  }

  @Test
  void agreesWithTheRegexOnRandomMarkup() {
    Random random = new Random(7);
    char[] alphabet = {'<', '>', 'a', '=', ' '};
    for (int n = 0; n < 20_000; n++) {
      char[] text = new char[random.nextInt(16)];
      for (int i = 0; i < text.length; i++) {
        text[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String s = new String(text);
      assertEquals(CALCULATOR_NOTE.matcher(s).replaceAll(""), Gsm8kSolution.withoutCalculatorNotes(s), "for '" + s + "'");
    }
  }

  @Test
  void parseSplitsReasoningAndAnswer() {
    Optional<Gsm8kSolution> parsed = Gsm8kSolution.parse("She has 2 * 3 = <<2*3=6>>6.\n#### 1,006 ");
    assertTrue(parsed.isPresent());
    assertEquals(new Gsm8kSolution("She has 2 * 3 = 6.", "1006"), parsed.get());
    assertTrue(Gsm8kSolution.parse("no marker").isEmpty());
    assertTrue(Gsm8kSolution.parse("#### 5").isEmpty());
  }
}
