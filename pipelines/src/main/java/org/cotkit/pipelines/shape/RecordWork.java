package org.cotkit.pipelines.shape;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.cotkit.pipelines.record.TeacherRecord;

/**
 * What a command does in its record pass, a batch of parsed records at a time: label, filter,
 * score, prune, format and write that batch's output file. Serialised to every worker.
 */
public interface RecordWork extends Serializable {

  /** The corpus statistics the record pass needs first; empty for none. */
  List<CorpusStatistic<?>> statistics();

  /**
   * Which records the work keeps, as far as a corpus statistic can tell before it runs (the
   * verified ones when wrong answers are dropped), so that deduplication keeps a record the work
   * keeps too; null when it keeps all.
   */
  default SerializableFunction<TeacherRecord, Boolean> keeps() {
    return null;
  }

  /**
   * Opens one worker's processor, once per worker instance, with the results of
   * {@link #statistics()}.
   */
  BatchProcessor open(CorpusStatistics statistics);

  /** One worker's processor. Not thread-safe. */
  interface BatchProcessor extends AutoCloseable {

    /**
     * Does the command's work on one batch and writes its output. A record that cannot be used
     * goes to {@code out} as a dead letter; an exception fails the chunk (and the runner retries it).
     */
    void process(List<TeacherRecord> batch, BatchOutput out);

    /** Releases what {@link RecordWork#open} opened; nothing by default. */
    @Override
    default void close() {}
  }
}
