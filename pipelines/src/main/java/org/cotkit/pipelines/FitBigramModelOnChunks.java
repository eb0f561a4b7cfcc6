package org.cotkit.pipelines;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.cotkit.compressors.BigramCounts;
import org.cotkit.compressors.BigramModel;
import org.cotkit.compressors.WordSegmenter;

/**
 * The first pass of self-information scoring, straight from the input chunks: the chunks are dealt
 * into a fixed number of shards, each shard reads its chunks one after another and counts their
 * chains of thought's bigrams, and the shards' counts are merged and fitted. Memory holds one
 * chunk per worker and one count table per shard, however large the input.
 */
final class FitBigramModelOnChunks extends PTransform<PCollection<InputChunk>, PCollectionView<BigramModel>> {

  /**
   * Shards the counting is dealt into: enough to keep every worker of a mid-sized cluster busy,
   * few enough that their count tables, all of which the merge holds, stay small.
   */
  static final int SHARDS = 16;

  private final ChunkCots.Settings input;

  FitBigramModelOnChunks(ChunkCots.Settings input) {
    this.input = input;
  }

  @Override
  public PCollectionView<BigramModel> expand(PCollection<InputChunk> chunks) {
    return chunks
        .apply("DealIntoShards", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptor.of(InputChunk.class)))
            .via(chunk -> KV.of(Math.floorMod(chunk.hashCode(), SHARDS), chunk)))
        .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(InputChunk.class)))
        .apply("GroupShards", GroupByKey.create())
        .apply("CountBigrams", ParDo.of(new CountShardFn(input)))
        .setCoder(SerializableCoder.of(BigramCounts.class))
        .apply("MergeAndFit", Combine.globally(new MergeAndFit()).asSingletonView());
  }

  private static final class CountShardFn extends DoFn<KV<Integer, Iterable<InputChunk>>, BigramCounts> {
    private final ChunkCots.Settings settings;
    private transient ChunkCots chunkCots;
    private transient WordSegmenter segmenter;

    CountShardFn(ChunkCots.Settings settings) {
      this.settings = settings;
    }

    @Setup
    public void setup() {
      chunkCots = new ChunkCots(settings);
      segmenter = new WordSegmenter();
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<InputChunk>> shard, OutputReceiver<BigramCounts> out) {
      BigramCounts counts = new BigramCounts();
      for (InputChunk chunk : shard.getValue()) {
        chunkCots.read(chunk, batch -> {
          for (CotToCompress cot : batch.cots()) {
            counts.add(segmenter.segment(cot.cot()));
          }
        });
      }
      out.output(counts);
    }
  }

  private static final class MergeAndFit extends Combine.CombineFn<BigramCounts, BigramCounts, BigramModel> {
    @Override
    public BigramCounts createAccumulator() {
      return new BigramCounts();
    }

    @Override
    public BigramCounts addInput(BigramCounts merged, BigramCounts shard) {
      merged.merge(shard);
      return merged;
    }

    @Override
    public BigramCounts mergeAccumulators(Iterable<BigramCounts> accumulators) {
      BigramCounts merged = new BigramCounts();
      for (BigramCounts counts : accumulators) {
        merged.merge(counts);
      }
      return merged;
    }

    @Override
    public BigramModel extractOutput(BigramCounts counts) {
      return BigramModel.fit(counts);
    }

    @Override
    public Coder<BigramCounts> getAccumulatorCoder(CoderRegistry registry, Coder<BigramCounts> inputCoder) {
      return SerializableCoder.of(BigramCounts.class);
    }

    @Override
    public Coder<BigramModel> getDefaultOutputCoder(CoderRegistry registry, Coder<BigramCounts> inputCoder) {
      return SerializableCoder.of(BigramModel.class);
    }
  }
}
