package org.cotkit.pipelines;

import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.cotkit.compressors.BigramCounts;
import org.cotkit.compressors.BigramModel;
import org.cotkit.compressors.WordSegmenter;

/**
 * The first pass of self-information scoring: counts bigrams over every chain of thought of the
 * corpus (combined in parallel) and fits the model that the scoring step reads as a side input.
 */
public final class FitBigramModel extends PTransform<PCollection<List<CotToCompress>>, PCollectionView<BigramModel>> {

  @Override
  public PCollectionView<BigramModel> expand(PCollection<List<CotToCompress>> shards) {
    return shards.apply("CountBigramsAndFit", Combine.globally(new CountAndFit()).asSingletonView());
  }

  private static final class CountAndFit extends Combine.CombineFn<List<CotToCompress>, BigramCounts, BigramModel> {
    private transient WordSegmenter segmenter;

    @Override
    public BigramCounts createAccumulator() {
      return new BigramCounts();
    }

    @Override
    public BigramCounts addInput(BigramCounts counts, List<CotToCompress> shard) {
      if (segmenter == null) {
        segmenter = new WordSegmenter();
      }
      for (CotToCompress cot : shard) {
        counts.add(segmenter.segment(cot.cot()));
      }
      return counts;
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
    public Coder<BigramCounts> getAccumulatorCoder(CoderRegistry registry, Coder<List<CotToCompress>> inputCoder) {
      return SerializableCoder.of(BigramCounts.class);
    }

    @Override
    public Coder<BigramModel> getDefaultOutputCoder(CoderRegistry registry, Coder<List<CotToCompress>> inputCoder) {
      return SerializableCoder.of(BigramModel.class);
    }
  }
}
