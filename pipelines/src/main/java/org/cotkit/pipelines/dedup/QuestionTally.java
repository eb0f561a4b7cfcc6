package org.cotkit.pipelines.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One shard's questions as duplicates are found among them: where each record was read, its id, the
 * hash of its {@link QuestionWords#key} and, for near duplicates, its shingles and MinHash band
 * keys. Columns of primitive arrays, so a shard of a million questions is a few arrays, not a
 * million objects.
 */
final class QuestionTally implements Serializable {

  private static final long serialVersionUID = 1L;

  final List<String> files = new ArrayList<>();
  private final transient Map<String, Integer> fileIndex = new HashMap<>();
  int size;
  int[] file = new int[64];
  long[] line = new long[64];
  long[] key = new long[64];
  String[] id = new String[64];
  long[][] shingles;
  long[][] bands;

  QuestionTally(boolean near) {
    if (near) {
      shingles = new long[64][];
      bands = new long[64][];
    }
  }

  void add(String recordFile, long recordLine, String recordId, String question) {
    if (size == line.length) {
      int capacity = size * 2;
      file = Arrays.copyOf(file, capacity);
      line = Arrays.copyOf(line, capacity);
      key = Arrays.copyOf(key, capacity);
      id = Arrays.copyOf(id, capacity);
      if (shingles != null) {
        shingles = Arrays.copyOf(shingles, capacity);
        bands = Arrays.copyOf(bands, capacity);
      }
    }
    long[] words = WordGrams.wordHashes(QuestionWords.of(question));
    file[size] = fileIndex.computeIfAbsent(recordFile, f -> {
      files.add(f);
      return files.size() - 1;
    });
    line[size] = recordLine;
    key[size] = WordGrams.hash(words, 0, words.length);
    id[size] = recordId;
    if (shingles != null) {
      shingles[size] = WordGrams.shingles(words);
      bands[size] = MinHashBands.keys(shingles[size]);
    }
    size++;
  }
}
