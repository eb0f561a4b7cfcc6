package org.cotkit.pipelines.build;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cotkit.pipelines.compress.TokenSkipSettings;
import org.cotkit.pipelines.label.DifficultySettings;
import org.cotkit.pipelines.record.CotPreference;
import org.cotkit.pipelines.record.InputSettings;

/**
 * What {@code cotkit build} does.
 *
 * @param input where records are read and the dataset written
 * @param tokenSkip how CoTs are compressed into TokenSkip rows
 * @param difficulty how questions are judged and given budgets
 * @param validationFraction share of questions in the validation split, in [0, 1)
 * @param format how adaptive rows are tagged and laid out
 * @param simpleSource the reasoning of a simple question's adaptive row
 * @param keepIncorrect whether records whose chosen CoT is wrong are kept
 */
public record BuildSettings(InputSettings input, TokenSkipSettings tokenSkip, DifficultySettings difficulty,
    double validationFraction, AdaptiveFormat format, SimpleSource simpleSource, boolean keepIncorrect)
    implements Serializable {

  /** @throws IllegalArgumentException naming the option at fault */
  public BuildSettings {
    if (!tokenSkip.lengthUnit().equals(difficulty.lengthUnit())) {
      throw new IllegalArgumentException("ratios and budgets must be counted in one unit, got "
          + tokenSkip.lengthUnit().describe() + " and " + difficulty.lengthUnit().describe());
    }
    if (simpleSource.fromLongCot() && input.cot() != CotPreference.LONG) {
      throw new IllegalArgumentException("--simple-from " + simpleSource + " prunes the long CoT, which needs --cot long");
    }
    new QuestionSplit(validationFraction); // validates the fraction
  }

  /** The build-only settings as the manifest reports them. */
  public Map<String, Object> describe() {
    LinkedHashMap<String, Object> used = new LinkedHashMap<>();
    used.put("validation_fraction", validationFraction);
    used.put("tag_position", format.position().name().toLowerCase(Locale.ROOT));
    used.put("tags", List.of(format.simpleTag(), format.complexTag()));
    used.put("simple_from", simpleSource.toString());
    used.put("keep_incorrect", keepIncorrect);
    return used;
  }
}
