package org.cotkit.labelers;

/**
 * What is known about a question when judging its difficulty. Any part may be missing (null).
 *
 * @param samples number of teacher samples whose correctness is known (given by the input or verified)
 * @param passRate share of those samples that are correct; without graded samples the pass rate
 *     the dataset gives, or null
 * @param shortCotCorrect whether the short CoT's answer verifies; null when unknown or unverifiable
 * @param longCotTokens length of the long CoT in tokens; null without a long CoT
 */
public record QuestionEvidence(int samples, Double passRate, Boolean shortCotCorrect, Integer longCotTokens) {}
