package org.cotkit.pipelines.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.cotkit.pipelines.record.QuestionFilterSettings;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.shape.CorpusStatistic;

/**
 * Finds the input's duplicate questions: every shard tallies its records' question keys (and, for
 * near duplicates, shingles and MinHash band keys), and the merge walks all records in reading
 * order (input file path, then line) and keeps the first of each question. Reading order, not the
 * order shards or workers finish in, so the same input keeps the same records on every runner and
 * at any parallelism.
 *
 * <p>A near duplicate is a record whose band keys meet an earlier kept record's and whose shingles'
 * Jaccard similarity with it is at least the threshold; each band key remembers the first kept
 * record that had it, so memory is one entry per band key and record.
 */
public final class DuplicateQuestions implements CorpusStatistic<QuestionTally> {

  private static final long serialVersionUID = 1L;

  public static final String NAME = "duplicate_questions";

  private final QuestionFilterSettings settings;
  private final SerializableFunction<TeacherRecord, Boolean> kept;

  /**
   * @param kept which records the command keeps, as far as can be told before its work (the
   *     verified ones when wrong answers are dropped); null for all. A record it drops is never the
   *     one a question keeps, so a wrong first answer does not take a right second one with it.
   */
  public DuplicateQuestions(QuestionFilterSettings settings, SerializableFunction<TeacherRecord, Boolean> kept) {
    this.settings = settings;
    this.kept = kept;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public QuestionTally newTally() {
    return new QuestionTally(settings.dedup() == QuestionFilterSettings.Dedup.NEAR);
  }

  @Override
  public void add(QuestionTally tally, List<TeacherRecord> batch) {
    for (TeacherRecord record : batch) {
      if (kept == null || kept.apply(record)) {
        tally.add(record.origin().file(), record.origin().line(), record.id(), record.question());
      }
    }
  }

  @Override
  public Serializable merge(Iterator<QuestionTally> tallies) {
    List<QuestionTally> shards = new ArrayList<>();
    tallies.forEachRemaining(shards::add);
    List<long[]> order = new ArrayList<>(); // {shard, index}
    for (int s = 0; s < shards.size(); s++) {
      for (int i = 0; i < shards.get(s).size; i++) {
        order.add(new long[] {s, i});
      }
    }
    order.sort(Comparator.<long[], String>comparing(r -> file(shards, r))
        .thenComparingLong(r -> shards.get((int) r[0]).line[(int) r[1]]));
    Duplicates duplicates = new Duplicates();
    LongIntTable firstByKey = new LongIntTable();
    LongIntTable firstByBand = new LongIntTable();
    boolean near = settings.dedup() == QuestionFilterSettings.Dedup.NEAR;
    for (int n = 0; n < order.size(); n++) {
      QuestionTally shard = shards.get((int) order.get(n)[0]);
      int i = (int) order.get(n)[1];
      int first = firstByKey.get(shard.key[i]);
      if (first != LongIntTable.MISSING) {
        duplicates.add(location(shards, order.get(n)), duplicate(shards, order.get(first), null));
        continue;
      }
      if (near) {
        int best = -1;
        double bestJaccard = 0;
        for (long band : shard.bands[i]) {
          int candidate = firstByBand.get(band);
          if (candidate != LongIntTable.MISSING && candidate != best) {
            long[] other = order.get(candidate);
            double jaccard = WordGrams.jaccard(shard.shingles[i], shards.get((int) other[0]).shingles[(int) other[1]]);
            if (jaccard >= settings.jaccardThreshold()
                && (jaccard > bestJaccard || (jaccard == bestJaccard && candidate < best))) {
              best = candidate;
              bestJaccard = jaccard;
            }
          }
        }
        if (best >= 0) {
          duplicates.add(location(shards, order.get(n)), duplicate(shards, order.get(best), bestJaccard));
          continue;
        }
        for (long band : shard.bands[i]) {
          firstByBand.putIfAbsent(band, n);
        }
      }
      firstByKey.putIfAbsent(shard.key[i], n);
    }
    return duplicates;
  }

  private static String file(List<QuestionTally> shards, long[] record) {
    QuestionTally shard = shards.get((int) record[0]);
    return shard.files.get(shard.file[(int) record[1]]);
  }

  private static String location(List<QuestionTally> shards, long[] record) {
    return file(shards, record) + ":" + shards.get((int) record[0]).line[(int) record[1]];
  }

  private static Duplicates.Duplicate duplicate(List<QuestionTally> shards, long[] kept, Double jaccard) {
    return new Duplicates.Duplicate(shards.get((int) kept[0]).id[(int) kept[1]], location(shards, kept), jaccard);
  }
}
