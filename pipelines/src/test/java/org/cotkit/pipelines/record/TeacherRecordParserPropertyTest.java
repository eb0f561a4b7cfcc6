package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.io.InputFormat;
import org.cotkit.pipelines.io.RawRecord;
import org.cotkit.pipelines.record.RecordBatchReader.Batch;
import org.cotkit.testkit.PropertyCheck;
import org.cotkit.testkit.Texts;
import org.junit.jupiter.api.Test;

/**
 * Properties of JSON ingest ({@link TeacherRecordParser}, and {@link RecordBatchReader}'s batches
 * of it) for arbitrary lines: strings, bytes decoded as text, JSON-ish records with arbitrary
 * unicode, control characters, deep nesting, huge numbers and fields of the wrong type. Nothing but
 * an {@link InvalidRecordException} (a one-line reason, the dead-letter path) escapes; a record that
 * parses is complete and clean; and a record of arbitrary valid text gives back its question and
 * chain of thought exactly.
 */
class TeacherRecordParserPropertyTest {

  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final ObjectMapper JACKSON_ASCII = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  /** Field names the mappings below read, canonical or mapped, and some nobody reads. */
  private static final String[] KEYS = {
    "id", "question", "answer", "long_cot", "short_cot", "samples", "cot", "correct", "source", "domain",
    "problem", "response", "meta", "gold", "trace", "text", "gens", "ok", "extra", "", "a.b", "~1", "question "
  };

  /** A parser as a run may configure one. */
  private record Setup(String fieldMap, InputPreset preset, long maxRecordBytes, boolean stripControlChars) {
    TeacherRecordParser parser() {
      return new TeacherRecordParser(FieldMapping.parse(fieldMap), preset, maxRecordBytes, stripControlChars);
    }
  }

  private static Setup setup(Random random) {
    return new Setup(
        Texts.oneOf(random, "", "", "question=problem,long_cot=response", "answer=meta.gold,long_cot=trace.text",
            "samples=gens,sample_cot=text,sample_correct=ok"),
        random.nextInt(4) == 0 ? InputPreset.GSM8K : InputPreset.NONE,
        Texts.oneOf(random, 1024L, 4096L, 1L << 20),
        random.nextBoolean());
  }

  // ---- JSON-ish text ---------------------------------------------------------------------

  /** {@code text} as a JSON string literal, escaping a random share of its characters as \\uXXXX. */
  private static String jsonString(Random random, String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    int escapeOneIn = Texts.oneOf(random, 2, 8, 1_000_000);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n' && random.nextBoolean()) {
        out.append("\\n");
      } else if (c < 0x20 || random.nextInt(escapeOneIn) == 0) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String number(Random random) {
    return switch (random.nextInt(14)) {
      case 0 -> Long.toString(random.nextLong());
      case 1 -> "1" + "0".repeat(random.nextInt(2_000)); // past Jackson's 1,000-digit limit, or not
      case 2 -> "-0";
      case 3 -> "1e400";
      case 4 -> "-1E-999999999";
      case 5 -> "1e999999999999";
      case 6 -> Double.toString(random.nextGaussian() * 1e6);
      case 7 -> "0." + "9".repeat(random.nextInt(1_200));
      case 8 -> Texts.oneOf(random, "01", "1.", ".5", "+1", "NaN", "Infinity", "-Infinity", "0x1F", "1e", "--1", "1_000");
      default -> Integer.toString(random.nextInt(100));
    };
  }

  /** A JSON value (not always valid JSON) of at most {@code depth} more levels. */
  private static void value(Random random, int depth, int size, StringBuilder out) {
    int kind = random.nextInt(depth <= 0 ? 5 : 12);
    switch (kind) {
      case 0, 1 -> out.append(jsonString(random, Texts.any(random, size, "</think>", "#### 18", "\\boxed{")));
      case 2 -> out.append(number(random));
      case 3 -> out.append(Texts.oneOf(random, "true", "false", "null", "nul", "True", "undefined"));
      case 4 -> out.append(jsonString(random, Texts.wellFormed(random, size)));
      case 5, 6 -> object(random, depth - 1, size, out);
      case 7 -> {
        out.append('[');
        for (int i = random.nextInt(4); i > 0; i--) {
          value(random, depth - 1, size, out);
          out.append(i > 1 ? "," : "");
        }
        out.append(']');
      }
      case 8, 9, 10 -> out.append(jsonString(random, Texts.wellFormed(random, size)));
      default -> {
        // around cotkit's nesting limit, or far past it
        int levels = Texts.oneOf(random, 1, 10, TeacherRecordParser.MAX_NESTING_DEPTH - 2,
            TeacherRecordParser.MAX_NESTING_DEPTH - 1, TeacherRecordParser.MAX_NESTING_DEPTH,
            TeacherRecordParser.MAX_NESTING_DEPTH + 1, 100_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        out.append(open.repeat(levels)).append(random.nextBoolean() ? "1" : "").append((open.equals("[") ? "]" : "}").repeat(levels));
      }
    }
  }

  private static void object(Random random, int depth, int size, StringBuilder out) {
    out.append('{');
    for (int i = random.nextInt(7); i > 0; i--) {
      out.append(jsonString(random, Texts.oneOf(random, KEYS))).append(Texts.oneOf(random, ":", ": ", " : "));
      value(random, depth, size, out);
      out.append(i > 1 ? "," : "");
    }
    out.append('}');
  }

  /** A text field's value: mostly a string, now and then of another type. */
  private static String fieldValue(Random random, int size) {
    return switch (random.nextInt(12)) {
      case 0 -> number(random);
      case 1 -> Texts.oneOf(random, "true", "null", "[]", "{}", "[\"a\"]", "{\"text\": \"a\"}");
      case 2, 3 -> jsonString(random, Texts.any(random, size, "</think>", "#### 18", "\\boxed{"));
      case 4 -> jsonString(random, Texts.oneOf(random, "", " ", "\u00A0", "\t\n"));
      default -> jsonString(random, Texts.wellFormed(random, size, "</think>", "#### 18", "\\boxed{", "<<4*2=8>>"));
    };
  }

  private static String samplesValue(Random random, int size) {
    if (random.nextInt(6) == 0) {
      return fieldValue(random, size);
    }
    List<String> samples = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      samples.add(switch (random.nextInt(4)) {
        case 0 -> fieldValue(random, size);
        case 1 -> "{\"cot\": " + fieldValue(random, size) + "}";
        default -> "{\"cot\": " + fieldValue(random, size) + ", \"correct\": "
            + Texts.oneOf(random, "true", "false", "null", "1", "\"yes\"") + ", \"text\": " + fieldValue(random, size)
            + ", \"ok\": " + Texts.oneOf(random, "true", "0") + "}";
      });
    }
    return "[" + String.join(", ", samples) + "]";
  }

  /**
   * A record as {@code mapping} reads one: each canonical field, mostly there, at its mapped path
   * (dotted paths as nested objects), of mostly the right type; other fields of any value.
   */
  private static String record(Random random, int size, FieldMapping mapping) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (String canonical : FieldMapping.CANONICAL_FIELDS) {
      boolean required = canonical.equals("question") || canonical.equals("long_cot");
      if (canonical.startsWith("sample_") || random.nextInt(10) >= (required ? 9 : 5)) {
        continue;
      }
      String value = canonical.equals("samples") ? samplesValue(random, size) : fieldValue(random, size);
      put(root, mapping.actualName(canonical).split("\\.", -1), value);
    }
    if (random.nextInt(3) == 0) {
      StringBuilder extra = new StringBuilder();
      value(random, 3, size, extra);
      put(root, new String[] {Texts.oneOf(random, KEYS)}, extra.toString());
    }
    return json(random, root);
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> node, String[] path, String json) {
    for (int i = 0; i < path.length - 1; i++) {
      Object child = node.computeIfAbsent(path[i], key -> new LinkedHashMap<String, Object>());
      if (!(child instanceof Map)) {
        return;
      }
      node = (Map<String, Object>) child;
    }
    node.put(path[path.length - 1], json);
  }

  @SuppressWarnings("unchecked")
  private static String json(Random random, Map<String, Object> node) {
    List<String> members = new ArrayList<>();
    node.forEach((key, value) -> members.add(jsonString(random, key) + ": "
        + (value instanceof Map ? json(random, (Map<String, Object>) value) : value)));
    return "{" + String.join(Texts.oneOf(random, ",", ", ", " ,\n"), members) + "}";
  }

  /** A line as input holds them: garbage, any JSON, records of any field types, broken records. */
  private static String line(Random random, int size, FieldMapping mapping) {
    StringBuilder out = new StringBuilder();
    switch (random.nextInt(12)) {
      case 0 -> out.append(Texts.any(random, size * 2, "{", "}", "\"", ":", ",", "[", "]", "\\u", "null"));
      case 1 -> {
        byte[] bytes = new byte[random.nextInt(size + 1)];
        random.nextBytes(bytes);
        out.append(new String(bytes, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
      }
      case 2 -> value(random, 4, size / 4 + 1, out);
      case 3 -> object(random, 4, size / 4 + 1, out);
      default -> out.append(record(random, size, mapping));
    }
    String line = out.toString();
    return switch (random.nextInt(12)) {
      case 0 -> mutated(random, line);
      case 1 -> line + Texts.oneOf(random, " ", "\n", "{}", "x", " {\"question\": \"q\"}", "\u0000");
      case 2 -> line.substring(0, random.nextInt(line.length() + 1)); // cut short
      default -> line;
    };
  }

  /** {@code text} with one character deleted, inserted or replaced. */
  private static String mutated(Random random, String text) {
    int at = random.nextInt(text.length() + 1);
    String inserted = Texts.any(random, 1, "\"", "{", "}", ",", ":", "\\", "]");
    return switch (random.nextInt(3)) {
      case 0 -> text.substring(0, at) + inserted + text.substring(at);
      case 1 -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
      default -> at < text.length() ? text.substring(0, at) + inserted + text.substring(at + 1) : text + inserted;
    };
  }

  // ---- what a parsed record promises ----------------------------------------------------

  private static void assertCleanText(String text, String field) {
    if (text == null) {
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      assertFalse(c < 0x20 && c != '\t' && c != '\n' && c != '\r', field + " holds a control character at " + i);
      boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
          : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
      assertTrue(paired, field + " holds an unpaired surrogate at " + i);
    }
  }

  private static void assertComplete(TeacherRecord record, RawRecord raw) {
    assertNotNull(record.id());
    assertFalse(record.id().isBlank(), "blank id");
    assertNotNull(record.question());
    assertFalse(record.question().isBlank(), "blank question");
    assertTrue(record.longCot() != null || record.shortCot() != null, "no chain of thought");
    assertTrue(record.longCot() == null || !record.longCot().isBlank(), "blank long CoT");
    assertTrue(record.shortCot() == null || !record.shortCot().isBlank(), "blank short CoT");
    assertNotNull(record.samples());
    assertSame(raw, record.origin());
    assertCleanText(record.id(), "id");
    assertCleanText(record.question(), "question");
    assertCleanText(record.answer(), "answer");
    assertCleanText(record.longCot(), "long_cot");
    assertCleanText(record.shortCot(), "short_cot");
    assertCleanText(record.source(), "source");
    assertCleanText(record.domain(), "domain");
    for (TeacherSample sample : record.samples()) {
      assertNotNull(sample.cot(), "a sample without its cot");
      assertCleanText(sample.cot(), "a sample's cot");
    }
  }

  private static void assertOneLineReason(InvalidRecordException e) {
    String reason = e.getMessage();
    assertTrue(reason != null && !reason.isBlank(), "no reason");
    assertFalse(reason.contains("\n") || reason.contains("\r"), "the reason spans lines: " + reason);
  }

  // ---- properties ------------------------------------------------------------------------

  @Test
  void anyLineIsARecordOrAnInvalidRecordWithAOneLineReason() {
    PropertyCheck.forAll("any line parses or is dead-lettered", 500,
        (random, size) -> {
          Setup setup = setup(random);
          return new Object[] {setup, line(random, size, FieldMapping.parse(setup.fieldMap()))};
        },
        drawn -> {
          Setup setup = (Setup) drawn[0];
          RawRecord raw = RawRecord.of("teacher.jsonl", 1, (String) drawn[1]);
          try {
            assertComplete(setup.parser().parse(raw), raw);
          } catch (InvalidRecordException e) {
            assertOneLineReason(e);
          }
        });
  }

  /** A record of arbitrary question and CoT text, written by Jackson or by hand with escapes. */
  private record Written(String question, String cot, boolean strip, String json) {}

  private static Written written(Random random, int size) {
    String question = random.nextBoolean() ? Texts.wellFormed(random, size) : Texts.any(random, size);
    String cot = random.nextBoolean() ? Texts.wellFormed(random, size * 4) : Texts.any(random, size * 4);
    String json;
    try {
      json = switch (random.nextInt(3)) {
        case 0 -> JACKSON.writeValueAsString(Map.of("question", question, "long_cot", cot));
        case 1 -> JACKSON_ASCII.writeValueAsString(Map.of("long_cot", cot, "question", question, "id", 7));
        default -> "{ " + jsonString(random, "question") + ": " + jsonString(random, question) + ",\t\"long_cot\":"
            + jsonString(random, cot) + ", \"samples\": null }";
      };
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new Written(question, cot, random.nextBoolean(), json);
  }

  /** The field as the parser gives it back, or null when it must refuse the record for it. */
  private static String expected(String text, boolean strip) {
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        kept.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c) || (control && !strip)) {
        return null;
      } else if (!control) {
        kept.append(c);
      }
    }
    return kept.toString().isBlank() ? null : kept.toString();
  }

  @Test
  void aRecordOfValidTextGivesBackItsQuestionAndCotExactly() {
    PropertyCheck.forAll("valid records round-trip their question and CoT", 500,
        TeacherRecordParserPropertyTest::written, written -> {
          TeacherRecordParser parser = new TeacherRecordParser(FieldMapping.identity(), InputPreset.NONE, 1 << 20,
              written.strip());
          String question = expected(written.question(), written.strip());
          String cot = expected(written.cot(), written.strip());
          TeacherRecord record;
          try {
            record = parser.parse(RawRecord.of("teacher.jsonl", 3, written.json()));
          } catch (InvalidRecordException e) {
            assertOneLineReason(e);
            assertTrue(question == null || cot == null, "refused a valid record: " + e.getMessage());
            return;
          }
          if (question == null || cot == null) {
            fail("accepted a record with an invalid question or CoT");
          }
          assertEquals(question, record.question());
          assertEquals(cot, record.longCot());
        });
  }

  private static final RecordBatchReader BATCH_READER = new RecordBatchReader(new InputSettings("teacher.jsonl", "out",
      InputFormat.AUTO, "", InputPreset.NONE, CotPreference.LONG, 100, new RecordLimits(1 << 20, false, 1.0)));

  @Test
  void everyLineOfABatchIsBlankADeadLetterOrARecordInOrder() {
    PropertyCheck.forAll("a batch accounts for every line", 200,
        (random, size) -> {
          List<RawRecord> lines = new ArrayList<>();
          for (int i = 1, n = random.nextInt(size / 4 + 2); i <= n; i++) {
            String text = switch (random.nextInt(5)) {
              case 0 -> Texts.oneOf(random, "", " ", "\t\r", "\u00A0");
              case 1 -> "{\"question\": " + jsonString(random, Texts.any(random, 20)) + ", \"long_cot\": \"c\"}";
              default -> line(random, size, FieldMapping.identity());
            };
            lines.add(random.nextInt(10) == 0 ? new RawRecord("teacher.jsonl", i, text, "not valid UTF-8")
                : RawRecord.of("teacher.jsonl", i, text));
          }
          return lines;
        },
        lines -> {
          Batch batch = BATCH_READER.parse(lines);
          assertEquals(lines.size(), batch.linesRead());
          assertEquals(lines.size(), batch.blankLines() + batch.deadLetters().size() + batch.records().size());
          Map<Long, RawRecord> byLine = new LinkedHashMap<>();
          lines.forEach(line -> byLine.put(line.line(), line));
          long previous = 0;
          for (TeacherRecord record : batch.records()) {
            assertTrue(record.origin().line() > previous, "records out of input order");
            previous = record.origin().line();
            assertSame(byLine.get(previous), record.origin());
          }
          for (DeadLetter letter : batch.deadLetters()) {
            RawRecord line = byLine.get(letter.line());
            assertEquals(line.text(), letter.raw());
            assertEquals(line.readError() == null ? RecordBatchReader.PARSE : RecordBatchReader.READ, letter.stage());
            assertFalse(letter.reason().isBlank());
          }
        });
  }
}
