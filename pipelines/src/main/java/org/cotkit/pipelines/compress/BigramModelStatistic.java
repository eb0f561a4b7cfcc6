package org.cotkit.pipelines.compress;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.cotkit.compressors.BigramCounts;
import org.cotkit.compressors.BigramModel;
import org.cotkit.compressors.WordSegmenter;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.record.CotPreference;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.shape.CorpusStatistic;

/**
 * The bigram model of the n-gram scorer, fitted on the corpus itself: the bigrams of the
 * chosen chain of thought of every record that will be compressed.
 */
public final class BigramModelStatistic implements CorpusStatistic<BigramCounts> {

  public static final String NAME = "bigram-model";

  private final CotPreference preference;
  private final SerializableFunction<TeacherRecord, Boolean> compressed;
  private transient WordSegmenter segmenter;

  /**
   * @param compressed whether a record will be compressed (build filters some first), so that the
   *     model is fitted on what is scored
   */
  public BigramModelStatistic(CotPreference preference, SerializableFunction<TeacherRecord, Boolean> compressed) {
    this.preference = preference;
    this.compressed = compressed;
  }

  /** Of every record. */
  public BigramModelStatistic(CotPreference preference) {
    this(preference, record -> true);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BigramCounts newTally() {
    return new BigramCounts();
  }

  @Override
  public void add(BigramCounts counts, List<TeacherRecord> batch) {
    if (segmenter == null) {
      segmenter = new WordSegmenter();
    }
    for (TeacherRecord record : batch) {
      if (compressed.apply(record)) {
        counts.add(segmenter.segment(ChosenCot.choose(record, preference).cot()));
      }
    }
  }

  @Override
  public Serializable merge(Iterator<BigramCounts> tallies) {
    BigramCounts merged = new BigramCounts();
    while (tallies.hasNext()) {
      merged.merge(tallies.next());
    }
    return BigramModel.fit(merged);
  }
}
