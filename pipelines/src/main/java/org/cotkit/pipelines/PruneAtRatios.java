package org.cotkit.pipelines;

import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.cotkit.compressors.ForcedWords;

/**
 * Prunes each scored chain of thought to the ratios assigned to its record, always keeping forced
 * words (numbers, operators, the final answer, {@code --force-token}s). With
 * {@code --simple-from long:γ}, a simple question's long CoT is also pruned to γ for its adaptive
 * example.
 */
public final class PruneAtRatios extends PTransform<PCollection<List<ScoredCot>>, PCollectionTuple> {

  public static final TupleTag<List<CompressedRecord>> COMPRESSED = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private final RatioAssignment assignment;
  private final ForcedWords forcedWords;
  private final SimpleSource simpleSource;

  public PruneAtRatios(RatioAssignment assignment, ForcedWords forcedWords) {
    this(assignment, forcedWords, SimpleSource.SHORT_COT);
  }

  public PruneAtRatios(RatioAssignment assignment, ForcedWords forcedWords, SimpleSource simpleSource) {
    this.assignment = assignment;
    this.forcedWords = forcedWords;
    this.simpleSource = simpleSource;
  }

  @Override
  public PCollectionTuple expand(PCollection<List<ScoredCot>> batches) {
    PCollectionTuple pruned = batches.apply(
        "Prune",
        ParDo.of(new PruneFn(assignment, forcedWords, simpleSource)).withOutputTags(COMPRESSED, TupleTagList.of(DEAD_LETTERS)));
    pruned.get(COMPRESSED).setCoder(BatchCoder.of(CompressedRecord.class));
    return pruned;
  }

  private static final class PruneFn extends DoFn<List<ScoredCot>, List<CompressedRecord>> {
    private final RatioAssignment assignment;
    private final ForcedWords forcedWords;
    private final SimpleSource simpleSource;
    private final Counter deadLettered = Metrics.counter("cotkit", "dead_lettered");
    private transient CotPruning pruning;

    PruneFn(RatioAssignment assignment, ForcedWords forcedWords, SimpleSource simpleSource) {
      this.assignment = assignment;
      this.forcedWords = forcedWords;
      this.simpleSource = simpleSource;
    }

    @Setup
    public void setup() {
      pruning = new CotPruning(assignment, forcedWords, simpleSource);
    }

    @ProcessElement
    public void process(@Element List<ScoredCot> batch, MultiOutputReceiver out) {
      List<CompressedRecord> compressed = pruning.prune(batch, (cot, reason) -> {
        deadLettered.inc();
        out.get(DEAD_LETTERS).output(DeadLetter.of(cot.input().record().origin(), "prune", reason));
      });
      if (!compressed.isEmpty()) {
        out.get(COMPRESSED).output(compressed);
      }
    }
  }
}
