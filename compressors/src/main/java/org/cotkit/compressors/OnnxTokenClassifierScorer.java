package org.cotkit.compressors;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Importance from an LLMLingua-2-compatible token classifier run by ONNX Runtime: a word's score is
 * the probability of the keep label, pooled over its subword tokens ({@link WordScorePooling}).
 *
 * <p>The words are joined by single spaces and tokenized once; each token belongs to the word its
 * character offset falls in, so words the tokenizer splits get all their pieces and words whose
 * every character it drops still get a score (0: the model saw nothing to keep). Texts longer than
 * the window are cut into chunks ({@link TokenChunker}), each scored with the tokenizer's special
 * tokens around it. The chunks of a whole batch of texts are sorted by length and run
 * {@code batchSize} at a time, so padding stays low.
 *
 * <p>Not thread-safe (its statistics are plain counters); the model behind it is shared. Close it
 * when done.
 */
public final class OnnxTokenClassifierScorer implements ImportanceScorer, AutoCloseable {

  private final TokenClassifierModel model;
  private final ScoringStats stats = new ScoringStats();
  private boolean closed;

  private OnnxTokenClassifierScorer(TokenClassifierModel model) {
    this.model = model;
  }

  /**
   * Opens a scorer on the shared model of {@code settings}, loading it on first use.
   *
   * @throws IllegalArgumentException naming the option at fault (a missing or unreadable model)
   * @throws IllegalStateException when {@code --device cuda} cannot start
   */
  public static OnnxTokenClassifierScorer open(TokenClassifierSettings settings) {
    return new OnnxTokenClassifierScorer(TokenClassifierModel.acquire(settings));
  }

  /** The device the model runs on (AUTO resolved). */
  public ScoringDevice device() {
    return model.device;
  }

  /** Why {@code auto} ended on the CPU; null when it did not. */
  public String deviceNote() {
    return model.deviceNote;
  }

  /** How long loading the model took, in nanoseconds (once per JVM and settings). */
  public long loadNanos() {
    return model.loadNanos;
  }

  /** Counts of the work done so far. */
  public ScoringStats stats() {
    return stats;
  }

  @Override
  public double[] score(List<Word> words) {
    return scoreBatch(List.of(words)).get(0);
  }

  @Override
  public List<double[]> scoreBatch(List<List<Word>> texts) {
    if (closed) {
      throw new IllegalStateException("scorer is closed");
    }
    Prepared prepared = prepare(texts);
    int batchSize = model.settings.batchSize();
    for (int from = 0; from < prepared.sequences.size(); from += batchSize) {
      run(prepared.sequences.subList(from, Math.min(prepared.sequences.size(), from + batchSize)));
    }
    List<double[]> scores = new ArrayList<>(texts.size());
    for (int t = 0; t < texts.size(); t++) {
      scores.add(prepared.tokenized.get(t).pool(texts.get(t).size(), model.settings.pooling()));
      stats.wordsScored += texts.get(t).size();
    }
    return scores;
  }

  /**
   * The token id sequences the model would run on for {@code texts}, special tokens included, in
   * the order they are batched (by length): for comparing this scorer with another runtime on the
   * very same inputs.
   */
  public List<long[]> modelInputs(List<List<Word>> texts) {
    List<long[]> inputs = new ArrayList<>();
    for (Sequence sequence : prepare(texts).sequences) {
      long[] ids = new long[model.prefixIds.length + sequence.length() + model.suffixIds.length];
      System.arraycopy(model.prefixIds, 0, ids, 0, model.prefixIds.length);
      System.arraycopy(sequence.text.ids, sequence.from, ids, model.prefixIds.length, sequence.length());
      System.arraycopy(model.suffixIds, 0, ids, model.prefixIds.length + sequence.length(), model.suffixIds.length);
      inputs.add(ids);
    }
    return inputs;
  }

  private record Prepared(List<TokenizedText> tokenized, List<Sequence> sequences) {}

  /** Tokenizes the texts, maps tokens to words, chunks them, and sorts the chunks by length. */
  private Prepared prepare(List<List<Word>> texts) {
    List<String> joined = new ArrayList<>(texts.size());
    List<int[]> wordStarts = new ArrayList<>(texts.size());
    for (List<Word> words : texts) {
      StringBuilder text = new StringBuilder();
      int[] starts = new int[words.size()];
      for (int i = 0; i < words.size(); i++) {
        if (i > 0) {
          text.append(' ');
        }
        starts[i] = text.length();
        text.append(words.get(i).text());
      }
      joined.add(text.toString());
      wordStarts.add(starts);
    }
    Encoding[] encodings = model.encode(joined);

    int maxContent = model.settings.maxTokens() - model.prefixIds.length - model.suffixIds.length;
    List<TokenizedText> tokenized = new ArrayList<>(texts.size());
    List<Sequence> sequences = new ArrayList<>();
    for (int t = 0; t < texts.size(); t++) {
      TokenizedText text = TokenizedText.of(encodings[t], joined.get(t), wordStarts.get(t), texts.get(t));
      tokenized.add(text);
      boolean[] sentenceEnds = new boolean[texts.get(t).size()];
      for (int w = 0; w < sentenceEnds.length; w++) {
        sentenceEnds[w] = TokenChunker.endsSentence(texts.get(t).get(w).text());
      }
      for (TokenChunker.Chunk chunk : TokenChunker.chunk(text.tokenWords, sentenceEnds, maxContent)) {
        sequences.add(new Sequence(text, chunk.from(), chunk.to()));
      }
    }

    sequences.sort(Comparator.comparingInt(Sequence::length));
    return new Prepared(tokenized, sequences);
  }

  /** Runs one batch of chunks, padded to the longest, and stores each token's keep probability. */
  private void run(List<Sequence> batch) {
    int prefix = model.prefixIds.length;
    int width = 0;
    for (Sequence sequence : batch) {
      width = Math.max(width, prefix + sequence.length() + model.suffixIds.length);
    }
    long[][] ids = new long[batch.size()][width];
    long[][] mask = new long[batch.size()][width];
    long real = 0;
    for (int b = 0; b < batch.size(); b++) {
      Sequence sequence = batch.get(b);
      long[] row = ids[b];
      System.arraycopy(model.prefixIds, 0, row, 0, prefix);
      System.arraycopy(sequence.text.ids, sequence.from, row, prefix, sequence.length());
      System.arraycopy(model.suffixIds, 0, row, prefix + sequence.length(), model.suffixIds.length);
      int length = prefix + sequence.length() + model.suffixIds.length;
      Arrays.fill(mask[b], 0, length, 1L);
      real += length;
    }
    long start = System.nanoTime();
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put(model.inputIdsName, OnnxTensor.createTensor(model.environment, ids));
      inputs.put(model.attentionMaskName, OnnxTensor.createTensor(model.environment, mask));
      if (model.tokenTypeIdsName != null) {
        inputs.put(model.tokenTypeIdsName, OnnxTensor.createTensor(model.environment, new long[batch.size()][width]));
      }
      try (OrtSession.Result result = model.session.run(inputs, Set.of(model.logitsName))) {
        float[][][] logits = (float[][][]) result.get(0).getValue();
        for (int b = 0; b < batch.size(); b++) {
          Sequence sequence = batch.get(b);
          for (int i = 0; i < sequence.length(); i++) {
            sequence.text.keepProbabilities[sequence.from + i] = keepProbability(logits[b][prefix + i]);
          }
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the model failed on a batch of " + batch.size() + ": "
          + TokenClassifierModel.firstLine(e), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
    stats.modelNanos += System.nanoTime() - start;
    stats.batches++;
    stats.sequences += batch.size();
    stats.tokens += real;
    stats.slots += (long) batch.size() * width;
  }

  private double keepProbability(float[] logits) {
    if (model.keepLabel >= logits.length) {
      throw new IllegalStateException("--keep-label is label " + model.keepLabel + " but the model gives "
          + logits.length + " labels");
    }
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    for (float l : logits) {
      sum += Math.exp(l - max);
    }
    return Math.exp(logits[model.keepLabel] - max) / sum;
  }

  /** Releases this scorer's share of the model; the last release closes it. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      TokenClassifierModel.release(model);
    }
  }

  /** A chunk of one text's tokens, {@code [from, to)}. */
  private record Sequence(TokenizedText text, int from, int to) {
    int length() {
      return to - from;
    }
  }

  /** One text's tokens that fall in a word: their ids, their words, and (once run) their keep probabilities. */
  private static final class TokenizedText {
    final long[] ids;
    final int[] tokenWords;
    final double[] keepProbabilities;

    private TokenizedText(long[] ids, int[] tokenWords) {
      this.ids = ids;
      this.tokenWords = tokenWords;
      this.keepProbabilities = new double[ids.length];
    }

    /** Keeps the tokens whose character offset falls inside a word. */
    static TokenizedText of(Encoding encoding, String text, int[] wordStarts, List<Word> words) {
      long[] allIds = encoding.getIds();
      CharSpan[] spans = encoding.getCharTokenSpans();
      int[] codePointToUtf16 = HubTokenizers.codePointToUtf16(text);
      long[] ids = new long[allIds.length];
      int[] tokenWords = new int[allIds.length];
      int n = 0;
      for (int i = 0; i < allIds.length; i++) {
        if (spans[i] == null || spans[i].getEnd() <= spans[i].getStart()) {
          continue;
        }
        int start = codePointToUtf16 == null ? spans[i].getStart() : codePointToUtf16[spans[i].getStart()];
        int word = Arrays.binarySearch(wordStarts, start);
        if (word < 0) {
          word = -word - 2; // the word starting before the token
        }
        if (word < 0 || start >= wordStarts[word] + words.get(word).text().length()) {
          continue; // in the space between words
        }
        ids[n] = allIds[i];
        tokenWords[n] = word;
        n++;
      }
      return new TokenizedText(Arrays.copyOf(ids, n), Arrays.copyOf(tokenWords, n));
    }

    double[] pool(int wordCount, WordScorePooling pooling) {
      double[] scores = new double[wordCount];
      int[] counts = new int[wordCount];
      for (int i = 0; i < tokenWords.length; i++) {
        int word = tokenWords[i];
        if (pooling == WordScorePooling.FIRST) {
          if (counts[word] == 0) {
            scores[word] = keepProbabilities[i];
          }
        } else {
          scores[word] += keepProbabilities[i];
        }
        counts[word]++;
      }
      if (pooling == WordScorePooling.MEAN) {
        for (int w = 0; w < wordCount; w++) {
          if (counts[w] > 0) {
            scores[w] /= counts[w];
          }
        }
      }
      return scores;
    }
  }
}
