package org.cotkit.pipelines.record;

import java.io.Serializable;

/**
 * An extra teacher generation for the same question.
 *
 * @param cot the generation
 * @param correct whether it is correct, when the input says so; null when unknown
 */
public record TeacherSample(String cot, Boolean correct) implements Serializable {}
