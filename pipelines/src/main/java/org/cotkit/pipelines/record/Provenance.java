package org.cotkit.pipelines.record;

import java.io.Serializable;
import java.util.List;

/**
 * What a manifest says about where its run came from, beside the options: the command line as
 * typed, and the folder the dataset is published to, which is not where the run writes when it
 * writes into a staging folder first.
 *
 * @param commandLine the program name and its arguments; empty when the run was started from code
 * @param dataset the dataset folder the run's output becomes
 */
public record Provenance(List<String> commandLine, String dataset) implements Serializable {

  public Provenance {
    commandLine = List.copyOf(commandLine);
  }

  /** A run started from code that writes its dataset in place. */
  public static Provenance inPlace(String dataset) {
    return new Provenance(List.of(), dataset);
  }
}
