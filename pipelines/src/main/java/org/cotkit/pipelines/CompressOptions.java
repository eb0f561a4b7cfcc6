package org.cotkit.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of the TokenSkip compression pipeline ({@code cotkit compress}). */
public interface CompressOptions extends TeacherInputOptions, TokenSkipOptions {

  @Description("Value of the split column.")
  @Default.String("train")
  String getSplit();

  void setSplit(String value);
}
