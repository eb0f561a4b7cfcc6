package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompressedCotTest {

  @Test
  void achievedRatioIsKeptOverTotalTokens() {
    assertEquals(0.7, new CompressedCot("x", 0.7, 7, 10).achievedRatio());
    assertEquals(2.0 / 3, new CompressedCot("x", 0.5, 2, 3).achievedRatio());
    assertEquals(1.0, new CompressedCot("x y", 1.0, 2, 2).achievedRatio());
  }

  @Test
  void emptyTextHasAchievedRatioOne() {
    assertEquals(1.0, new CompressedCot("", 0.5, 0, 0).achievedRatio());
  }
}
