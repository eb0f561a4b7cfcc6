package org.cotkit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;

/**
 * The real Qwen3 tokenizer that {@code testdata/tokenizers/qwen3/} ships gzipped (the vocabulary of
 * the DeepSeek-R1-Distill-Qwen students), unpacked once per JVM into a temporary file.
 */
public final class Qwen3Tokenizer {

  private static Path unpacked;

  private Qwen3Tokenizer() {}

  /** The path of the unpacked {@code tokenizer.json}; tests run in a module folder, beside {@code ../testdata}. */
  public static synchronized Path file() {
    if (unpacked == null) {
      Path packed = Path.of("..", "testdata", "tokenizers", "qwen3", "tokenizer.json.gz");
      try (InputStream in = new GZIPInputStream(Files.newInputStream(packed))) {
        Path dir = Files.createTempDirectory("cotkit-qwen3-");
        Path file = dir.resolve("tokenizer.json");
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        unpacked = file;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot unpack " + packed.toAbsolutePath(), e);
      }
    }
    return unpacked;
  }

  /** {@code testdata/tokenizers/qwen3/reference_counts.jsonl}: texts and their length counted by Hugging Face's tokenizers. */
  public static Path referenceCounts() {
    return Path.of("..", "testdata", "tokenizers", "qwen3", "reference_counts.jsonl");
  }
}
