package org.cotkit.compressors;

/**
 * The token length of a text that changes a little at a time (a pruned CoT as words are added or
 * given back), counted again only where it changed. Byte-level BPE tokenizers (Qwen, Llama 3,
 * DeepSeek) cut a text into pieces that never run past the end of a run of line breaks, so a
 * text's length is the sum of its lines' lengths, each line taken with the line breaks after it;
 * a change inside one line changes only that line's count. Any count this way is
 * {@linkplain #approximate() marked}, for the caller to confirm with one whole count: a tokenizer
 * whose pieces do cross lines shows up there, not in a dataset.
 */
final class LineDeltaLength {

  private final TokenCounter counter;
  private String base;
  private int baseCount;
  private boolean approximate;

  LineDeltaLength(TokenCounter counter) {
    this.counter = counter;
  }

  /** Forgets the last text: the next one is counted whole. */
  void reset() {
    base = null;
    approximate = false;
  }

  /** Whether a count since the last whole one was made of line deltas. */
  boolean approximate() {
    return approximate;
  }

  int of(String text) {
    if (base == null) {
      return whole(text);
    }
    int prefix = 0;
    int max = Math.min(base.length(), text.length());
    while (prefix < max && base.charAt(prefix) == text.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < max - prefix
        && base.charAt(base.length() - 1 - suffix) == text.charAt(text.length() - 1 - suffix)) {
      suffix++;
    }
    int from = prefix;
    while (from > 0 && !(lineStart(base, from) && lineStart(text, from))) {
      from--;
    }
    int tail = suffix;
    while (tail > 0 && !(lineStart(base, base.length() - tail) && lineStart(text, text.length() - tail))) {
      tail--;
    }
    if (from == 0 && tail == 0) {
      return whole(text);
    }
    int count = baseCount - counter.count(base.substring(from, base.length() - tail))
        + counter.count(text.substring(from, text.length() - tail));
    base = text;
    baseCount = count;
    approximate = true;
    return count;
  }

  private int whole(String text) {
    base = text;
    baseCount = counter.count(text);
    approximate = false;
    return baseCount;
  }

  /** Whether a line starts at {@code i}: just after a run of line breaks, before anything else. */
  private static boolean lineStart(String text, int i) {
    return i > 0 && i < text.length() && isBreak(text.charAt(i - 1)) && !isBreak(text.charAt(i));
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r';
  }
}
