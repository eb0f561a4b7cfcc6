package org.cotkit.pipelines.record;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Layouts of well-known datasets ({@code --preset}). Each is a field mapping, which a user's
 * {@code --map} entries override one canonical field at a time, and, where a mapping cannot say
 * it, a step that reshapes the parsed record. The README's "Your data" section shows each layout
 * and the {@code --map} it stands for.
 */
public enum InputPreset {
  /** Fields are read as they are. */
  NONE("none", "", InputPreset::unchanged),
  /** GSM8K's own files: {@code answer} holds a reference solution ending in {@code #### N}. */
  GSM8K("gsm8k", "", Gsm8kSolutionSplit::apply),
  /**
   * open-r1/OpenR1-Math-220k: R1 generations with a parallel list of Math-Verify verdicts, the
   * NuminaMath reference {@code solution} (the short CoT) and {@code answer}.
   */
  OPENR1("openr1", "question=problem,long_cot=" + FirstVerifiedGeneration.LONG_COT + ",short_cot=solution,samples="
      + FirstVerifiedGeneration.SAMPLES + ",sample_correct=correctness_math_verify,id=uuid,domain=problem_type",
      FirstVerifiedGeneration::apply),
  /**
   * open-thoughts/OpenThoughts-114k and bespokelabs/Bespoke-Stratos-17k: ShareGPT turns; the
   * assistant's turn holds the thought and solution markers, which {@link ChosenCot} splits. No
   * gold answer: the one the solution states is used.
   */
  OPENTHOUGHTS("openthoughts", "question=conversations[from=user].value,long_cot=conversations[from=assistant].value",
      InputPreset::unchanged),
  /** simplescaling/s1K: Gemini's thinking (a one-element list) and attempt, a reference solution. */
  S1K("s1k", "long_cot=thinking_trajectories[0],short_cot=attempt,answer=solution,source=source_type,domain=cot_type",
      StatedAnswer::apply),
  /** simplescaling/s1K-1.1: the same questions with DeepSeek-R1's thinking and attempt. */
  S1K_1_1("s1k-1.1", "long_cot=deepseek_thinking_trajectory,short_cot=deepseek_attempt,answer=solution,"
      + "source=source_type,domain=cot_type", StatedAnswer::apply),
  /** GAIR/LIMO: {@code question}, a long worked {@code solution} and the {@code answer}. */
  LIMO("limo", "long_cot=solution", InputPreset::unchanged),
  /**
   * A generation script's output: {@code question}, an R1-style {@code response} and, often, the
   * source dataset's {@code answer} as it was (a GSM8K solution, say), reduced to the answer it states.
   */
  R1_RESPONSE("r1-response", "long_cot=response", StatedAnswer::apply),
  /**
   * hemingkx/TokenSkip's prediction files ({@code predictions.jsonl}, which its compression
   * script reads): the question as the user turn of {@code messages}, {@code model_output}, the
   * gold {@code answer} and the benchmark's {@code reference} solutions.
   */
  TOKENSKIP("tokenskip", "question=messages[role=user].content,long_cot=model_output,short_cot=reference[0],"
      + "source=dataset", InputPreset::unchanged);

  /** What a preset does to a parsed record that its mapping cannot. */
  @FunctionalInterface
  interface Reshape {
    /** @param mapping the mapping the record was read with (the preset's under the user's) */
    TeacherRecord apply(TeacherRecord record, FieldMapping mapping) throws InvalidRecordException;
  }

  private final String spelling;
  private final String fieldMap;
  private final Reshape reshape;

  InputPreset(String spelling, String fieldMap, Reshape reshape) {
    this.spelling = spelling;
    this.fieldMap = fieldMap;
    this.reshape = reshape;
  }

  /**
   * The preset a user names, in any case ({@code --preset s1k-1.1}).
   *
   * @throws IllegalArgumentException naming the presets there are
   */
  public static InputPreset named(String name) {
    for (InputPreset preset : values()) {
      if (preset.spelling.equalsIgnoreCase(name.strip())) {
        return preset;
      }
    }
    throw new IllegalArgumentException("unknown preset '" + name + "'; presets: " + spellings());
  }

  /** Every preset's name, as {@code --preset} takes it: {@code none, gsm8k, openr1, …}. */
  public static String spellings() {
    return Arrays.stream(values()).map(InputPreset::toString).collect(Collectors.joining(", "));
  }

  /** The field mapping the preset stands for ({@code --map} entries); empty for none. */
  public FieldMapping mapping() {
    return FieldMapping.parse(fieldMap);
  }

  /** Reshapes a parsed record; returns it unchanged where the mapping says it all. */
  TeacherRecord apply(TeacherRecord record, FieldMapping mapping) throws InvalidRecordException {
    return reshape.apply(record, mapping);
  }

  private static TeacherRecord unchanged(TeacherRecord record, FieldMapping mapping) {
    return record;
  }

  /** The name as {@code --preset} takes it and the manifest records it. */
  @Override
  public String toString() {
    return spelling;
  }
}
