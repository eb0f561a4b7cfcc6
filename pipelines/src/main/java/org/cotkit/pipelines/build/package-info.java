/**
 * The adaptive (L2) rows, tags and train/validation split, and {@code build}'s record-pass work:
 * label, filter, compress, and write TokenSkip and adaptive rows together.
 */
package org.cotkit.pipelines.build;
