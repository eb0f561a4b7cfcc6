package org.cotkit.pipelines.shape;

import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.io.WrittenFile;

/** Where a command's work on one batch reports what did not become output, and what it counted. */
public interface BatchOutput {

  /** A record that could not be used, with the stage and reason. */
  void deadLetter(DeadLetter letter);

  /** Adds {@code n} to the manifest count {@code key}. */
  void count(String key, long n);

  /** A file the work wrote into the dataset, for the manifest's file list. */
  void file(WrittenFile file);
}
