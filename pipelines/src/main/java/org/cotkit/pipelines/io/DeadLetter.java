package org.cotkit.pipelines.io;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * An input record that could not become training data, kept with the reason so that nothing is
 * lost silently. Written as one JSON line to {@code <output>/errors/}.
 *
 * @param file the resource it was read from
 * @param line 1-based line (JSONL) or row (Parquet) number
 * @param stage the step that rejected it: {@code read} (not valid UTF-8, an unreadable file),
 *     {@code parse} (not a valid teacher record), {@code label}, {@code score} or {@code prune}
 * @param reason one line saying what is wrong, naming the field at fault
 * @param raw the record's text as read
 */
@DefaultCoder(SerializableCoder.class)
public record DeadLetter(String file, long line, String stage, String reason, String raw)
    implements Serializable {

  public static DeadLetter of(RawRecord record, String stage, String reason) {
    return new DeadLetter(record.file(), record.line(), stage, reason, record.text());
  }

  /** The first line of an exception's message, for a one-line reason. */
  public static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
