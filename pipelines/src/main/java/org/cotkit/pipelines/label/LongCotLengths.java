package org.cotkit.pipelines.label;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.cotkit.compressors.LengthUnit;
import org.cotkit.compressors.TokenCounter;
import org.cotkit.labelers.LengthDifficulty;
import org.cotkit.labelers.ThinkTrace;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.shape.CorpusStatistic;

/**
 * The length policy's threshold when it is a percentile of the corpus: the token length of every
 * long CoT's reasoning (one int per record, so a million records cost a few megabytes), and its
 * exact nearest-rank percentile. A corpus without long CoTs gives 1, which no length decision uses.
 */
public final class LongCotLengths implements CorpusStatistic<LongCotLengths.Lengths> {

  public static final String NAME = "long-cot-length-threshold";

  private final double percentile;
  private final LengthUnit unit;
  private transient TokenCounter counter;

  /** @param unit what the lengths are counted in */
  public LongCotLengths(double percentile, LengthUnit unit) {
    this.percentile = percentile;
    this.unit = unit;
  }

  /** The lengths of one shard. */
  public static final class Lengths implements Serializable {
    private int[] values = new int[1024];
    private int size;

    void add(int length) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = length;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Lengths newTally() {
    return new Lengths();
  }

  @Override
  public void add(Lengths lengths, List<TeacherRecord> batch) {
    if (counter == null) {
      counter = unit.counter();
    }
    for (TeacherRecord record : batch) {
      String thinking = record.longCot() == null ? "" : ThinkTrace.split(record.longCot()).thinking();
      if (!thinking.isBlank()) { // as the labeler measures it: empty thinking is no long CoT
        lengths.add(counter.count(thinking));
      }
    }
  }

  /** @return the threshold, an {@link Integer} */
  @Override
  public Serializable merge(Iterator<Lengths> tallies) {
    Lengths all = new Lengths();
    while (tallies.hasNext()) {
      Lengths shard = tallies.next();
      for (int i = 0; i < shard.size; i++) {
        all.add(shard.values[i]);
      }
    }
    return all.size == 0 ? 1 : LengthDifficulty.percentile(Arrays.copyOf(all.values, all.size), percentile);
  }
}
