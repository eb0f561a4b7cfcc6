package org.cotkit.pipelines.record;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cotkit.pipelines.io.RawRecord;
import org.cotkit.pipelines.io.StableHash;

/**
 * Turns one JSON record into a {@link TeacherRecord}, reading canonical fields through a
 * {@link FieldMapping} and checking their types. Every problem becomes an
 * {@link InvalidRecordException} whose message names the field as the user's data spells it.
 */
public final class TeacherRecordParser {

  /** Text after the object (a second record glued on, garbage) is an error, not silently dropped. */
  private final ObjectReader json =
      new ObjectMapper().readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final FieldMapping mapping;
  /** Each canonical field's pointer, compiled once: compiling it for every record showed in profiles. */
  private final Map<String, JsonPointer> pointers = new HashMap<>();
  private final InputPreset preset;

  public TeacherRecordParser(FieldMapping mapping, InputPreset preset) {
    this.mapping = mapping;
    this.preset = preset;
    for (String canonical : FieldMapping.CANONICAL_FIELDS) {
      pointers.put(canonical, JsonPointer.compile(mapping.pointer(canonical)));
    }
  }

  public TeacherRecord parse(RawRecord raw) throws InvalidRecordException {
    if (raw.readError() != null) {
      throw new InvalidRecordException(raw.readError());
    }
    JsonNode root;
    try {
      root = json.readValue(raw.text());
    } catch (JsonProcessingException e) {
      throw new InvalidRecordException("not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidRecordException("not a JSON object");
    }
    String question = text(root, "question", false);
    if (question == null || question.isBlank()) {
      throw new InvalidRecordException("missing required field '" + mapping.actualName("question") + "'");
    }
    String longCot = text(root, "long_cot", false);
    String shortCot = text(root, "short_cot", false);
    String id = text(root, "id", true);
    TeacherRecord record = preset.apply(
        new TeacherRecord(
            id == null || id.isBlank() ? questionHash(question) : id,
            question,
            text(root, "answer", true),
            isBlank(longCot) ? null : longCot,
            isBlank(shortCot) ? null : shortCot,
            samples(root),
            text(root, "source", false),
            text(root, "domain", false),
            raw),
        mapping);
    if (record.longCot() == null && record.shortCot() == null) {
      throw new InvalidRecordException(
          "no chain of thought: neither '" + mapping.actualName("long_cot") + "' nor '"
              + mapping.actualName("short_cot") + "' is a non-empty string");
    }
    return record;
  }

  /** A stable id for records without one: the same question always gets the same id. */
  static String questionHash(String question) {
    return "q-" + StableHash.of(List.of(QuestionText.normalise(question)));
  }

  private String text(JsonNode root, String canonical, boolean numbersAllowed) throws InvalidRecordException {
    return textAt(root.at(pointers.get(canonical)), mapping.actualName(canonical), numbersAllowed);
  }

  private static String textAt(JsonNode node, String name, boolean numbersAllowed) throws InvalidRecordException {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      if (hasUnpairedSurrogate(text)) {
        // JSON can escape half of a character ("\ud800"); no UTF-8 writer can write it back
        throw new InvalidRecordException("field '" + name + "' holds an unpaired surrogate escape (\\ud800-\\udfff), not text");
      }
      return text;
    }
    if (numbersAllowed && node.isNumber()) {
      return node.asText();
    }
    throw new InvalidRecordException(
        "field '" + name + "' must be a string" + (numbersAllowed ? " or a number" : "")
            + ", got " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
  }

  private List<TeacherSample> samples(JsonNode root) throws InvalidRecordException {
    JsonNode node = root.at(pointers.get("samples"));
    String name = mapping.actualName("samples");
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidRecordException("field '" + name + "' must be an array, got " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    List<TeacherSample> samples = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode sample = node.get(i);
      String at = name + "[" + i + "]";
      if (sample.isTextual()) {
        samples.add(new TeacherSample(sample.textValue(), null));
        continue;
      }
      if (!sample.isObject()) {
        throw new InvalidRecordException("'" + at + "' must be a string or an object with a cot");
      }
      String cot = textAt(sample.at(pointers.get("sample_cot")), at + "." + mapping.actualName("sample_cot"), false);
      if (cot == null) {
        throw new InvalidRecordException("'" + at + "' has no '" + mapping.actualName("sample_cot") + "'");
      }
      JsonNode correct = sample.at(pointers.get("sample_correct"));
      if (!correct.isMissingNode() && !correct.isNull() && !correct.isBoolean()) {
        throw new InvalidRecordException("'" + at + "." + mapping.actualName("sample_correct") + "' must be a boolean");
      }
      samples.add(new TeacherSample(cot, correct.isBoolean() ? correct.booleanValue() : null));
    }
    return samples;
  }

  static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
