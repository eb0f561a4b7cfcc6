package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON Lines files from the repository's {@code testdata/} folder and string fields of their
 * lines, parsed with Jackson.
 *
 * <p>Surefire runs with the module directory as working directory, so the data lies one level up,
 * under {@code ../testdata}.
 */
final class JsonlFixture {

  static final Path DATA = Path.of("..", "testdata");

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonlFixture() {}

  /** All lines of {@code DATA/relative}, failing the test when the file is missing. */
  static List<String> lines(String relative) {
    return linesAt(DATA.resolve(relative));
  }

  /** All lines of {@code file}, failing the test when it is missing. */
  static List<String> linesAt(Path file) {
    assertTrue(Files.isRegularFile(file), "data file not found at " + file.toAbsolutePath());
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The string value of the first field named {@code name} in the JSON object {@code line}, in
   * document order (nested ones included), or null when there is none.
   */
  static String stringField(String line, String name) {
    List<String> values = stringFields(line, name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Every string value of fields named {@code name} in the line, in order, nested ones included. */
  static List<String> stringFields(String line, String name) {
    List<String> values = new ArrayList<>();
    collect(parse(line), name, values);
    return values;
  }

  /** The text of a JSON string literal's body, {@code s} being what lies between its quotes. */
  static String unescape(String s) {
    return parse("\"" + s + "\"").textValue();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  private static void collect(JsonNode node, String name, List<String> values) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getKey().equals(name) && field.getValue().isTextual()) {
          values.add(field.getValue().textValue());
        }
        collect(field.getValue(), name, values);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, name, values);
      }
    }
  }
}
