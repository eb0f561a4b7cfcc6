package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class BigramCountsTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();

  private static final List<String> CORPUS =
      List.of(
          "Natalia sold 48/2 = 24 clips in May.",
          "Natalia sold 48+24 = 72 clips altogether in April and May.",
          "Weng earns 12/60 = $0.2 per minute.\nWorking 50 minutes, she earned 0.2 x 50 = $10.",
          "In the beginning, Betty has only 100 / 2 = $50.",
          "Clips, clips and CLIPS.");

  private static BigramCounts count(List<String> texts) {
    BigramCounts counts = new BigramCounts();
    for (String text : texts) {
      counts.add(SEGMENTER.segment(text));
    }
    return counts;
  }

  @Test
  void countsBigramsOfKeysStartingFromTheStartHistory() {
    BigramCounts counts = count(List.of("The cat. the CAT sat", "the dog"));
    assertEquals(2, counts.count(BigramCounts.START, "the"));
    assertEquals(2, counts.count("the", "cat"));
    assertEquals(1, counts.count("cat", "the"));
    assertEquals(1, counts.count("cat", "sat"));
    assertEquals(1, counts.count("the", "dog"));
    assertEquals(0, counts.count("sat", "the"), "a text's last word is not continued by the next text");
    assertEquals(0, counts.count("dog", "dog"));
    assertEquals(0, counts.count("The", "cat"), "surface forms are not counted, keys are");
    assertEquals(5, counts.distinctBigrams());
  }

  @Test
  void emptyTextAddsNothing() {
    BigramCounts counts = new BigramCounts().add(List.of());
    assertEquals(0, counts.distinctBigrams());
  }

  @Test
  void addAndMergeReturnThis() {
    BigramCounts counts = new BigramCounts();
    assertSame(counts, counts.add(SEGMENTER.segment("a b")));
    assertSame(counts, counts.merge(new BigramCounts()));
  }

  @Test
  void mergeEqualsCountingTheWholeCorpus() {
    BigramCounts whole = count(CORPUS);
    for (int split = 0; split <= CORPUS.size(); split++) {
      BigramCounts left = count(CORPUS.subList(0, split));
      BigramCounts right = count(CORPUS.subList(split, CORPUS.size()));
      BigramCounts merged = left.merge(right);
      assertEquals(whole.asMap(), merged.asMap(), "split at " + split);
      assertEquals(whole.distinctBigrams(), merged.distinctBigrams());
    }
    assertEquals(2, whole.count("natalia", "sold"));
    assertEquals(1, whole.count("clips", "in"));
    assertEquals(1, whole.count("clips", "clips"));
  }

  @Test
  void mergeIsCommutativeAndLeavesTheArgumentUnchanged() {
    BigramCounts a = count(CORPUS.subList(0, 2));
    BigramCounts b = count(CORPUS.subList(2, 5));
    var bBefore = new java.util.HashMap<>(b.asMap());
    BigramCounts ab = count(CORPUS.subList(0, 2)).merge(b);
    BigramCounts ba = count(CORPUS.subList(2, 5)).merge(a);
    assertEquals(ab.asMap(), ba.asMap());
    assertEquals(bBefore, b.asMap());
  }

  @Test
  void mergingWithItselfDoublesCounts() {
    BigramCounts counts = count(CORPUS);
    BigramCounts doubled = count(CORPUS).merge(count(CORPUS));
    counts.asMap().forEach((pair, c) -> assertEquals(2 * c, doubled.asMap().get(pair), pair));
  }

  @Test
  void survivesSerialization() throws Exception {
    BigramCounts counts = count(CORPUS);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(counts);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      BigramCounts copy = (BigramCounts) in.readObject();
      assertEquals(counts.asMap(), copy.asMap());
    }
  }
}
