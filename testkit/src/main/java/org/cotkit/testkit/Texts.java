package org.cotkit.testkit;

import java.util.Random;

/**
 * Random text for properties: any UTF-16 string, weighted towards what breaks text code (Unicode
 * spaces, control characters, combining marks, characters outside the BMP, unpaired surrogates)
 * and towards the fragments a property's subject looks for ({@code \boxed{}, {@code </think>},
 * digits and operators…), which uniformly random characters would almost never spell.
 */
public final class Texts {

  /**
   * Space characters, including those {@link Character#isWhitespace} misses (no-break spaces) and
   * those that look like spaces but are none (U+200B, U+FEFF, U+0085).
   */
  public static final String SPACES =
      " \t\n\r\u000B\f\u001C\u001F\u0085\u00A0\u1680\u180E\u2000\u2007\u200A\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF";

  private static final String[] SCRIPTS = {
    "αβγδεζηθλμπσωΔΣΩ", "абвгдежзийклмнопрЖЩЯ", "的一是不了人我在有他这中大来上个国", "ابتثجحخدذرزسشصضطظعغ",
    "अआइईउऊएऐओऔकखगघ", "ÀÉÎÕÜßçñøåæœŒÆ", "ｱｲｳｴｵ０１２３ＡＢＣ", "ℝℕ∑∏∫√∞≈≠≤≥±×÷°′″"
  };

  private Texts() {}

  /**
   * Any string of about {@code maxLength} chars at most (the last fragment or surrogate pair may
   * run past it): controls and unpaired surrogates included.
   */
  public static String any(Random random, int maxLength, String... fragments) {
    return text(random, maxLength, true, fragments);
  }

  /**
   * A string like {@link #any} that any UTF-8 writer can write and that holds no C0
   * control character but tab, line feed and carriage return: what a valid teacher record's text
   * fields may hold. The {@code fragments} must be such text too.
   */
  public static String wellFormed(Random random, int maxLength, String... fragments) {
    return text(random, maxLength, false, fragments);
  }

  /** One of {@code choices}, uniformly. */
  @SafeVarargs
  public static <T> T oneOf(Random random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static String text(Random random, int maxLength, boolean any, String... fragments) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder out = new StringBuilder(length + 16);
    while (out.length() < length) {
      int kind = random.nextInt(100);
      if (kind < 25) {
        out.append((char) (0x20 + random.nextInt(0x5F))); // printable ASCII
      } else if (kind < 35) {
        out.append((char) ('0' + random.nextInt(10)));
      } else if (kind < 47) {
        char space = SPACES.charAt(random.nextInt(SPACES.length()));
        out.append(any || space >= 0x20 || space == '\t' || space == '\n' || space == '\r' ? space : ' ');
      } else if (kind < 57) {
        String script = SCRIPTS[random.nextInt(SCRIPTS.length)];
        out.append(script.charAt(random.nextInt(script.length())));
      } else if (kind < 62) {
        out.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000 + 1)); // a surrogate pair
      } else if (kind < 65) {
        out.appendCodePoint(oneOf(random, 0x1F600, 0x1F914, 0x1D465, 0x1D7D9, 0x20BB7)); // emoji, 𝑥, 𝟙, 𠮷
      } else if (kind < 69) {
        out.append((char) (0x0300 + random.nextInt(0x70))); // a combining mark, possibly first
      } else if (kind < 75) {
        out.append(wellFormedBmpChar(random));
      } else if (kind < 80 && any) {
        out.append((char) (random.nextBoolean() ? random.nextInt(0x20) : 0x7F + random.nextInt(0x21))); // C0, DEL, C1
      } else if (kind < 83 && any) {
        out.append((char) (0xD800 + random.nextInt(0x800))); // an unpaired surrogate, most likely
      } else if (kind < 86 && any) {
        out.append((char) random.nextInt(0x10000)); // any char at all
      } else if (fragments.length > 0) {
        out.append(fragments[random.nextInt(fragments.length)]);
      } else {
        out.append((char) (0x20 + random.nextInt(0x5F)));
      }
    }
    return out.toString();
  }

  /** A BMP char that is neither a surrogate nor a C0 control. */
  private static char wellFormedBmpChar(Random random) {
    while (true) {
      char c = (char) (0x20 + random.nextInt(0x10000 - 0x20));
      if (!Character.isSurrogate(c)) {
        return c;
      }
    }
  }
}
