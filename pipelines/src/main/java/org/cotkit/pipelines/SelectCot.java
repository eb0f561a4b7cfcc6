package org.cotkit.pipelines;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.PCollection;
import org.cotkit.labelers.ExtractedAnswer;
import org.cotkit.labelers.FinalAnswerExtractor;
import org.cotkit.labelers.ThinkTrace;

/**
 * Picks the chain of thought to compress from each record ({@code --cot}; the other one when the
 * preferred one is missing or its thinking is empty), splits R1-style traces at {@code </think>}
 * (the thinking is compressed, the response only informs the answer), and
 * settles the final answer: the gold one, else one the teacher states explicitly. A last-number
 * guess is never used as an answer to keep.
 */
public final class SelectCot extends PTransform<PCollection<List<TeacherRecord>>, PCollection<List<CotToCompress>>> {

  /** The {@code answer_source} of a gold answer. */
  public static final String GOLD = "gold";

  private final CotPreference preference;

  public SelectCot(CotPreference preference) {
    this.preference = preference;
  }

  @Override
  public PCollection<List<CotToCompress>> expand(PCollection<List<TeacherRecord>> batches) {
    return batches
        .apply("ChooseCot", MapElements.via(new Choose(preference)))
        .setCoder(BatchCoder.of(CotToCompress.class));
  }

  public static CotToCompress choose(TeacherRecord record, CotPreference preference) {
    // an R1-style trace whose thinking is empty falls back to the other CoT, like a missing one
    List<String> cots = preference.inOrder(record);
    int chosen = 0;
    for (int i = 0; i < cots.size(); i++) {
      if (!ThinkTrace.split(cots.get(i)).thinking().isBlank()) {
        chosen = i;
        break;
      }
    }
    ThinkTrace trace = ThinkTrace.split(cots.get(chosen));
    boolean fromLongCot = preference == CotPreference.LONG
        ? record.longCot() != null && chosen == 0
        : record.shortCot() == null || chosen == 1;
    if (record.answer() != null && !record.answer().isBlank()) {
      return new CotToCompress(record, trace.thinking(), record.answer(), GOLD, fromLongCot, null);
    }
    String stated = trace.response().isEmpty() ? trace.thinking() : trace.response();
    ExtractedAnswer found = new FinalAnswerExtractor().extract(stated).filter(a -> !a.isFallback()).orElse(null);
    return new CotToCompress(record, trace.thinking(), found == null ? null : found.value(),
        found == null ? null : found.source(), fromLongCot, null);
  }

  private static final class Choose extends SimpleFunction<List<TeacherRecord>, List<CotToCompress>> {
    private final CotPreference preference;

    Choose(CotPreference preference) {
      this.preference = preference;
    }

    @Override
    public List<CotToCompress> apply(List<TeacherRecord> batch) {
      List<CotToCompress> cots = new ArrayList<>(batch.size());
      for (TeacherRecord record : batch) {
        cots.add(choose(record, preference));
      }
      return cots;
    }
  }
}
