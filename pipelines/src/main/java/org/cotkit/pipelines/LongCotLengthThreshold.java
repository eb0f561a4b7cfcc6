package org.cotkit.pipelines;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.cotkit.compressors.WordSegmenter;
import org.cotkit.labelers.LengthDifficulty;
import org.cotkit.labelers.ThinkTrace;

/**
 * The length policy's threshold when it is a percentile of the corpus: gathers the token length of
 * every long CoT's reasoning (one int per record, so a million records cost a few megabytes) and
 * takes the exact nearest-rank percentile, read by the labelling step as a side input. A corpus
 * without long CoTs gives 1, which no length decision ever uses.
 */
public final class LongCotLengthThreshold extends PTransform<PCollection<List<TeacherRecord>>, PCollectionView<Integer>> {

  private final double percentile;

  public LongCotLengthThreshold(double percentile) {
    this.percentile = percentile;
  }

  @Override
  public PCollectionView<Integer> expand(PCollection<List<TeacherRecord>> batches) {
    return batches.apply("PercentileOfLengths", Combine.globally(new PercentileFn(percentile)).asSingletonView());
  }

  private static final class PercentileFn extends Combine.CombineFn<List<TeacherRecord>, List<Integer>, Integer> {
    private final double percentile;
    private transient WordSegmenter segmenter;

    PercentileFn(double percentile) {
      this.percentile = percentile;
    }

    @Override
    public List<Integer> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<Integer> addInput(List<Integer> lengths, List<TeacherRecord> batch) {
      if (segmenter == null) {
        segmenter = new WordSegmenter();
      }
      for (TeacherRecord record : batch) {
        String thinking = record.longCot() == null ? "" : ThinkTrace.split(record.longCot()).thinking();
        if (!thinking.isBlank()) { // as the labeler measures it: empty thinking is no long CoT
          lengths.add(segmenter.segment(thinking).size());
        }
      }
      return lengths;
    }

    @Override
    public List<Integer> mergeAccumulators(Iterable<List<Integer>> accumulators) {
      List<Integer> merged = new ArrayList<>();
      for (List<Integer> lengths : accumulators) {
        merged.addAll(lengths);
      }
      return merged;
    }

    @Override
    public Integer extractOutput(List<Integer> lengths) {
      return lengths.isEmpty()
          ? 1
          : LengthDifficulty.percentile(lengths.stream().mapToInt(Integer::intValue).toArray(), percentile);
    }

    @Override
    public Coder<List<Integer>> getAccumulatorCoder(CoderRegistry registry, Coder<List<TeacherRecord>> inputCoder) {
      return ListCoder.of(VarIntCoder.of());
    }

    @Override
    public Coder<Integer> getDefaultOutputCoder(CoderRegistry registry, Coder<List<TeacherRecord>> inputCoder) {
      return VarIntCoder.of();
    }
  }
}
