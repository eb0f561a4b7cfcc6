package org.cotkit.pipelines.io;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects items into batches of a fixed size and hands on each full batch, and the rest at the end. */
public final class RecordBatcher<T> {

  private final int batchSize;
  private final Consumer<List<T>> full;
  private List<T> batch;

  public RecordBatcher(int batchSize, Consumer<List<T>> full) {
    this.batchSize = batchSize;
    this.full = full;
    this.batch = new ArrayList<>(batchSize);
  }

  public void add(T item) {
    batch.add(item);
    if (batch.size() == batchSize) {
      flush();
    }
  }

  /** Hands on the items collected so far, if any. */
  public void flush() {
    if (!batch.isEmpty()) {
      List<T> done = batch;
      batch = new ArrayList<>(batchSize);
      full.accept(done);
    }
  }
}
