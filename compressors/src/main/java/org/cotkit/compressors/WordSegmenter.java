package org.cotkit.compressors;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits a chain of thought into words with character offsets, using a Lucene analysis chain.
 *
 * <p>A word is a maximal run of non-space characters (no-break spaces count as spaces), the unit TokenSkip and LLMLingua-2
 * prune. Splitting only on whitespace is what keeps {@code 1,000}, {@code -2}, {@code 3.5},
 * {@code $\frac{1}{2}$} and {@code 48/2=24} whole, so a kept word is always cut verbatim from
 * the source. The analysis chain (lower-casing, stripping surrounding punctuation) only shapes the
 * word's {@link Word#key() key}, never its surface text.
 *
 * <p>Thread-safe: Lucene analyzers reuse token streams per thread.
 */
public final class WordSegmenter {

  /**
   * Lucene's default token limit (255) would split long LaTeX runs; this is the most Lucene allows,
   * and a longer run (a pasted blob) is joined back from its pieces.
   */
  private static final int MAX_WORD_LENGTH = 1024 * 1024;

  private final Analyzer analyzer = new CotWordAnalyzer();

  /** Returns the words of {@code text} in order; whitespace between them is not part of any word. */
  public List<Word> segment(String text) {
    List<Word> words = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("cot", new StringReader(text))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        String key = withoutControlChars(term.toString());
        if (!words.isEmpty() && words.get(words.size() - 1).end() == start) {
          // Lucene cuts a token at MAX_WORD_LENGTH, its limit: the next piece continues the word (whose
          // key is then its pieces' keys joined: no statistic of so long a word matters)
          Word before = words.remove(words.size() - 1);
          words.add(new Word(before.start(), end, text.substring(before.start(), end), before.key() + key));
          continue;
        }
        words.add(new Word(start, end, text.substring(start, end), key));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot segment text", e); // a StringReader does not fail
    }
    return words;
  }

  /**
   * Control characters never reach a key: n-gram statistics use a few of them as internal
   * markers ({@link BigramCounts}), and no word is told apart by one anyway.
   */
  private static String withoutControlChars(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (Character.isISOControl(key.charAt(i))) {
        StringBuilder clean = new StringBuilder(key.length());
        key.chars().forEach(c -> clean.append(Character.isISOControl(c) ? '\uFFFD' : (char) c));
        return clean.toString();
      }
    }
    return key;
  }

  /** Splits on every kind of space, including no-break spaces, which Lucene's whitespace test misses. */
  private static final class SpaceTokenizer extends CharTokenizer {
    SpaceTokenizer() {
      super(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, MAX_WORD_LENGTH);
    }

    @Override
    protected boolean isTokenChar(int c) {
      return !(Character.isWhitespace(c) || Character.isSpaceChar(c));
    }
  }

  private static final class CotWordAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new SpaceTokenizer();
      TokenStream keys = new LowerCaseFilter(tokenizer);
      keys = new EdgePunctuationFilter(keys);
      return new TokenStreamComponents(tokenizer, keys);
    }
  }
}
