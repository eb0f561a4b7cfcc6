package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongCountTableTest {

  @Test
  void holdsTheSameCountsAsAHashMapThroughManyGrowths() {
    Random random = new Random(7);
    LongCountTable table = new LongCountTable(1);
    Map<Long, Long> expected = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      // pair-shaped keys (two ints), few distinct high halves, as bigram keys are
      long key = (long) random.nextInt(50) << 32 | random.nextInt(20_000);
      long delta = 1 + random.nextInt(3);
      table.add(key, delta);
      expected.merge(key, delta, Long::sum);
    }
    assertEquals(expected.size(), table.size());
    for (Map.Entry<Long, Long> entry : expected.entrySet()) {
      assertEquals(entry.getValue(), table.get(entry.getKey()), "key " + entry.getKey());
    }
    Map<Long, Long> visited = new HashMap<>();
    table.forEach((key, count) -> assertEquals(null, visited.put(key, count), "key visited twice: " + key));
    assertEquals(expected, visited);
  }

  @Test
  void absentKeysCountZeroIncludingKeyZero() {
    LongCountTable table = new LongCountTable(16);
    assertEquals(0, table.get(0));
    table.add(0, 5);
    table.add(Long.MAX_VALUE, 2);
    assertEquals(5, table.get(0));
    assertEquals(2, table.get(Long.MAX_VALUE));
    assertEquals(0, table.get(1));
    assertEquals(2, table.size());
  }
}
