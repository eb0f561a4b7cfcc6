package org.cotkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotkit.compressors.CompressionQuality;
import org.cotkit.compressors.ForcedWords;
import org.cotkit.compressors.Word;
import org.cotkit.compressors.WordSegmenter;

/**
 * The cost of the quality figures on one thread: every CoT of a JSON Lines file read once, then
 * six prunings of it (every other word kept) counted, five times over.
 *
 * <p>Usage: {@code QualityCost INPUT.jsonl FIELD}, e.g. GSM8K train's {@code answer}.
 */
public final class QualityCost {

  private QualityCost() {}

  public static void main(String[] args) throws Exception {
    WordSegmenter segmenter = new WordSegmenter();
    ForcedWords forcedWords = new ForcedWords(true, List.of());
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    List<List<Word>> all = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String text = json.readTree(line).get(args[1]).asText();
      texts.add(text);
      all.add(segmenter.segment(text));
    }
    for (int repeat = 0; repeat < 5; repeat++) {
      long start = System.nanoTime();
      long sink = 0;
      for (int t = 0; t < all.size(); t++) {
        List<Word> words = all.get(t);
        CompressionQuality quality = CompressionQuality.of(words, forcedWords.mark(texts.get(t), words, null));
        boolean[] kept = new boolean[words.size()];
        for (int i = 0; i < kept.length; i += 2) {
          kept[i] = true;
        }
        for (int ratio = 0; ratio < 6; ratio++) {
          sink += quality.count(kept).keptRuns();
        }
      }
      System.out.printf("quality of %d CoTs x 6 prunings: %.0f ms (%d)%n", all.size(), (System.nanoTime() - start) / 1e6, sink);
    }
  }
}
