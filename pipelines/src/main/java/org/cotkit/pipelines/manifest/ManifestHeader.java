package org.cotkit.pipelines.manifest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.cotkit.pipelines.record.InputSettings;

/** The part of {@code manifest.json} before the counts: the command, the version, the options used. */
public final class ManifestHeader {

  private ManifestHeader() {}

  public static LinkedHashMap<String, Object> of(String command, Map<String, Object> options) {
    LinkedHashMap<String, Object> header = new LinkedHashMap<>();
    header.put("command", command);
    header.put("cotkit_version", ManifestHeader.class.getPackage().getImplementationVersion());
    header.put("options", new LinkedHashMap<>(options));
    return header;
  }

  /** The input options every command reports, and the runner's name. */
  public static LinkedHashMap<String, Object> input(InputSettings input, String runner) {
    LinkedHashMap<String, Object> used = new LinkedHashMap<>();
    used.put("input", input.input());
    used.put("output", input.output());
    used.put("input_format", lower(input.format()));
    used.put("map", input.fieldMap());
    used.put("preset", lower(input.preset()));
    used.put("cot", lower(input.cot()));
    used.put("records_per_batch", input.recordsPerBatch());
    used.put("max_record_bytes", input.limits().maxRecordBytes());
    used.put("strip_control_chars", input.limits().stripControlChars());
    used.put("max_error_rate", input.limits().maxErrorRate());
    used.put("runner", runner);
    return used;
  }

  public static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
