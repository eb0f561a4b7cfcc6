package org.cotkit.pipelines.build;

import java.io.Serializable;
import java.util.List;
import org.cotkit.pipelines.io.StableHash;
import org.cotkit.pipelines.record.QuestionText;

/**
 * The train/validation split of a question, decided by a hash of its normalised text alone: the
 * same on every run, runner and worker, and the same for every row of the question (all its
 * ratios and modes), so no question leaks from train into validation — even when two input files
 * repeat it under different ids.
 */
public final class QuestionSplit implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String TRAIN = "train";
  public static final String VALIDATION = "validation";

  private final double validationFraction;

  /** @param validationFraction share of questions in validation, in [0, 1) */
  public QuestionSplit(double validationFraction) {
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("--validation-fraction must be in [0, 1), got " + validationFraction);
    }
    this.validationFraction = validationFraction;
  }

  public String of(String question) {
    return position(question) < validationFraction ? VALIDATION : TRAIN;
  }

  /** Where the question falls in [0, 1): 52 bits of its hash, uniform over questions. */
  static double position(String question) {
    long bits = Long.parseUnsignedLong(StableHash.of(List.of("split", QuestionText.normalise(question))), 16) >>> 12;
    return bits / (double) (1L << 52);
  }
}
