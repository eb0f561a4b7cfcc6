package org.cotkit.pipelines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The end every cotkit pipeline shares: its dead letters go to {@code errors/}, and its counts,
 * with the blank lines and dead letters counted here, to {@code manifest.json}.
 */
final class ErrorsAndManifest {

  private static final TypeDescriptor<KV<String, Long>> COUNT =
      TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs());

  private ErrorsAndManifest() {}

  /**
   * One count per batch, keyed by what it counts; the manifest sums them. (One map per count, not a
   * combine per count: on the direct runner every transform costs time on every step.)
   */
  static <T> PCollection<KV<String, Long>> batchSizes(PCollection<List<T>> batches, String key) {
    return batches.apply("Count " + key, MapElements.into(COUNT).via(batch -> KV.of(key, (long) batch.size())));
  }

  /**
   * @param zeroCounts keys the manifest reports even when nothing adds to them (an empty input
   *     still gets a manifest, and its {@code records_read} is 0)
   * @param deadLetters dead letters of every stage
   * @param blankLines the parser's counts of blank input lines
   * @param counts every other partial count
   */
  static void write(
      Pipeline pipeline, String outputDirectory, LinkedHashMap<String, Object> header, List<String> zeroCounts,
      PCollectionList<DeadLetter> deadLetters, PCollection<Long> blankLines, PCollectionList<KV<String, Long>> counts) {
    PCollection<DeadLetter> allDeadLetters = deadLetters.apply("AllDeadLetters", Flatten.pCollections());
    allDeadLetters.apply("WriteErrors", new WriteDeadLetters(outputDirectory + "/errors"));

    List<KV<String, Long>> zeros = new ArrayList<>();
    for (String key : zeroCounts) {
      zeros.add(KV.of(key, 0L));
    }
    counts
        .and(pipeline.apply("NothingYet", Create.of(zeros)))
        .and(blankLines.apply("CountBlankLines", MapElements.into(COUNT).via(n -> KV.of("filtered.blank_line", n))))
        .and(allDeadLetters.apply("CountDeadLetters",
            MapElements.into(COUNT).via(letter -> KV.of("dead_lettered." + letter.stage(), 1L))))
        .apply("WriteManifest", new WriteManifest(outputDirectory, header));
  }
}
