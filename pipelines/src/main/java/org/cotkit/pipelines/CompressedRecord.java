package org.cotkit.pipelines;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.cotkit.compressors.CompressedCot;

/**
 * A record's chain of thought compressed to each ratio assigned to it.
 *
 * @param input the chain of thought and record it came from
 * @param compressions one per assigned ratio, in ascending ratio order
 * @param simpleCompression the long CoT pruned for a simple question's adaptive example
 *     ({@code --simple-from long:γ}); null otherwise
 */
@DefaultCoder(SerializableCoder.class)
public record CompressedRecord(CotToCompress input, List<CompressedCot> compressions, CompressedCot simpleCompression) implements Serializable {}
