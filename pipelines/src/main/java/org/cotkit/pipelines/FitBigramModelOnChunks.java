package org.cotkit.pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.cotkit.compressors.BigramCounts;
import org.cotkit.compressors.BigramModel;
import org.cotkit.compressors.WordSegmenter;

/**
 * The first pass of self-information scoring, straight from the input chunks: the chunks are dealt
 * into a fixed number of shards, each shard reads its chunks one after another and counts their
 * chains of thought's bigrams, and one worker merges the shards' counts and fits the model. Memory
 * holds one chunk per worker and the count tables of the shards, however large the input.
 *
 * <p>The tables and the model are files in a temporary directory ({@link SerializedFile}); the
 * output is the path of the model's file, one element. The count files are deleted once merged.
 */
final class FitBigramModelOnChunks extends PTransform<PCollection<InputChunk>, PCollection<String>> {

  /**
   * Shards the counting is dealt into: enough to keep every worker of a mid-sized cluster busy,
   * few enough that their count tables, which the merge reads, stay few.
   */
  static final int SHARDS = 16;

  private final ChunkCots.Settings input;
  private final String tempDirectory;

  /** @param tempDirectory where the count tables and the model are written; unique to the run */
  FitBigramModelOnChunks(ChunkCots.Settings input, String tempDirectory) {
    this.input = input;
    this.tempDirectory = tempDirectory;
  }

  @Override
  public PCollection<String> expand(PCollection<InputChunk> chunks) {
    return chunks
        .apply("DealIntoShards", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptor.of(InputChunk.class)))
            .via(chunk -> KV.of(Math.floorMod(chunk.hashCode(), SHARDS), chunk)))
        .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(InputChunk.class)))
        .apply("GroupShards", GroupByKey.create())
        .apply("CountBigrams", ParDo.of(new CountShardFn(input, tempDirectory)))
        .setCoder(StringUtf8Coder.of())
        .apply("OneKey", WithKeys.of(0))
        .setCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of()))
        .apply("GatherCounts", GroupByKey.create())
        .apply("MergeAndFit", ParDo.of(new MergeAndFitFn(tempDirectory)))
        .setCoder(StringUtf8Coder.of());
  }

  /** Counts the bigrams of a shard's chunks into a table file; outputs its path. */
  private static final class CountShardFn extends DoFn<KV<Integer, Iterable<InputChunk>>, String> {
    private final ChunkCots.Settings settings;
    private final String tempDirectory;
    // progress while the model is fitted, before any record is compressed
    private final Counter recordsCounted = Metrics.counter("cotkit", "records_counted");
    private transient ChunkCots chunkCots;
    private transient WordSegmenter segmenter;

    CountShardFn(ChunkCots.Settings settings, String tempDirectory) {
      this.settings = settings;
      this.tempDirectory = tempDirectory;
    }

    @Setup
    public void setup() {
      chunkCots = new ChunkCots(settings);
      segmenter = new WordSegmenter();
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<InputChunk>> shard, OutputReceiver<String> out) {
      BigramCounts counts = new BigramCounts();
      for (InputChunk chunk : shard.getValue()) {
        chunkCots.read(chunk, batch -> {
          for (CotToCompress cot : batch.cots()) {
            counts.add(segmenter.segment(cot.cot()));
          }
          recordsCounted.inc(batch.recordsRead());
        });
      }
      // a retried shard writes a file of its own; the merge reads the paths that were output
      String path = tempDirectory + "/counts-" + shard.getKey() + "-" + UUID.randomUUID() + ".bin";
      SerializedFile.write(path, counts);
      out.output(path);
    }
  }

  /** Merges every shard's table, fits the model and writes it; outputs the model file's path. */
  private static final class MergeAndFitFn extends DoFn<KV<Integer, Iterable<String>>, String> {
    private final String tempDirectory;

    MergeAndFitFn(String tempDirectory) {
      this.tempDirectory = tempDirectory;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<String>> countFiles, OutputReceiver<String> out) {
      BigramCounts merged = new BigramCounts();
      List<String> paths = new ArrayList<>();
      for (String path : countFiles.getValue()) {
        merged.merge(SerializedFile.read(path, BigramCounts.class));
        paths.add(path);
      }
      String modelPath = tempDirectory + "/bigram-model-" + UUID.randomUUID() + ".bin";
      SerializedFile.write(modelPath, BigramModel.fit(merged));
      SerializedFile.delete(paths);
      out.output(modelPath);
    }
  }
}
