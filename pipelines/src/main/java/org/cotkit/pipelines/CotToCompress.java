package org.cotkit.pipelines;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.cotkit.labelers.QuestionLabel;

/**
 * The chain of thought chosen from a record, ready to score.
 *
 * @param record the record it came from
 * @param cot the reasoning to compress (for R1-style traces, the part inside {@code <think>})
 * @param answer the gold answer, else the one the teacher's response states; null if neither
 * @param answerSource {@code gold}, or how the response stated the answer ({@code boxed},
 *     {@code final_answer_phrase}, …); null without an answer
 * @param fromLongCot whether {@code cot} is the record's long CoT (false: its short CoT)
 * @param label the question's labels; null where the pipeline does not label ({@code compress})
 */
@DefaultCoder(SerializableCoder.class)
public record CotToCompress(TeacherRecord record, String cot, String answer, String answerSource, boolean fromLongCot, QuestionLabel label)
    implements Serializable {

  /** The same chain of thought with the question's labels. */
  public CotToCompress withLabel(QuestionLabel newLabel) {
    return new CotToCompress(record, cot, answer, answerSource, fromLongCot, newLabel);
  }

}
