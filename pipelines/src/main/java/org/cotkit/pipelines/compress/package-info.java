/**
 * TokenSkip compression: the corpus bigram model, scoring (n-gram information and word classes, or a token classifier),
 * pruning at each ratio, the TokenSkip rows, and {@code compress}'s record-pass work.
 */
package org.cotkit.pipelines.compress;
