package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cotkit.compressors.TokenChunker.Chunk;
import org.junit.jupiter.api.Test;

class TokenChunkerTest {

  /** Token → word for words of the given token counts. */
  static int[] tokenWords(int... tokensPerWord) {
    int n = 0;
    for (int t : tokensPerWord) {
      n += t;
    }
    int[] words = new int[n];
    int at = 0;
    for (int w = 0; w < tokensPerWord.length; w++) {
      for (int t = 0; t < tokensPerWord[w]; t++) {
        words[at++] = w;
      }
    }
    return words;
  }

  @Test
  void aTextThatFitsIsOneChunk() {
    assertEquals(List.of(new Chunk(0, 5)), TokenChunker.chunk(tokenWords(2, 3), new boolean[2], 5));
  }

  @Test
  void cutsAfterTheLastSentenceEndInTheBackHalfOfTheWindow() {
    // words of 1 token; word 6 ends a sentence; window 8: cut after word 6, not after word 7
    boolean[] ends = new boolean[12];
    ends[6] = true;
    List<Chunk> chunks = TokenChunker.chunk(tokenWords(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), ends, 8);
    assertEquals(new Chunk(0, 7), chunks.get(0));
    assertEquals(new Chunk(7, 12), chunks.get(1));
  }

  @Test
  void aSentenceEndTooEarlyInTheWindowIsPassedOverForTheLastWordBoundary() {
    boolean[] ends = new boolean[12];
    ends[1] = true;
    assertEquals(new Chunk(0, 8), TokenChunker.chunk(tokenWords(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), ends, 8).get(0));
  }

  @Test
  void neverCutsInsideAWordThatFits() {
    // words of 3 tokens, window 8: chunks of 6 tokens (two words)
    List<Chunk> chunks = TokenChunker.chunk(tokenWords(3, 3, 3, 3, 3), new boolean[5], 8);
    assertEquals(List.of(new Chunk(0, 6), new Chunk(6, 12), new Chunk(12, 15)), chunks);
  }

  @Test
  void aWordLongerThanTheWindowIsCutInside() {
    List<Chunk> chunks = TokenChunker.chunk(tokenWords(1, 10, 1), new boolean[3], 4);
    int covered = 0;
    for (Chunk chunk : chunks) {
      assertTrue(chunk.length() <= 4 && chunk.length() > 0);
      assertEquals(covered, chunk.from(), "chunks are contiguous");
      covered = chunk.to();
    }
    assertEquals(12, covered);
  }

  @Test
  void sentenceEndsTolerateClosingQuotesAndBrackets() {
    assertTrue(TokenChunker.endsSentence("done."));
    assertTrue(TokenChunker.endsSentence("$18.**"));
    assertTrue(TokenChunker.endsSentence("(really?)"));
    assertTrue(TokenChunker.endsSentence("so:"));
    assertFalse(TokenChunker.endsSentence("3.5"));
    assertFalse(TokenChunker.endsSentence("eggs,"));
    assertFalse(TokenChunker.endsSentence(")"));
  }
}
