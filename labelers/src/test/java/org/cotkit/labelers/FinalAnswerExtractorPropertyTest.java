package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.cotkit.testkit.PropertyCheck;
import org.cotkit.testkit.Texts;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link FinalAnswerExtractor} on arbitrary text: it never throws and says where an
 * answer came from; and an answer written as {@code \boxed{X}} or "The answer is X", amid text that
 * marks no other answer, is extracted as X.
 */
class FinalAnswerExtractorPropertyTest {

  private static final FinalAnswerExtractor EXTRACTOR = new FinalAnswerExtractor();

  private static final List<String> SOURCES = List.of(FinalAnswerExtractor.BOXED,
      FinalAnswerExtractor.FINAL_ANSWER_PHRASE, FinalAnswerExtractor.ANSWER_PHRASE, FinalAnswerExtractor.ANSWER_LABEL,
      FinalAnswerExtractor.GSM8K_MARKER, FinalAnswerExtractor.LAST_NUMBER);

  /** What the extractor looks for, so that random text spells it often. */
  private static final String[] MARKERS = {
    "\\boxed{", "\\fbox{", "{", "}", "<think>", "</think>", "The final answer is", "the answer is: ", "\nAnswer: ",
    "\nA: ", "\n#### ", "=", "<<48/2=24>>", "$", ". ", "therefore ", " 18", "-3.5", "1,000", "\\frac{1}{2}", "\n"
  };

  /** Answers as teachers write them; the extractor must hand each back whole. */
  private static String answer(Random random) {
    return switch (random.nextInt(12)) {
      case 0 -> Integer.toString(random.nextInt(2_000_000) - 1_000_000);
      case 1 -> String.format(Locale.ROOT, "%,d", random.nextInt(Integer.MAX_VALUE));
      case 2 -> String.format(Locale.ROOT, "%.2f", random.nextDouble() * 100);
      case 3 -> "\\frac{" + random.nextInt(100) + "}{" + (1 + random.nextInt(99)) + "}";
      case 4 -> random.nextInt(50) + "/" + (1 + random.nextInt(50));
      case 5 -> "\\sqrt{" + random.nextInt(100) + "}";
      case 6 -> "(" + random.nextInt(10) + ", " + random.nextInt(10) + ")";
      case 7 -> "[" + random.nextInt(10) + ", " + random.nextInt(10) + ")";
      case 8 -> Texts.oneOf(random, "Blue Whale", "Tuesday", "x^2 + 1", "2\\pi", "\\text{(C)}", "√2", "Δ", "甲");
      case 9 -> "$" + random.nextInt(1000);
      default -> Texts.wellFormed(random, 12).strip(); // anything at all, kept only if no rule forbids it
    };
  }

  private static boolean containsIgnoringCase(String text, String part) {
    return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }

  /** Text that marks no answer of its own: without boxes, answer phrases or think tags. */
  private static String plainText(Random random, int maxLength) {
    for (int attempt = 0; ; attempt++) {
      String text = Texts.any(random, maxLength, " 18 ", " = ", "\n", " $5 ", " Answer ", " is ", "{", "}");
      if (!containsIgnoringCase(text, "answer is") && !text.contains("\\boxed{") && !text.contains("\\fbox{")
          && !text.contains("</think>")) {
        return text;
      }
      if (attempt > 20) {
        return "";
      }
    }
  }

  @Test
  void neverThrowsAndSaysWhereTheAnswerCameFrom() {
    PropertyCheck.forAll("extraction never throws", 500, (random, size) -> Texts.any(random, size * 4, MARKERS), text -> {
      Optional<ExtractedAnswer> answer = EXTRACTOR.extract(text);
      if (answer.isPresent()) {
        String value = answer.get().value();
        String source = answer.get().source();
        assertTrue(SOURCES.contains(source), "unknown source " + source);
        if (source.equals(FinalAnswerExtractor.BOXED) || source.equals(FinalAnswerExtractor.LAST_NUMBER)) {
          assertTrue(text.contains(value), "the " + source + " answer '" + value + "' is not in the text");
        } else {
          assertTrue(value.lines().count() <= 1, "a phrase's answer spans lines: " + value);
        }
      }
    });
  }

  /** X with balanced braces and no box of its own: what a last balanced {@code \boxed{}} holds whole. */
  private static String boxable(Random random) {
    String value = random.nextInt(3) == 0 ? Texts.any(random, 20, "{", "}", "\\frac{1}{2}", "\\}") : answer(random);
    String unmarked = value.replace("\\boxed{", "boxed").replace("\\fbox{", "fbox");
    while (unmarked.contains("</think>")) {
      unmarked = unmarked.replace("</think>", "");
    }
    StringBuilder balanced = new StringBuilder();
    int depth = 0;
    for (char c : unmarked.toCharArray()) {
      if (c == '}' && depth == 0) {
        continue;
      }
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      balanced.append(c);
    }
    return balanced + "}".repeat(depth);
  }

  @Test
  void aBoxedAnswerIsExtractedBack() {
    PropertyCheck.forAll("\\boxed{X} gives X", 500,
        (random, size) -> new String[] {
          plainText(random, size * 2) + Texts.oneOf(random, "", "$", "</think>", "The answer is 3. ", "\\boxed{3} "),
          boxable(random),
          Texts.oneOf(random, "", "$", ".", "$.", "\n") + plainText(random, size * 2)},
        parts -> {
          String text = parts[0] + "\\boxed{" + parts[1] + "}" + parts[2];
          assertEquals(Optional.of(new ExtractedAnswer(parts[1].strip(), FinalAnswerExtractor.BOXED)), EXTRACTOR.extract(text));
        });
  }

  /**
   * An X that an answer phrase gives back as written: one line, no sentence end, calculation or
   * calculator note inside, no {@code $}, no leading filler word, not ending in a dot.
   */
  private static String phrasable(Random random) {
    while (true) {
      String value = answer(random).strip();
      boolean fits = !value.isEmpty() && !value.matches("(?s).*[\\r\\n\\u0085\\u2028\\u2029].*") // a regex's line ends
          && !endsASentenceInside(value) && !value.contains("=") && !value.contains("<<") && !value.contains("$")
          && !value.endsWith(".") && !value.startsWith(":")
          && !value.matches("(?is)(therefore|thus|so|then|just|simply|clearly)[,:]?\\s.*")
          && !containsIgnoringCase(value, "answer is") && !value.contains("\\boxed{") && !value.contains("\\fbox{")
          && !value.contains("</think>");
      if (fits) {
        return value;
      }
    }
  }

  /** "The answer is X" amid plain text, X maybe written as math ({@code $X$}). */
  private record Phrased(String before, String phrase, String answer, boolean asMath, String end, String after) {
    String text() {
      return before + phrase + (asMath ? "$" + answer + "$" : answer) + end + after;
    }
  }

  private static Phrased phrased(Random random, int size) {
    return new Phrased(
        plainText(random, size * 2) + Texts.oneOf(random, "", "\n", "</think>\n"),
        Texts.oneOf(random, "The answer is ", "the answer is: ", "THE ANSWER IS ", "The answer is\t",
            "The final answer is ", "The final answer is: "),
        phrasable(random),
        random.nextBoolean(),
        Texts.oneOf(random, "", ".", ".\n", ". I hope it is correct.", ". Done! Next"),
        "\n" + plainText(random, size * 2));
  }

  /** Whether a '.', '!' or '?' is followed by whitespace (as {@link Character#isWhitespace} has it). */
  private static boolean endsASentenceInside(String value) {
    for (int i = 0; i + 1 < value.length(); i++) {
      if (".!?".indexOf(value.charAt(i)) >= 0 && Character.isWhitespace(value.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void anAnswerAfterTheAnswerPhraseIsExtractedBack() {
    PropertyCheck.forAll("\"The answer is X\" gives X", 500, FinalAnswerExtractorPropertyTest::phrased, phrased -> {
      Optional<ExtractedAnswer> extracted = EXTRACTOR.extract(phrased.text());
      assertTrue(extracted.isPresent(), "no answer");
      assertEquals(phrased.answer(), extracted.get().value());
      assertFalse(extracted.get().isFallback());
    });
  }
}
