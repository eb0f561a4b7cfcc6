package org.cotkit.pipelines.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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

  /** The deepest nesting of arrays and objects read ({@link RawRecord#MAX_NESTING_DEPTH}). */
  public static final int MAX_NESTING_DEPTH = RawRecord.MAX_NESTING_DEPTH;

  private final ObjectReader json;
  private final FieldMapping mapping;
  private final boolean stripControlChars;
  /** Each canonical field's path, parsed once: parsing it for every record showed in profiles. */
  private final Map<String, FieldPath> paths = new HashMap<>();
  private final InputPreset preset;
  private final ThinkMarkers thinkMarkers;

  /**
   * @param userMapping the user's {@code --map}, laid over the preset's mapping
   * @param maxRecordBytes the longest record read ({@code --max-record-bytes}): any string that
   *     fits in it is read, however long
   * @param stripControlChars whether C0 control characters other than tab, line feed and carriage
   *     return are removed from text fields; otherwise a record holding one is invalid
   */
  public TeacherRecordParser(FieldMapping userMapping, InputPreset preset, long maxRecordBytes, boolean stripControlChars) {
    this(userMapping, preset, maxRecordBytes, stripControlChars, ThinkMarkers.PUBLISHED);
  }

  /** @param thinkMarkers the markers of a thought, and whether a model's own are read too */
  public TeacherRecordParser(FieldMapping userMapping, InputPreset preset, long maxRecordBytes, boolean stripControlChars,
      ThinkMarkers thinkMarkers) {
    this.mapping = userMapping.over(preset.mapping());
    this.preset = preset;
    this.thinkMarkers = thinkMarkers;
    this.stripControlChars = stripControlChars;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength((int) Math.min(Integer.MAX_VALUE - 8, maxRecordBytes))
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .build())
        .build();
    // text after the object (a second record glued on, garbage) is an error, not silently dropped
    this.json = new ObjectMapper(factory).readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    for (String canonical : FieldMapping.CANONICAL_FIELDS) {
      paths.put(canonical, mapping.path(canonical));
    }
  }

  public TeacherRecord parse(RawRecord raw) throws InvalidRecordException {
    if (raw.readError() != null) {
      throw new InvalidRecordException(raw.readError());
    }
    JsonNode root;
    try {
      root = json.readValue(raw.text());
    } catch (StreamConstraintsException e) {
      // Jackson's own wording names its internals; say which limit and what it is
      throw new InvalidRecordException(e.getMessage().contains("nesting")
          ? "not valid JSON: nested deeper than " + MAX_NESTING_DEPTH + " levels"
          : "not readable JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
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
            passRate(root),
            text(root, "source", false),
            text(root, "domain", false),
            raw),
        mapping);
    // after the preset, which may choose the long CoT among the samples
    record = record.withLongCot(thinkMarkers.read(record.longCot(), mapping.actualName("long_cot")))
        .withShortCot(thinkMarkers.read(record.shortCot(), mapping.actualName("short_cot")));
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
    return textAt(paths.get(canonical).resolve(root), mapping.actualName(canonical), numbersAllowed);
  }

  private String textAt(JsonNode node, String name, boolean numbersAllowed) throws InvalidRecordException {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      if (hasUnpairedSurrogate(text)) {
        // JSON can escape half of a character ("\ud800"); no UTF-8 writer can write it back
        throw new InvalidRecordException("field '" + name + "' holds an unpaired surrogate escape (\\ud800-\\udfff), not text");
      }
      return withoutControlChars(text, name);
    }
    if (numbersAllowed && node.isNumber()) {
      return node.asText();
    }
    throw new InvalidRecordException(
        "field '" + name + "' must be a string" + (numbersAllowed ? " or a number" : "")
            + ", got " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
  }

  private List<TeacherSample> samples(JsonNode root) throws InvalidRecordException {
    JsonNode node = paths.get("samples").resolve(root);
    String name = mapping.actualName("samples");
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidRecordException("field '" + name + "' must be an array, got " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    JsonNode verdicts = parallelVerdicts(root, node);
    String correctName = mapping.actualName("sample_correct");
    List<TeacherSample> samples = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode sample = node.get(i);
      String at = name + "[" + i + "]";
      String cot = sampleCot(sample, at);
      Boolean correct = verdicts != null
          ? verdict(verdicts.get(i), correctName + "[" + i + "]")
          : sample.isObject() ? verdict(paths.get("sample_correct").resolve(sample), at + "." + correctName) : null;
      samples.add(new TeacherSample(thinkMarkers.readSample(cot), correct));
    }
    return samples;
  }

  /** A sample's text: the sample itself, or its {@code sample_cot} field. */
  private String sampleCot(JsonNode sample, String at) throws InvalidRecordException {
    if (sample.isTextual()) {
      return textAt(sample, at, false);
    }
    if (!sample.isObject()) {
      throw new InvalidRecordException("'" + at + "' must be a string or an object with a cot");
    }
    String cot = textAt(paths.get("sample_cot").resolve(sample), at + "." + mapping.actualName("sample_cot"), false);
    if (cot == null) {
      throw new InvalidRecordException("'" + at + "' has no '" + mapping.actualName("sample_cot") + "'");
    }
    return cot;
  }

  /** A given verdict: a boolean, or absent (null). */
  private static Boolean verdict(JsonNode node, String name) throws InvalidRecordException {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isBoolean()) {
      throw new InvalidRecordException("'" + name + "' must be a boolean, got "
          + node.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    return node.booleanValue();
  }

  /** The given pass rate: a number in [0, 1], or absent. */
  private Double passRate(JsonNode root) throws InvalidRecordException {
    JsonNode node = paths.get("pass_rate").resolve(root);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isNumber() || !(node.asDouble() >= 0 && node.asDouble() <= 1)) {
      throw new InvalidRecordException("field '" + mapping.actualName("pass_rate") + "' must be a number in [0, 1], got "
          + (node.isNumber() ? node.asText() : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }
    return node.asDouble();
  }

  /**
   * The verdicts of a list parallel to the samples, as OpenR1-Math publishes them
   * ({@code samples=generations,sample_correct=correctness_math_verify}): the i-th verdict is the
   * i-th sample's. Null when {@code sample_correct} is not mapped to a list of the record itself
   * (then it names a field inside each sample).
   */
  private JsonNode parallelVerdicts(JsonNode root, JsonNode samples) throws InvalidRecordException {
    if (!mapping.maps("sample_correct")) {
      return null;
    }
    JsonNode verdicts = paths.get("sample_correct").resolve(root);
    if (!verdicts.isArray()) {
      return null;
    }
    if (verdicts.size() != samples.size()) {
      throw new InvalidRecordException("field '" + mapping.actualName("samples") + "' holds " + samples.size()
          + " samples but '" + mapping.actualName("sample_correct") + "' " + verdicts.size() + " verdicts; the lists "
          + "must be parallel");
    }
    return verdicts;
  }

  /**
   * The text, checked for C0 control characters other than tab, line feed and carriage return
   * (NUL from a {@code \\u0000} escape, form feeds, escape sequences): no tokenizer or chat template
   * expects them in a prompt, and a student trained on them learns to emit them.
   */
  private String withoutControlChars(String text, String name) throws InvalidRecordException {
    int first = firstControlChar(text);
    if (first < 0) {
      return text;
    }
    if (!stripControlChars) {
      throw new InvalidRecordException(String.format(Locale.ROOT,
          "field '%s' holds the control character U+%04X at offset %d; pass --strip-control-chars to remove such "
              + "characters instead", name, (int) text.charAt(first), first));
    }
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!isControl(text.charAt(i))) {
        kept.append(text.charAt(i));
      }
    }
    return kept.toString();
  }

  private static int firstControlChar(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isControl(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
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
