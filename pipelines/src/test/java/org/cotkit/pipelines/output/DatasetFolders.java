package org.cotkit.pipelines.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small dataset folders for the tests of this package: JSONL files under data/ and errors/ and a
 * manifest that lists them as cotkit writes it, so tests control every byte.
 */
final class DatasetFolders {

  private DatasetFolders() {}

  /**
   * Writes a dataset of {@code dataFiles} files of {@code rowsPerFile} lines each and one error file
   * of {@code deadLetters} lines, with balanced counts, into {@code folder}.
   */
  static void write(Path folder, int dataFiles, int rowsPerFile, int deadLetters, String tag) throws Exception {
    List<Map<String, Object>> files = new ArrayList<>();
    for (int f = 0; f < dataFiles; f++) {
      files.add(file(folder, "data/part-" + f + ".jsonl", rowsPerFile, tag + "-row"));
    }
    if (deadLetters > 0) {
      files.add(file(folder, "errors/dead-letters-0.jsonl", deadLetters, tag + "-error"));
    }
    long written = (long) dataFiles * rowsPerFile;
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("records_read", written + deadLetters);
    counts.put("records_written", written);
    counts.put("dead_lettered", deadLetters);
    counts.put("filtered", 0);
    counts.put("balanced", true);
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("command", "label");
    manifest.put("cotkit_version", null);
    manifest.put("counts", counts);
    manifest.put("error_rate", Map.of("exceeded", false));
    manifest.put("files", files);
    Files.createDirectories(folder);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve("manifest.json").toFile(), manifest);
  }

  private static Map<String, Object> file(Path folder, String path, int lines, String text) throws Exception {
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      content.append("{\"text\":\"").append(text).append(' ').append(i).append("\"}\n");
    }
    byte[] bytes = content.toString().getBytes(StandardCharsets.UTF_8);
    Path file = folder.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("path", path);
    entry.put("rows", lines);
    entry.put("bytes", bytes.length);
    entry.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    return entry;
  }

  /** The folder's files and their contents, to show a folder was left exactly as it was. */
  static Map<String, String> snapshot(Path folder) throws IOException {
    Map<String, String> contents = new LinkedHashMap<>();
    if (!Files.exists(folder)) {
      return contents;
    }
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted().toList()) {
        if (Files.isRegularFile(path)) {
          contents.put(folder.relativize(path).toString(), Files.readString(path));
        }
      }
    }
    return contents;
  }
}
