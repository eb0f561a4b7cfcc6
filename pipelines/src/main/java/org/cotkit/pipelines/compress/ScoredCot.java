package org.cotkit.pipelines.compress;

import java.io.Serializable;
import java.util.List;
import org.cotkit.compressors.Word;
import org.cotkit.pipelines.record.ChosenCot;

/**
 * A chain of thought with one importance score per word.
 *
 * @param input what was scored
 * @param words its words, in order
 * @param scores one importance per word, higher is kept longer
 */
public record ScoredCot(ChosenCot input, List<Word> words, double[] scores) implements Serializable {}
