package org.cotkit.pipelines.shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.resourcehints.ResourceHints;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.cotkit.pipelines.io.InputChunk;
import org.cotkit.pipelines.io.PlanInputChunks;
import org.cotkit.pipelines.io.SerializedFile;
import org.cotkit.pipelines.manifest.ErrorsAndManifest;
import org.cotkit.pipelines.record.InputSettings;

/**
 * The one shape of every cotkit command:
 *
 * <pre>
 * plan chunks of the input
 *   → corpus pass (only when the work needs statistics): per shard, tallies as files, merged once
 *   → record pass: per chunk, in one step, read → parse → the command's work → its output files
 *   → dead letters → errors/ ; counts and the file list → manifest.json (written last)
 * </pre>
 *
 * A command supplies only its {@link RecordWork}; reading, fitting and the manifest are the same for
 * all of them.
 */
public final class ChunkedPipeline {

  /** Under the output directory: what a run keeps only while it runs (tallies, the bigram model). */
  public static final String TEMP_DIRECTORY = ".cotkit-tmp";

  private ChunkedPipeline() {}

  /**
   * Adds the pipeline. Planning matches the input files, so a bad pattern fails here, before
   * anything runs or is written.
   *
   * @param hints resource hints of the record pass (an accelerator for a model scorer on CUDA)
   * @param zeroCounts manifest counts reported even when nothing adds to them
   * @throws IllegalArgumentException when the input matches no file
   */
  public static void build(Pipeline pipeline, InputSettings input, RecordWork work, ResourceHints hints,
      LinkedHashMap<String, Object> manifestHeader, List<String> zeroCounts) {
    PCollection<InputChunk> chunks = pipeline.apply("PlanChunks",
        new PlanInputChunks(input.input(), input.format(), input.recordsPerBatch()));
    List<CorpusStatistic<?>> statistics = work.statistics();
    PCollection<KV<String, String>> statisticFiles = null;
    PCollectionView<Map<String, String>> statisticsView = null;
    if (!statistics.isEmpty()) {
      String tempDirectory = input.output() + "/" + TEMP_DIRECTORY + "-" + UUID.randomUUID();
      statisticFiles = chunks.apply("CorpusPass", new CorpusPass(input, statistics, tempDirectory));
      statisticsView = statisticFiles.apply("StatisticsAsSideInput", View.asMap());
    }
    PCollectionTuple written = chunks.apply("RecordPass", new RecordPass(input, work, statisticsView, hints));
    if (statisticFiles != null) {
      statisticFiles
          .apply("AfterRecordPass", Wait.on(written.get(RecordPass.COUNTS)))
          .apply("OneKey", WithKeys.of(0))
          .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
          .apply("GatherFiles", GroupByKey.create())
          .apply("DeleteStatistics", ParDo.of(new DeleteFilesFn()));
    }
    ErrorsAndManifest.write(pipeline, input.output(), manifestHeader, zeroCounts,
        written.get(RecordPass.DEAD_LETTERS), written.get(RecordPass.COUNTS), written.get(RecordPass.FILES),
        input.limits().maxErrorRate());
  }

  /** Deletes the statistics' files and their temporary directory, once every chunk is written. */
  private static final class DeleteFilesFn extends DoFn<KV<Integer, Iterable<KV<String, String>>>, Void> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, String>>> files) {
      List<String> paths = new ArrayList<>();
      for (KV<String, String> file : files.getValue()) {
        paths.add(file.getValue());
      }
      if (!paths.isEmpty()) {
        String first = paths.get(0);
        paths.add(first.substring(0, first.lastIndexOf('/')));
      }
      SerializedFile.delete(paths);
    }
  }
}
