package org.cotkit.pipelines.record;

/** A record that cannot be used, with a one-line reason naming the field at fault. */
public final class InvalidRecordException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidRecordException(String reason) {
    super(reason, null, false, false); // the reason is the message; a stack trace adds nothing
  }
}
