package org.cotkit.pipelines;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * The chain of thought chosen from a record, ready to score.
 *
 * @param record the record it came from
 * @param cot the reasoning to compress (for R1-style traces, the part inside {@code <think>})
 * @param answer the gold answer, else the one the teacher's response states; null if neither
 */
@DefaultCoder(SerializableCoder.class)
public record CotToCompress(TeacherRecord record, String cot, String answer) implements Serializable {}
