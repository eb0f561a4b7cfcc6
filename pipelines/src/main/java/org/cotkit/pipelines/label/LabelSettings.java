package org.cotkit.pipelines.label;

import java.io.Serializable;
import org.cotkit.pipelines.record.InputSettings;

/**
 * What {@code cotkit label} does.
 *
 * @param input where records are read and the labelled ones written
 * @param difficulty how questions are judged and given budgets
 * @param outputFormat the format of the labelled records
 */
public record LabelSettings(InputSettings input, DifficultySettings difficulty, LabelOutputFormat outputFormat)
    implements Serializable {}
