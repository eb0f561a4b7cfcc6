package org.cotkit.pipelines;

import java.io.Serializable;

/**
 * TokenSkip's training layout: prompt {@code {question}{sep}{γ}{sep}} (the question alone at
 * γ = 1.0, so the uncompressed CoT is what the student produces without a ratio), completion
 * {@code {cot}\n\nThe final answer is: $\boxed{answer}$}. The default separator is Llama 3's
 * {@code <|eot_id|>}, as in TokenSkip's released data; other students need their own.
 */
public final class TokenSkipFormat implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String DEFAULT_SEPARATOR = "<|eot_id|>";

  private final String separator;
  private final boolean ratioAlwaysShown;

  public TokenSkipFormat(String separator) {
    this(separator, false);
  }

  /**
   * @param ratioAlwaysShown whether γ = 1.0 is written in the prompt too; {@code build} needs it
   *     when adaptive rows own the bare question (the tag in the completion), so that one prompt
   *     never has two different targets
   */
  public TokenSkipFormat(String separator, boolean ratioAlwaysShown) {
    this.separator = separator;
    this.ratioAlwaysShown = ratioAlwaysShown;
  }

  public String prompt(String question, double ratio) {
    return ratio >= 1.0 && !ratioAlwaysShown ? question : question + separator + ratioLabel(ratio) + separator;
  }

  /** Without a known answer the completion is the chain of thought alone. */
  public String completion(String cot, String answer) {
    return answer == null ? cot : cot + "\n\nThe final answer is: $\\boxed{" + answer + "}$";
  }

  /** "0.5", "0.75", "1.0": the ratio as the student sees it in the prompt. */
  public static String ratioLabel(double ratio) {
    return Double.toString(ratio);
  }
}
