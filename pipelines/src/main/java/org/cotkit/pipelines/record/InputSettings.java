package org.cotkit.pipelines.record;

import java.io.Serializable;
import org.cotkit.pipelines.io.InputFormat;

/**
 * Where a run reads teacher generations, how it maps and chooses their fields, and where it writes.
 *
 * @param input file or glob of JSONL (optionally compressed) or Parquet files
 * @param output the output directory
 * @param format how input files are read
 * @param fieldMap {@code canonical=actual[,…]}; empty for canonical field names (or the preset's)
 * @param preset the layout of a well-known dataset, whose mapping {@code fieldMap} overrides entry by entry
 * @param cot which chain of thought is used; the other one is the fallback
 * @param recordsPerBatch records per batch, the unit of work and of each output file
 * @param limits what input is refused, and how much of it may be
 * @param provenance the command line and the dataset folder, for the manifest
 * @param thinkMarkers the markers of a thought besides the published ones
 * @param questions which records are dropped as duplicates or for a benchmark overlap
 */
public record InputSettings(String input, String output, InputFormat format, String fieldMap, InputPreset preset,
    CotPreference cot, int recordsPerBatch, RecordLimits limits, Provenance provenance, ThinkMarkers thinkMarkers,
    QuestionFilterSettings questions)
    implements Serializable {

  /** @throws IllegalArgumentException naming the option at fault */
  public InputSettings {
    FieldMapping.parse(fieldMap);
    if (recordsPerBatch < 1) {
      throw new IllegalArgumentException("--records-per-batch must be at least 1, got " + recordsPerBatch);
    }
    output = output.replaceAll("/+$", "");
  }

  /** Settings that keep every record, duplicates and all. */
  public InputSettings(String input, String output, InputFormat format, String fieldMap, InputPreset preset,
      CotPreference cot, int recordsPerBatch, RecordLimits limits, Provenance provenance, ThinkMarkers thinkMarkers) {
    this(input, output, format, fieldMap, preset, cot, recordsPerBatch, limits, provenance, thinkMarkers,
        QuestionFilterSettings.NONE);
  }

  /** Settings that read the published thought markers only. */
  public InputSettings(String input, String output, InputFormat format, String fieldMap, InputPreset preset,
      CotPreference cot, int recordsPerBatch, RecordLimits limits, Provenance provenance) {
    this(input, output, format, fieldMap, preset, cot, recordsPerBatch, limits, provenance, ThinkMarkers.PUBLISHED);
  }

  /** Settings of a run started from code, which writes its dataset in {@code output} itself. */
  public InputSettings(String input, String output, InputFormat format, String fieldMap, InputPreset preset,
      CotPreference cot, int recordsPerBatch, RecordLimits limits) {
    this(input, output, format, fieldMap, preset, cot, recordsPerBatch, limits, Provenance.inPlace(output));
  }

  public FieldMapping mapping() {
    return FieldMapping.parse(fieldMap);
  }
}
