package org.cotkit.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The text generators: {@link Texts#any} reaches the characters that break text code, and
 * {@link Texts#wellFormed} stays within what a valid record may hold.
 */
class TextsTest {

  private static boolean isPairedAt(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
        : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }

  @Test
  void anyTextReachesControlsUnpairedSurrogatesSpacesAndFragments() {
    Random random = new Random(1);
    boolean control = false;
    boolean unpaired = false;
    boolean noBreakSpace = false;
    boolean pair = false;
    boolean fragment = false;
    for (int i = 0; i < 200; i++) {
      String text = Texts.any(random, 100, "\\boxed{");
      fragment |= text.contains("\\boxed{");
      for (int j = 0; j < text.length(); j++) {
        char c = text.charAt(j);
        control |= c < 0x20 && c != '\t' && c != '\n' && c != '\r';
        unpaired |= Character.isSurrogate(c) && !isPairedAt(text, j);
        pair |= Character.isHighSurrogate(c) && isPairedAt(text, j);
        noBreakSpace |= c == '\u00A0' || c == '\u202F';
      }
    }
    assertTrue(control && unpaired && noBreakSpace && pair && fragment,
        "control " + control + ", unpaired " + unpaired + ", nbsp " + noBreakSpace + ", pair " + pair
            + ", fragment " + fragment);
  }

  @Test
  void wellFormedTextHoldsNoUnpairedSurrogateNorC0ControlButTabAndLineBreaks() {
    PropertyCheck.forAll("well-formed text", 200, (random, size) -> Texts.wellFormed(random, size * 4), text -> {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        assertFalse(Character.isSurrogate(c) && !isPairedAt(text, i), "unpaired surrogate at " + i);
        assertTrue(c >= 0x20 || c == '\t' || c == '\n' || c == '\r', "control character at " + i);
      }
    });
  }

  @Test
  void textsStayWithinTheirLengthButForTheLastFragmentOrPair() {
    PropertyCheck.forAll("text length", 200, (random, size) -> new Object[] {size, Texts.any(random, size, "abcdefgh")},
        drawn -> assertTrue(((String) drawn[1]).length() < (int) drawn[0] + 8, "length " + ((String) drawn[1]).length()));
  }
}
