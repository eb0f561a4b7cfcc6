package org.cotkit.pipelines.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.cotkit.pipelines.io.WrittenFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFT rows as Parquet: every field under its name, with parquet-avro's schema, and the long texts
 * without a dictionary. (Set through Beam's ParquetIO.Sink, the per-column setting was silently
 * ignored.)
 */
class SftParquetFileTest {

  @TempDir Path dir;

  @Test
  void longTextsHaveNoDictionaryAndShortRepeatedColumnsDo() throws Exception {
    // every text repeats, so that a dictionary, where enabled, pays off and is kept (Parquet drops
    // one that does not, which would hide whether the setting was applied)
    List<SftExample> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String prompt = "Question " + i / 6 + " about clips<|eot_id|>0.5<|eot_id|>";
      String completion = "Natalia sold " + i / 6 + " clips.\n\nThe final answer is: $\\boxed{" + i / 6 + "}$";
      rows.add(new SftExample("id-" + i / 6, "source-" + i / 6, "train", "tokenskip", prompt, completion,
          Instruction.NONE.chat(prompt, completion), 0.5, 0.5, null, null, null, null, 10, 5, "" + i, "gold", true, "gsm8k", null));
    }
    WrittenFile entry = SftParquetFile.write(dir.toString(), "train", "k", rows);
    Path file = dir.resolve("data/train/part-k.parquet");
    assertTrue(Files.exists(file));
    try (Stream<Path> listing = Files.list(dir.resolve("data/train"))) {
      assertEquals(List.of(file), listing.toList(), "no temporary file is left");
    }
    // the manifest entry is taken while writing: it must describe the bytes on disk exactly
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(new WrittenFile("data/train/part-k.parquet", 200, bytes.length,
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))), entry);

    Map<String, Set<Encoding>> encodings = new HashMap<>();
    try (ParquetFileReader reader = ParquetFileReader.open(inputFile(file))) {
      assertEquals(200, reader.getRecordCount());
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        for (ColumnChunkMetaData column : block.getColumns()) {
          encodings.put(column.getPath().toDotString(), column.getEncodings());
        }
      }
    }
    for (String text : List.of("id", "prompt", "completion", "messages.array.content")) {
      assertFalse(usesDictionary(encodings.get(text)), text + ": " + encodings.get(text));
    }
    for (String repeated : List.of("source_id", "split", "mode", "messages.array.role", "ratio")) {
      assertTrue(usesDictionary(encodings.get(repeated)), repeated + ": " + encodings.get(repeated));
    }
  }

  @Test
  void everyFieldReadsBackUnderItsNameAndNullsStayNull() throws IOException {
    SftExample full = new SftExample("id-1", "source-1", "validation", "tokenskip", "the prompt", "the complétion ✓",
        Instruction.NONE.chat("the prompt", "the complétion ✓"), 0.5, 0.52, "[simple]", "pass_rate", 0.75, 57, 120, 62,
        "18", "gold", true, "gsm8k", 1.2);
    SftExample sparse = new SftExample("id-2", "source-2", "train", "adaptive", "p", "c",
        List.of(new SftExample.Message("user", "p, said otherwise"), new SftExample.Message("assistant", "c")),
        null, null, null, null, null, null, null, null, null, null, null, null, null);
    SftParquetFile.write(dir.toString(), "train", "rows", List.of(full, sparse));

    List<GenericRecord> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(inputFile(dir.resolve("data/train/part-rows.parquet")))
            .withDataModel(GenericData.get()).build()) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        rows.add(row);
      }
    }
    assertEquals(2, rows.size());
    GenericRecord row = rows.get(0);
    assertEquals(SftSchema.EXAMPLE, row.getSchema(), "the Avro schema in the footer");
    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("id", "id-1");
    expected.put("source_id", "source-1");
    expected.put("split", "validation");
    expected.put("mode", "tokenskip");
    expected.put("prompt", "the prompt");
    expected.put("completion", "the complétion ✓");
    expected.put("ratio", 0.5);
    expected.put("achieved_ratio", 0.52);
    expected.put("difficulty", "[simple]");
    expected.put("difficulty_source", "pass_rate");
    expected.put("pass_rate", 0.75);
    expected.put("token_budget", 57);
    expected.put("cot_tokens", 120);
    expected.put("kept_tokens", 62);
    expected.put("answer", "18");
    expected.put("answer_source", "gold");
    expected.put("verified", true);
    expected.put("source", "gsm8k");
    expected.put("budget_scale", 1.2);
    assertEquals(SftSchema.EXAMPLE.getFields().size() - 1, expected.size(), "every column but messages");
    for (Map.Entry<String, Object> field : expected.entrySet()) {
      Object value = row.get(field.getKey());
      assertEquals(field.getValue(), value instanceof CharSequence ? value.toString() : value, field.getKey());
    }
    assertEquals("[{\"role\": \"user\", \"content\": \"the prompt\"}, "
        + "{\"role\": \"assistant\", \"content\": \"the complétion ✓\"}]", row.get("messages").toString());

    GenericRecord nulls = rows.get(1);
    for (String optional : List.of("ratio", "achieved_ratio", "difficulty", "difficulty_source", "pass_rate",
        "token_budget", "cot_tokens", "kept_tokens", "answer", "answer_source", "verified", "source")) {
      assertNull(nulls.get(optional), optional);
    }
    assertEquals("[{\"role\": \"user\", \"content\": \"p, said otherwise\"}, "
        + "{\"role\": \"assistant\", \"content\": \"c\"}]", nulls.get("messages").toString());
  }

  /** Parquet's own reader of a local file, independent of the pipelines' channel-based one. */
  private static InputFile inputFile(Path file) throws IOException {
    return HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration());
  }

  private static boolean usesDictionary(Set<Encoding> encodings) {
    return encodings.contains(Encoding.PLAIN_DICTIONARY) || encodings.contains(Encoding.RLE_DICTIONARY);
  }

  @Test
  void aSplitMustNameAFolderInsideTheDataset() {
    for (String good : List.of("train", "validation", "test-2024", "v1.2_dev")) {
      SftParquetFile.checkSplitName(good);
    }
    for (String bad : List.of("", "..", ".hidden", "a/b", "train set", "../../etc")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> SftParquetFile.checkSplitName(bad));
      assertTrue(e.getMessage().startsWith("--split '" + bad + "'"), e.getMessage());
    }
  }
}
