package org.cotkit.pipelines.compress;

import java.io.Serializable;
import org.cotkit.pipelines.record.InputSettings;

/**
 * What {@code cotkit compress} does.
 *
 * @param input where records are read and the dataset written
 * @param tokenSkip how CoTs are compressed
 * @param split the value of the split column
 */
public record CompressSettings(InputSettings input, TokenSkipSettings tokenSkip, String split) implements Serializable {}
