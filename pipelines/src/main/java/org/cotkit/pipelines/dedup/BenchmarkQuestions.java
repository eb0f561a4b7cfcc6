package org.cotkit.pipelines.dedup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.cotkit.pipelines.io.InputChunk;
import org.cotkit.pipelines.io.InputChunkReader;
import org.cotkit.pipelines.io.InputFormat;
import org.cotkit.pipelines.io.RawRecord;
import org.cotkit.pipelines.record.FieldPath;
import org.cotkit.pipelines.record.QuestionFilterSettings;

/**
 * The questions of a benchmark file (JSON Lines, a JSON array or Parquet, as the input is read),
 * each with its id: the field {@code --benchmark-map} names, else the first of
 * {@link #QUESTION_FIELDS} and {@link #ID_FIELDS} a record has; a record without an id is named by
 * its line.
 */
public final class BenchmarkQuestions {

  /** Where benchmarks usually keep the question: GSM8K's question, MATH's problem. */
  public static final List<String> QUESTION_FIELDS = List.of("question", "problem", "prompt", "input");
  /** Where benchmarks usually keep an id: MATH-500's unique_id. */
  public static final List<String> ID_FIELDS = List.of("id", "unique_id", "problem_id", "question_id", "uid");

  /** A benchmark question. */
  public record Question(String id, String text) implements Serializable {}

  /** A benchmark file's questions. */
  public record Benchmark(String file, List<Question> questions) implements Serializable {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_RECORD_BYTES = 64L << 20;

  private BenchmarkQuestions() {}

  /**
   * The benchmark files a list of names or globs matches, sorted within each.
   *
   * @throws IllegalArgumentException naming the one that matches nothing or cannot be listed
   */
  public static List<String> files(List<String> patterns) {
    List<String> files = new ArrayList<>();
    for (String pattern : patterns) {
      try {
        List<String> matched = new ArrayList<>();
        for (MatchResult.Metadata file : FileSystems.match(pattern, EmptyMatchTreatment.ALLOW).metadata()) {
          matched.add(file.resourceId().toString());
        }
        if (matched.isEmpty()) {
          throw new IllegalArgumentException("--decontaminate '" + pattern + "' matches no file");
        }
        matched.sort(null);
        files.addAll(matched);
      } catch (IOException e) {
        throw new IllegalArgumentException("--decontaminate '" + pattern + "' cannot be listed: " + e.getMessage(), e);
      }
    }
    return files;
  }

  /**
   * Reads every question of {@code file}.
   *
   * @throws IllegalArgumentException naming the file and line of a record that cannot be read or
   *     holds no question
   */
  public static Benchmark read(String file, QuestionFilterSettings settings) {
    Map<String, FieldPath> mapping = settings.benchmarkPaths();
    List<Question> questions = new ArrayList<>();
    new InputChunkReader(InputFormat.AUTO, MAX_RECORD_BYTES).read(InputChunk.wholeFile(file), raw -> {
      if (raw.readError() == null && raw.text().isBlank()) {
        return;
      }
      questions.add(question(raw, mapping));
    });
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("benchmark " + file + " holds no questions");
    }
    return new Benchmark(file, questions);
  }

  private static Question question(RawRecord raw, Map<String, FieldPath> mapping) {
    if (raw.readError() != null) {
      throw new IllegalArgumentException("benchmark " + raw.location() + ": " + raw.readError());
    }
    JsonNode record;
    try {
      record = JSON.readTree(raw.text());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("benchmark " + raw.location() + " is not a JSON object: "
          + e.getOriginalMessage());
    }
    JsonNode question = field(record, mapping.get("question"), QUESTION_FIELDS);
    if (question == null || !question.isTextual() || question.asText().isBlank()) {
      throw new IllegalArgumentException("benchmark " + raw.location() + " has no question: no text in "
          + (mapping.containsKey("question") ? "'" + mapping.get("question") + "'" : "any of " + QUESTION_FIELDS)
          + " (name its field with --benchmark-map question=FIELD)");
    }
    JsonNode id = field(record, mapping.get("id"), ID_FIELDS);
    boolean hasId = id != null && id.isValueNode() && !id.isNull() && !id.asText().isBlank();
    return new Question(hasId ? id.asText() : "line " + raw.line(), question.asText());
  }

  private static JsonNode field(JsonNode record, FieldPath mapped, List<String> usual) {
    if (mapped != null) {
      JsonNode node = mapped.resolve(record);
      return node.isMissingNode() ? null : node;
    }
    for (String name : usual) {
      if (record.has(name)) {
        return record.get(name);
      }
    }
    return null;
  }
}
