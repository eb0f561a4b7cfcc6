package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads string fields of JSON Lines files from the shared data folder, without a JSON library.
 *
 * <p>Surefire runs with the module directory as working directory, so the data lies two levels
 * up, under {@code ../../shared/data}.
 */
final class JsonlFixture {

  static final Path DATA = Path.of("..", "..", "shared", "data");

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
   * The unescaped string value of field {@code name} in the one-line JSON object {@code line}, or
   * null when absent. Quotes inside values are always escaped, so a quoted key followed by a colon
   * cannot be matched inside another value.
   */
  static String stringField(String line, String name) {
    Pattern p =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");
    Matcher m = p.matcher(line);
    return m.find() ? unescape(m.group(1)) : null;
  }

  /** Every string value of fields named {@code name} in the line, in order, nested ones included. */
  static List<String> stringFields(String line, String name) {
    Pattern p =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");
    List<String> values = new java.util.ArrayList<>();
    for (Matcher m = p.matcher(line); m.find(); ) {
      values.add(unescape(m.group(1)));
    }
    return values;
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(e); // \" \\ \/
      }
    }
    return out.toString();
  }
}
