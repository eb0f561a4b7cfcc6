package org.cotkit.pipelines.publish;

/**
 * The dataset given to publish is not one it can publish: it fails {@code cotkit verify}, it holds
 * no SFT rows, or its split or mode names cannot name files and configs. The message names the
 * folder's problem; nothing was written.
 */
public final class UnpublishableDatasetException extends Exception {

  public UnpublishableDatasetException(String message) {
    super(message);
  }
}
