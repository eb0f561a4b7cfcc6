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
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.io.RenamedIntoPlace;
import org.cotkit.pipelines.io.StableHash;
import org.cotkit.pipelines.io.WrittenFile;

/**
 * Writes dead letters as JSON lines {@code {file, line, stage, reason, raw}} to
 * {@code <dataset>/errors/dead-letters-<hash>.jsonl}, one file per bundle that has any, so a user
 * can see, fix and re-run exactly the failed records, and gives each file's manifest entry.
 * Nothing is written when no record failed. The name hashes the content, so a retried bundle
 * replaces its own file rather than adding a copy.
 *
 * <p>A plain per-bundle writer rather than {@code TextIO.write()}: dead letters are few, and the
 * two dozen transforms of a sharded file write cost every record time on the direct runner.
 * Files are written under a hidden name and renamed when complete.
 */
public final class WriteDeadLetters extends PTransform<PCollection<DeadLetter>, PCollection<WrittenFile>> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String dataset;

  /** @param dataset the dataset folder; the files go to its {@code errors/} */
  public WriteDeadLetters(String dataset) {
    this.dataset = dataset;
  }

  @Override
  public PCollection<WrittenFile> expand(PCollection<DeadLetter> deadLetters) {
    return deadLetters.apply("WriteJsonl", ParDo.of(new WriteBundleFn(dataset)))
        .setCoder(SerializableCoder.of(WrittenFile.class));
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

  private static final class WriteBundleFn extends DoFn<DeadLetter, WrittenFile> {
    private final String dataset;
    private transient List<String> lines;

    WriteBundleFn(String dataset) {
      this.dataset = dataset;
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
    public void finishBundle(FinishBundleContext context) throws IOException {
      if (lines.isEmpty()) {
        return;
      }
      List<String> bundle = lines;
      String name = "dead-letters-" + StableHash.of(bundle) + ".jsonl";
      RenamedIntoPlace.Digest digest = RenamedIntoPlace.write(dataset + "/" + WrittenFile.ERRORS_FOLDER, name,
          "application/jsonl", channel -> {
            OutputStream out = Channels.newOutputStream(channel); // closing the channel ends the file
            for (String line : bundle) {
              out.write(line.getBytes(StandardCharsets.UTF_8));
              out.write('\n');
            }
          });
      context.output(WrittenFile.in(WrittenFile.ERRORS_FOLDER, name, bundle.size(), digest),
          GlobalWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
      lines = null;
    }
  }
}
