package org.cotkit.pipelines.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.io.WrittenFile;

/**
 * The end every cotkit pipeline shares: its dead letters go to {@code errors/}, and its counts,
 * with the dead letters counted here by stage, and the list of every file written, to
 * {@code manifest.json}.
 */
public final class ErrorsAndManifest {

  private static final TypeDescriptor<KV<String, Long>> COUNT =
      TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs());

  private ErrorsAndManifest() {}

  /**
   * @param zeroCounts keys the manifest reports even when nothing adds to them (an empty input
   *     still gets a manifest, and its {@code records_read} is 0)
   * @param deadLetters dead letters of every stage
   * @param counts the partial counts of the run
   * @param dataFiles the entries of the data files written
   * @param maxErrorRate the share of records read that may be dead-lettered
   */
  public static void write(Pipeline pipeline, String outputDirectory, LinkedHashMap<String, Object> header,
      List<String> zeroCounts, PCollection<DeadLetter> deadLetters, PCollection<KV<String, Long>> counts,
      PCollection<WrittenFile> dataFiles, double maxErrorRate) {
    PCollection<WrittenFile> errorFiles = deadLetters.apply("WriteErrors", new WriteDeadLetters(outputDirectory));
    PCollectionView<List<WrittenFile>> files = PCollectionList.of(dataFiles).and(errorFiles)
        .apply("AllFiles", Flatten.pCollections())
        .apply("FileList", View.asList());

    List<KV<String, Long>> zeros = new ArrayList<>();
    for (String key : zeroCounts) {
      zeros.add(KV.of(key, 0L));
    }
    PCollectionList.of(counts)
        .and(pipeline.apply("NothingYet", Create.of(zeros)))
        .and(deadLetters.apply("CountDeadLetters",
            MapElements.into(COUNT).via(letter -> KV.of("dead_lettered." + letter.stage(), 1L))))
        .apply("WriteManifest", new WriteManifest(outputDirectory, header, files, maxErrorRate));
  }
}
