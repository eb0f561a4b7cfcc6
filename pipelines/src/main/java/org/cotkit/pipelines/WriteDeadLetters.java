package org.cotkit.pipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes dead letters as JSON lines {@code {file, line, stage, reason, raw}} to
 * {@code <dir>/dead-letters-*.jsonl}, so a user can see, fix and re-run exactly the failed records.
 */
public final class WriteDeadLetters extends PTransform<PCollection<DeadLetter>, PDone> {

  private final String directory;

  public WriteDeadLetters(String directory) {
    this.directory = directory;
  }

  @Override
  public PDone expand(PCollection<DeadLetter> deadLetters) {
    return deadLetters
        .apply("ToJson", MapElements.via(new ToJson()))
        .apply("WriteJsonl", TextIO.write().to(directory + "/dead-letters").withSuffix(".jsonl"));
  }

  static final class ToJson extends SimpleFunction<DeadLetter, String> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String apply(DeadLetter letter) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("file", letter.file());
      fields.put("line", letter.line());
      fields.put("stage", letter.stage());
      fields.put("reason", letter.reason());
      fields.put("raw", letter.raw());
      try {
        return JSON.writeValueAsString(fields);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a map of strings and numbers always serialises", e);
      }
    }
  }
}
