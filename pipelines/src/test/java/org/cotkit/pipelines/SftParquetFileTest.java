package org.cotkit.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long texts are written without a Parquet dictionary and the short repeated columns with
 * one. (Set through Beam's ParquetIO.Sink, the per-column setting was silently ignored.)
 */
class SftParquetFileTest {

  @TempDir Path dir;

  @Test
  void longTextsHaveNoDictionaryAndShortRepeatedColumnsDo() throws IOException {
    // every text repeats, so that a dictionary, where enabled, pays off and is kept (Parquet drops
    // one that does not, which would hide whether the setting was applied)
    List<SftExample> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String prompt = "Question " + i / 6 + " about clips<|eot_id|>0.5<|eot_id|>";
      String completion = "Natalia sold " + i / 6 + " clips.\n\nThe final answer is: $\\boxed{" + i / 6 + "}$";
      rows.add(new SftExample("id-" + i / 6, "source-" + i / 6, "train", "tokenskip", prompt, completion,
          SftExample.chat(prompt, completion), 0.5, 0.5, null, null, null, null, 10, 5, "" + i, "gold", true, "gsm8k"));
    }
    SftParquetFile.write(dir.toString(), "k", rows);
    Path file = dir.resolve("part-k.parquet");
    assertTrue(Files.exists(file));
    try (Stream<Path> listing = Files.list(dir)) {
      assertEquals(List.of(file), listing.toList(), "no temporary file is left");
    }

    Map<String, Set<Encoding>> encodings = new HashMap<>();
    try (ParquetFileReader reader = ParquetFileReader.open(
        new ChannelInputFile(FileSystems.matchSingleFileSpec(file.toString())))) {
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

  private static boolean usesDictionary(Set<Encoding> encodings) {
    return encodings.contains(Encoding.PLAIN_DICTIONARY) || encodings.contains(Encoding.RLE_DICTIONARY);
  }
}
