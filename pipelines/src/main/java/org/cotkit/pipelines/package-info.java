/** The command pipelines (compress, build, label): each supplies its record-pass work to the one pipeline shape in {@code shape}. */
package org.cotkit.pipelines;
