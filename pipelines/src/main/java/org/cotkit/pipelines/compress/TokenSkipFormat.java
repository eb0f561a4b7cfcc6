package org.cotkit.pipelines.compress;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.cotkit.labelers.AnswerCheck;
import org.cotkit.labelers.AnswerVerifier;
import org.cotkit.pipelines.sft.Instruction;
import org.cotkit.pipelines.sft.SftExample;

/**
 * TokenSkip's training layout: prompt {@code {question}{sep}{γ}{sep}} (the question alone at
 * γ = 1.0, so the uncompressed CoT is what the student produces without a ratio), completion
 * {@code {cot}\n\nThe final answer is: $\boxed{answer}$} (the line left out when the CoT's last line
 * already states the answer). The default separator is Llama 3's
 * {@code <|eot_id|>}, as in TokenSkip's released data; other students need their own.
 */
public final class TokenSkipFormat implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String DEFAULT_SEPARATOR = "<|eot_id|>";

  /**
   * Labels already written, by ratio: a run has a handful of target ratios and labels each of them
   * twice per row, and {@code Double.toString} every time showed in the profile. Bounded,
   * so that a caller labelling arbitrary ratios does not grow it without end.
   */
  private static final ConcurrentHashMap<Double, String> RATIO_LABELS = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_LABELS = 64;


  private final String separator;
  private final boolean ratioAlwaysShown;
  private final Instruction instruction;

  public TokenSkipFormat(String separator) {
    this(separator, false, Instruction.NONE);
  }

  /**
   * @param ratioAlwaysShown whether γ = 1.0 is written in the prompt too; {@code build} needs it
   *     when adaptive rows own the bare question (the tag in the completion), so that one prompt
   *     never has two different targets
   * @param instruction the instruction before every question
   */
  public TokenSkipFormat(String separator, boolean ratioAlwaysShown, Instruction instruction) {
    this.separator = separator;
    this.ratioAlwaysShown = ratioAlwaysShown;
    this.instruction = instruction;
  }

  /** The {@code prompt} column: the instruction, if any, then the user's turn. */
  public String prompt(String question, double ratio) {
    return instruction.prompt(userTurn(question, ratio));
  }

  /** The {@code messages} column of a row with this completion. */
  public List<SftExample.Message> messages(String question, double ratio, String completion) {
    return instruction.chat(userTurn(question, ratio), completion);
  }

  private String userTurn(String question, double ratio) {
    return ratio >= 1.0 && !ratioAlwaysShown ? question : question + separator + ratioLabel(ratio) + separator;
  }

  /**
   * The chain of thought and the answer line; the chain of thought alone when the answer is unknown
   * or when its last line already states that answer ({@code The answer is $\boxed{3}$.}): a
   * second answer line would teach the student to say it twice.
   */
  public String completion(String cot, String answer) {
    return answer == null || statesAnswerAtEnd(cot, answer)
        ? cot
        : cot + "\n\nThe final answer is: $\\boxed{" + answer + "}$";
  }

  /** Whether the last non-blank line of {@code cot} states {@code answer} explicitly. */
  static boolean statesAnswerAtEnd(String cot, String answer) {
    int end = cot.length();
    while (end > 0 && Character.isWhitespace(cot.charAt(end - 1))) {
      end--;
    }
    String lastLine = cot.substring(cot.lastIndexOf('\n', end - 1) + 1, end);
    if (lastLine.isBlank()) {
      return false;
    }
    // a choice letter ("Answer: (C)") is read as the labeller reads it
    AnswerCheck.Result stated = AnswerCheck.of(null, answer).check(lastLine);
    return stated.verdict() == AnswerVerifier.Verdict.CORRECT
        && stated.answer().map(found -> !found.isFallback()).orElse(false);
  }

  /** "0.5", "0.75", "1.0": the ratio as the student sees it in the prompt. */
  public static String ratioLabel(double ratio) {
    String label = RATIO_LABELS.get(ratio);
    if (label == null) {
      label = Double.toString(ratio);
      if (RATIO_LABELS.size() < MAX_CACHED_LABELS) {
        RATIO_LABELS.put(ratio, label);
      }
    }
    return label;
  }
}
