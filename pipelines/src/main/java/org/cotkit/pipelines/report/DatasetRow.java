package org.cotkit.pipelines.report;

/**
 * The columns of an SFT row ({@link org.cotkit.pipelines.sft.SftSchema}) that the statistics
 * read; null where the row's mode does not define a column.
 */
public record DatasetRow(String split, String mode, Double ratio, Double achievedRatio, String difficulty,
    Double passRate, Integer tokenBudget, Integer cotTokens, Integer keptTokens, Boolean verified) {}
