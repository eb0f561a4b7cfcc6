package org.cotkit.pipelines.compress;

import java.io.Serializable;
import org.cotkit.pipelines.record.InputSettings;
import org.cotkit.pipelines.sft.SftParquetFile;

/**
 * What {@code cotkit compress} does.
 *
 * @param input where records are read and the dataset written
 * @param tokenSkip how CoTs are compressed
 * @param split the value of the split column
 * @param dropIncorrect whether records whose chosen CoT reaches a wrong answer are filtered
 */
public record CompressSettings(InputSettings input, TokenSkipSettings tokenSkip, String split, boolean dropIncorrect)
    implements Serializable {

  /** @throws IllegalArgumentException when the split cannot name the folder its files go to */
  public CompressSettings {
    SftParquetFile.checkSplitName(split);
  }

  /** Settings that keep every record, right or wrong. */
  public CompressSettings(InputSettings input, TokenSkipSettings tokenSkip, String split) {
    this(input, tokenSkip, split, false);
  }
}
