package org.cotkit.compressors;

/**
 * Running counts of a model scorer's work, for progress and metrics: model calls, the chunks and
 * tokens they carried, the padded slots (so the padding share is {@code 1 − tokens / slots}), time
 * inside the model, and words scored.
 */
public final class ScoringStats {
  long batches;
  long sequences;
  long tokens;
  long slots;
  long modelNanos;
  long wordsScored;

  public long batches() {
    return batches;
  }

  public long sequences() {
    return sequences;
  }

  public long tokens() {
    return tokens;
  }

  public long slots() {
    return slots;
  }

  public long modelNanos() {
    return modelNanos;
  }

  public long wordsScored() {
    return wordsScored;
  }

  /** Share of padded slots in the batches run so far. */
  public double paddingShare() {
    return slots == 0 ? 0 : 1 - (double) tokens / slots;
  }
}
