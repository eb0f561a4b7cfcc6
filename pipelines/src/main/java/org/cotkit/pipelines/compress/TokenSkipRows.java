package org.cotkit.pipelines.compress;

import java.util.ArrayList;
import java.util.List;
import org.cotkit.compressors.CompressedCot;
import org.cotkit.labelers.QuestionLabel;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.sft.SftExample;

/** The TokenSkip rows ({@code mode = tokenskip}) of compressed records, one per ratio. */
public final class TokenSkipRows {

  public static final String MODE = "tokenskip";

  private TokenSkipRows() {}

  /**
   * The rows of one record. Label columns (difficulty, pass rate, budget, verified) are filled when
   * the record was labelled ({@code cotkit build}).
   */
  public static List<SftExample> of(CompressedRecord compressed, TokenSkipFormat format, String split) {
    ChosenCot input = compressed.input();
    TeacherRecord record = input.record();
    QuestionLabel label = input.label();
    List<SftExample> examples = new ArrayList<>(compressed.compressions().size());
    for (CompressedCot cot : compressed.compressions()) {
      String prompt = format.prompt(record.question(), cot.ratio());
      String completion = format.completion(cot.text(), input.answer());
      examples.add(new SftExample(
          record.id() + ":" + MODE + ":" + TokenSkipFormat.ratioLabel(cot.ratio()),
          record.id(),
          split,
          MODE,
          prompt,
          completion,
          format.messages(record.question(), cot.ratio(), completion),
          cot.ratio(),
          cot.achievedRatio(),
          label == null || label.difficulty() == null ? null : label.difficulty().label(),
          label == null ? null : label.difficultySource(),
          label == null ? null : label.passRate(),
          label == null ? null : label.tokenBudget(),
          cot.totalTokens(),
          cot.keptTokens(),
          input.answer(),
          input.answerSource(),
          label == null ? null : label.verified(),
          record.source(),
          label == null ? null : label.budgetScale()));
    }
    return examples;
  }
}
