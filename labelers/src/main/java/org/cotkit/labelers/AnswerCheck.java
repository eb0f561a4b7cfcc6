package org.cotkit.labelers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cotkit.labelers.AnswerVerifier.Verdict;

/**
 * Checks generations against one question's gold answer: finds what each states and gives the
 * verdict, choosing how by what the gold answer is.
 * <ul>
 *   <li>A question {@link NotVerifiable not verifiable} (no gold, a proof, code, free text) is
 *       {@link Verdict#UNVERIFIABLE} whatever a generation says: its answer is still reported.
 *   <li>A multiple-choice gold ({@link MultipleChoiceAnswer#ofGold}: {@code C}, {@code (C)},
 *       {@code \text{(C)}}, {@code (C) 42}) is compared by letter, case-insensitively, with the
 *       choice the generation states ({@link ChoiceExtractor}). A generation that states no letter
 *       but a value is matched against the option texts known, the gold's own ({@code (C) 42}) and
 *       those the question lists ({@link ChoiceOptions}): the option it names decides. A value that
 *       names no known option is incorrect only when it and the gold option's text are both numbers;
 *       otherwise it may be the right option in other words, so it is unverifiable. When no option
 *       text is known at all, the value is verified against the gold as written, exactly as a math
 *       answer is: a bare {@code C} may as well be carbon or a point's name.
 *   <li>Any other gold is math: the {@link FinalAnswerExtractor extracted} answer is
 *       {@link AnswerVerifier verified} against it.
 * </ul>
 * A last-number guess that matches counts as correct, but one that misses proves nothing (the text
 * may state the answer in other units or words): it is unverifiable, so no correct chain of thought
 * is filtered on a guess.
 */
public final class AnswerCheck {

  /**
   * What a generation states and how it compares with the gold answer.
   *
   * @param answer the answer found (for a choice, its letter); empty when none is
   * @param verdict the comparison; UNVERIFIABLE without an answer or for a question not verifiable
   */
  public record Result(Optional<ExtractedAnswer> answer, Verdict verdict) {}

  private static final FinalAnswerExtractor EXTRACTOR = new FinalAnswerExtractor();
  private static final ChoiceExtractor CHOICES = new ChoiceExtractor();
  private static final AnswerVerifier VERIFIER = new AnswerVerifier();

  private final String gold;
  private final NotVerifiable.Reason notVerifiable;
  /** The gold choice; null unless the gold answer is one. */
  private final MultipleChoiceAnswer choice;
  /** Option texts by letter, the gold's own over the question's; empty unless the gold is a choice. */
  private final Map<Character, String> options;

  private AnswerCheck(String gold, NotVerifiable.Reason notVerifiable, MultipleChoiceAnswer choice,
      Map<Character, String> options) {
    this.gold = gold;
    this.notVerifiable = notVerifiable;
    this.choice = choice;
    this.options = options;
  }

  /**
   * @param question the question's text, which may list options or ask for a proof; null if unknown
   * @param gold the gold answer; null or blank when there is none
   */
  public static AnswerCheck of(String question, String gold) {
    NotVerifiable.Reason reason = NotVerifiable.reason(question, gold).orElse(null);
    MultipleChoiceAnswer choice = reason == null ? MultipleChoiceAnswer.ofGold(gold).orElse(null) : null;
    Map<Character, String> options = new LinkedHashMap<>();
    if (choice != null) {
      options.putAll(ChoiceOptions.listedIn(question));
      if (choice.optionText() != null) {
        options.put(choice.letter(), choice.optionText());
      }
    }
    return new AnswerCheck(gold, reason, choice, options);
  }

  /** Why no generation can be verified against this question's gold answer; empty when one can. */
  public Optional<NotVerifiable.Reason> notVerifiable() {
    return Optional.ofNullable(notVerifiable);
  }

  /** Whether the gold answer is a choice letter. */
  public boolean isMultipleChoice() {
    return choice != null;
  }

  /** What {@code generation} states and its verdict; a null generation states nothing. */
  public Result check(String generation) {
    if (choice != null) {
      Optional<ExtractedAnswer> stated = CHOICES.extract(generation);
      if (stated.isPresent()) {
        return new Result(stated, byLetter(stated.get().value().charAt(0)));
      }
    }
    Optional<ExtractedAnswer> extracted = EXTRACTOR.extract(generation);
    if (notVerifiable != null || extracted.isEmpty()) {
      return new Result(extracted, Verdict.UNVERIFIABLE);
    }
    ExtractedAnswer answer = extracted.get();
    Verdict verdict = choice == null ? VERIFIER.verify(answer.value(), gold) : againstChoice(answer);
    return new Result(extracted, verdict == Verdict.INCORRECT && answer.isFallback() ? Verdict.UNVERIFIABLE : verdict);
  }

  private Verdict byLetter(char letter) {
    return Character.toUpperCase(letter) == choice.letter() ? Verdict.CORRECT : Verdict.INCORRECT;
  }

  /** A stated value, not a letter the choice extractor found, against the gold choice. */
  private Verdict againstChoice(ExtractedAnswer answer) {
    if (!answer.isFallback()) {
      // "#### B", "A: (B)": a marker the choice rules do not read, followed by a letter
      Optional<MultipleChoiceAnswer> letter = MultipleChoiceAnswer.ofStated(answer.value());
      if (letter.isPresent()) {
        return byLetter(letter.get().letter());
      }
    }
    if (options.isEmpty()) {
      return VERIFIER.verify(answer.value(), gold);
    }
    Character named = null;
    for (Map.Entry<Character, String> option : options.entrySet()) {
      if (sameText(answer.value(), option.getValue())) {
        if (named != null) {
          return Verdict.UNVERIFIABLE; // two options read the same: which one is meant is unknown
        }
        named = option.getKey();
      }
    }
    if (named != null) {
      return byLetter(named);
    }
    String goldText = options.get(choice.letter());
    return goldText != null && isNumber(goldText) && isNumber(answer.value())
        ? Verdict.INCORRECT
        : Verdict.UNVERIFIABLE;
  }

  /** Whether a stated value is an option's text: equal as answers, or as words ("a plane" is "Plane"). */
  private static boolean sameText(String value, String optionText) {
    return VERIFIER.verify(value, optionText) == Verdict.CORRECT || plainWords(value).equals(plainWords(optionText));
  }

  private static String plainWords(String text) {
    String withoutArticle = MultipleChoiceAnswer.unwrap(text).replaceFirst("(?i)^(?:a|an|the)\\s+", "");
    return AnswerNormalizer.normalize(withoutArticle).toLowerCase(Locale.ROOT);
  }

  private static boolean isNumber(String text) {
    return AnswerVerifier.value(AnswerNormalizer.normalize(text)) != null;
  }
}
