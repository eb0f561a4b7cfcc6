/**
 * What a finished dataset holds, in figures: {@link DatasetStatistics} streams the rows of its
 * Parquet files once ({@link DatasetRows}, {@link RowTally}) and reads its manifest's counts;
 * {@link StatisticsTable} prints them as a terminal table and {@link HtmlReport} as a
 * self-contained report.html with Chart.js charts.
 */
package org.cotkit.pipelines.report;
