/**
 * Answer verification, difficulty and token budgets per question, the corpus length percentile,
 * the labelled-record files, and {@code label}'s record-pass work.
 */
package org.cotkit.pipelines.label;
