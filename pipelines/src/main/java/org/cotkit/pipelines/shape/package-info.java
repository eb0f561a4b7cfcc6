/**
 * The one pipeline shape every command runs: plan chunks, an optional corpus pass of statistics
 * written as files and merged once, the record pass that does a command's work a batch at a time,
 * and dead letters and the manifest at the end.
 */
package org.cotkit.pipelines.shape;
