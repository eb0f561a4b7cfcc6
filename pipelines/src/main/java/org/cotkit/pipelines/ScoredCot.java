package org.cotkit.pipelines;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.cotkit.compressors.Word;

/**
 * A chain of thought with one importance score per word.
 *
 * @param input what was scored
 * @param words its words, in order
 * @param scores one importance per word, higher is kept longer
 */
@DefaultCoder(SerializableCoder.class)
public record ScoredCot(CotToCompress input, List<Word> words, double[] scores) implements Serializable {}
