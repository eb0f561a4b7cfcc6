package org.cotkit.pipelines.record;

import java.io.Serializable;
import java.util.List;
import org.cotkit.pipelines.io.RawRecord;

/**
 * One teacher generation record in canonical fields (see the README's input format).
 *
 * @param id the record's id, given or derived from the question
 * @param question the question, required
 * @param answer the gold final answer; null when not given
 * @param longCot the teacher's long reasoning; null when absent
 * @param shortCot the teacher's short reasoning; null when absent
 * @param samples extra teacher generations; empty when absent
 * @param passRate the dataset's own share of correct answers to the question (e.g. OpenR1's or
 *     Big-Math's model accuracy), in [0, 1]; null when not given
 * @param source provenance, carried to the output; null when absent
 * @param domain provenance, carried to the output; null when absent
 * @param origin where the record was read from, for error messages
 */
public record TeacherRecord(
    String id,
    String question,
    String answer,
    String longCot,
    String shortCot,
    List<TeacherSample> samples,
    Double passRate,
    String source,
    String domain,
    RawRecord origin)
    implements Serializable {

  /** A record without a given pass rate. */
  public TeacherRecord(String id, String question, String answer, String longCot, String shortCot,
      List<TeacherSample> samples, String source, String domain, RawRecord origin) {
    this(id, question, answer, longCot, shortCot, samples, null, source, domain, origin);
  }

  /** The same record with another gold answer (null for none). */
  public TeacherRecord withAnswer(String newAnswer) {
    return new TeacherRecord(id, question, newAnswer, longCot, shortCot, samples, passRate, source, domain, origin);
  }

  /** The same record with another long CoT. */
  public TeacherRecord withLongCot(String newLongCot) {
    return new TeacherRecord(id, question, answer, newLongCot, shortCot, samples, passRate, source, domain, origin);
  }

  /** The same record with another short CoT. */
  public TeacherRecord withShortCot(String newShortCot) {
    return new TeacherRecord(id, question, answer, longCot, newShortCot, samples, passRate, source, domain, origin);
  }
}
