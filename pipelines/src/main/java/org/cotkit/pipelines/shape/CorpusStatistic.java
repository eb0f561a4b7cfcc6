package org.cotkit.pipelines.shape;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.cotkit.pipelines.record.TeacherRecord;

/**
 * A statistic of the whole corpus that the record pass needs before it can start (the bigram model
 * of the n-gram scorer, the long-CoT length percentile of the length policy): tallied per
 * shard of the input in the corpus pass, the shards' tallies merged once, and the result read by
 * every worker of the record pass ({@link CorpusStatistics}).
 *
 * @param <T> the tally of one shard, written to a file between the two steps
 */
public interface CorpusStatistic<T extends Serializable> extends Serializable {

  /** Names the statistic's result among a run's statistics; unique per run. */
  String name();

  /** An empty tally for one shard. */
  T newTally();

  /** Adds one batch of parsed records to {@code tally}. Called on one thread per instance. */
  void add(T tally, List<TeacherRecord> batch);

  /** Merges every shard's tally, each read from its file as the iterator reaches it, into the result. */
  Serializable merge(Iterator<T> tallies);
}
