package org.cotkit.pipelines.compress;

import java.io.Serializable;
import java.util.List;
import org.cotkit.compressors.CompressedCot;
import org.cotkit.pipelines.record.ChosenCot;

/**
 * A record's chain of thought compressed to each ratio assigned to it.
 *
 * @param input the chain of thought and record it came from
 * @param compressions one per assigned ratio, in ascending ratio order
 * @param simpleCompression the long CoT pruned for a simple question's adaptive example
 *     ({@code --simple-from long:γ}); null otherwise
 */
public record CompressedRecord(ChosenCot input, List<CompressedCot> compressions, CompressedCot simpleCompression) implements Serializable {}
