package org.cotkit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetWriter;
import org.cotkit.compressors.BigramCounts;
import org.cotkit.compressors.BigramModel;
import org.cotkit.compressors.CompressedCot;
import org.cotkit.compressors.ForcedWords;
import org.cotkit.compressors.ScoredCotPruner;
import org.cotkit.compressors.WordImportanceScorer;
import org.cotkit.compressors.WordCounter;
import org.cotkit.compressors.Word;
import org.cotkit.compressors.WordSegmenter;
import org.cotkit.pipelines.compress.CompressedRecord;
import org.cotkit.pipelines.compress.TokenSkipFormat;
import org.cotkit.pipelines.compress.TokenSkipRows;
import org.cotkit.pipelines.compress.TokenSkipSettings;
import org.cotkit.pipelines.io.ChannelParquetWriter;
import org.cotkit.pipelines.io.RawRecord;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.record.CotPreference;
import org.cotkit.pipelines.record.FieldMapping;
import org.cotkit.pipelines.record.InputPreset;
import org.cotkit.pipelines.record.InvalidRecordException;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.record.TeacherRecordParser;
import org.cotkit.pipelines.sft.SftExample;
import org.cotkit.pipelines.sft.SftExampleWriteSupport;
import org.cotkit.pipelines.sft.SftSchema;

/**
 * The work of {@code cotkit compress} as one plain, single-threaded Java loop with no Beam: parse,
 * fit the bigram model, segment, score, prune to every ratio, format, write snappy Parquet (500
 * records a file, through the same Parquet writer). The baseline that the Beam run is compared with in
 * BENCHMARKS.md.
 *
 * <p>Usage: {@code PlainLoopCompress INPUT.jsonl OUTPUT_DIR [gsm8k|none] [ratios]}
 */
public final class PlainLoopCompress {

  private static final int RECORDS_PER_FILE = 500;

  private PlainLoopCompress() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: PlainLoopCompress INPUT.jsonl OUTPUT_DIR [gsm8k|none] [ratios]");
      System.exit(2);
    }
    Path input = Path.of(args[0]);
    Path output = Path.of(args[1]);
    InputPreset preset = args.length > 2 ? InputPreset.named(args[2]) : InputPreset.NONE;
    double[] ratios = TokenSkipSettings.parseRatios(args.length > 3 ? args[3] : "0.5,0.6,0.7,0.8,0.9,1.0");
    long start = System.nanoTime();

    TeacherRecordParser parser = new TeacherRecordParser(FieldMapping.identity(), preset, Integer.MAX_VALUE, false);
    List<ChosenCot> cots = new ArrayList<>();
    long lineNumber = 0;
    long invalid = 0;
    try (BufferedReader reader = Files.newBufferedReader(input)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        try {
          TeacherRecord record = parser.parse(RawRecord.of(input.toString(), lineNumber, line));
          cots.add(ChosenCot.choose(record, CotPreference.LONG));
        } catch (InvalidRecordException e) {
          invalid++;
        }
      }
    }

    WordSegmenter segmenter = new WordSegmenter();
    BigramCounts counts = new BigramCounts();
    for (ChosenCot cot : cots) {
      counts.add(segmenter.segment(cot.cot()));
    }
    WordImportanceScorer scorer = new WordImportanceScorer(BigramModel.fit(counts));
    ScoredCotPruner pruner =
        new ScoredCotPruner(new ForcedWords(true, List.of()), new WordCounter());
    TokenSkipFormat format = new TokenSkipFormat(TokenSkipFormat.DEFAULT_SEPARATOR);

    Files.createDirectories(output);
    long rows = 0;
    for (int from = 0; from < cots.size(); from += RECORDS_PER_FILE) {
      List<SftExample> examples = new ArrayList<>();
      for (ChosenCot cot : cots.subList(from, Math.min(cots.size(), from + RECORDS_PER_FILE))) {
        List<Word> words = segmenter.segment(cot.cot());
        List<CompressedCot> compressed = pruner.prune(cot.cot(), words, scorer.score(words), cot.answer(), ratios);
        examples.addAll(TokenSkipRows.of(new CompressedRecord(cot, compressed, null), format, "train"));
      }
      rows += write(examples, output.resolve(String.format("part-%05d.parquet", from / RECORDS_PER_FILE)));
    }
    System.err.printf(
        "plain loop: %d records, %d invalid, %d rows in %.2f s%n",
        cots.size(), invalid, rows, (System.nanoTime() - start) / 1e9);
  }

  private static long write(List<SftExample> examples, Path file) throws IOException {
    try (FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        ParquetWriter<SftExample> writer =
            ChannelParquetWriter.open(channel, new SftExampleWriteSupport(), SftSchema.TEXT_COLUMNS)) {
      for (SftExample example : examples) {
        writer.write(example);
      }
    }
    return examples.size();
  }
}
