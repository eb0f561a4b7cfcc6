package org.cotkit.pipelines.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.io.RenamedIntoPlace;
import org.cotkit.pipelines.io.StableHash;

/**
 * Writes dead letters as JSON lines {@code {file, line, stage, reason, raw}} to
 * {@code <dir>/dead-letters-<hash>.jsonl}, one file per bundle that has any, so a user can see,
 * fix and re-run exactly the failed records. Nothing is written when no record failed. The name
 * hashes the content, so a retried bundle replaces its own file rather than adding a copy.
 *
 * <p>A plain per-bundle writer rather than {@code TextIO.write()}: dead letters are few, and the
 * two dozen transforms of a sharded file write cost every record time on the direct runner.
 * Files are written under a hidden name and renamed when complete.
 */
public final class WriteDeadLetters extends PTransform<PCollection<DeadLetter>, PDone> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String directory;

  public WriteDeadLetters(String directory) {
    this.directory = directory;
  }

  @Override
  public PDone expand(PCollection<DeadLetter> deadLetters) {
    deadLetters.apply("WriteJsonl", ParDo.of(new WriteBundleFn(directory)));
    return PDone.in(deadLetters.getPipeline());
  }

  static String toJson(DeadLetter letter) {
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

  private static final class WriteBundleFn extends DoFn<DeadLetter, Void> {
    private final String directory;
    private transient List<String> lines;

    WriteBundleFn(String directory) {
      this.directory = directory;
    }

    @StartBundle
    public void startBundle() {
      lines = new ArrayList<>();
    }

    @ProcessElement
    public void process(@Element DeadLetter letter) {
      lines.add(toJson(letter));
    }

    @FinishBundle
    public void finishBundle() throws IOException {
      if (lines.isEmpty()) {
        return;
      }
      List<String> bundle = lines;
      RenamedIntoPlace.write(directory, "dead-letters-" + StableHash.of(bundle) + ".jsonl", "application/jsonl",
          channel -> {
            OutputStream out = Channels.newOutputStream(channel); // closing the channel ends the file
            for (String line : bundle) {
              out.write(line.getBytes(StandardCharsets.UTF_8));
              out.write('\n');
            }
          });
      lines = null;
    }
  }
}
