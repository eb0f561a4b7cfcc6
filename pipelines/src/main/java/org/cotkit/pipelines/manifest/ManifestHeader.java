package org.cotkit.pipelines.manifest;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.cotkit.pipelines.record.InputSettings;

/**
 * The part of {@code manifest.json} before the counts: the command, the version, the command line,
 * the input files and the options used.
 */
public final class ManifestHeader {

  private ManifestHeader() {}

  /**
   * @param options the options the run used, from {@link #input} and the command's own
   * @throws IllegalArgumentException when the input files cannot be listed
   */
  public static LinkedHashMap<String, Object> of(String command, InputSettings input, Map<String, Object> options) {
    LinkedHashMap<String, Object> header = new LinkedHashMap<>();
    header.put("command", command);
    header.put("cotkit_version", ManifestHeader.class.getPackage().getImplementationVersion());
    header.put("command_line", new ArrayList<>(input.provenance().commandLine()));
    header.put("inputs", inputFiles(input.input()));
    header.put("options", new LinkedHashMap<>(options));
    return header;
  }

  /** The input options every command reports, and the runner's name. */
  public static LinkedHashMap<String, Object> input(InputSettings input, String runner) {
    LinkedHashMap<String, Object> used = new LinkedHashMap<>();
    used.put("input", input.input());
    used.put("output", input.provenance().dataset());
    used.put("input_format", lower(input.format()));
    used.put("map", input.fieldMap());
    used.put("preset", input.preset().toString());
    if (input.thinkMarkers().open() != null) {
      used.put("think_markers", List.of(input.thinkMarkers().open(), input.thinkMarkers().close()));
    }
    used.put("cot", lower(input.cot()));
    used.put("records_per_batch", input.recordsPerBatch());
    used.put("max_record_bytes", input.limits().maxRecordBytes());
    used.put("strip_control_chars", input.limits().stripControlChars());
    used.put("max_error_rate", input.limits().maxErrorRate());
    used.putAll(input.questions().describe());
    used.put("runner", runner);
    return used;
  }

  /**
   * Each input file with its size and modification time, as the run found them: enough to tell
   * whether a dataset was made from the files a user has now, without reading them twice.
   */
  static List<Map<String, Object>> inputFiles(String pattern) {
    List<Map<String, Object>> files = new ArrayList<>();
    try {
      for (MatchResult.Metadata file : FileSystems.match(pattern, EmptyMatchTreatment.ALLOW).metadata()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", file.resourceId().toString());
        entry.put("bytes", file.sizeBytes());
        entry.put("modified", file.lastModifiedMillis() > 0 ? Instant.ofEpochMilli(file.lastModifiedMillis()).toString() : null);
        files.add(entry);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("--input '" + pattern + "' cannot be listed: " + e.getMessage(), e);
    }
    files.sort((a, b) -> ((String) a.get("path")).compareTo((String) b.get("path")));
    return files;
  }

  public static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
