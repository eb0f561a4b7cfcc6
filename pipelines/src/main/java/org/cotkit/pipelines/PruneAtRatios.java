package org.cotkit.pipelines;

import java.util.ArrayList;
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
import org.cotkit.compressors.CompressedCot;
import org.cotkit.compressors.ForcedWords;
import org.cotkit.compressors.RatioPruner;
import org.cotkit.compressors.ScoredCotPruner;
import org.cotkit.compressors.TokenCounter;
import org.cotkit.labelers.Difficulty;

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
    private transient ScoredCotPruner pruner;

    PruneFn(RatioAssignment assignment, ForcedWords forcedWords, SimpleSource simpleSource) {
      this.assignment = assignment;
      this.forcedWords = forcedWords;
      this.simpleSource = simpleSource;
    }

    @Setup
    public void setup() {
      pruner = new ScoredCotPruner(forcedWords, new RatioPruner(TokenCounter.WORDS));
    }

    @ProcessElement
    public void process(@Element List<ScoredCot> batch, MultiOutputReceiver out) {
      List<CompressedRecord> compressed = new ArrayList<>(batch.size());
      for (ScoredCot scored : batch) {
        prune(scored, compressed, out);
      }
      if (!compressed.isEmpty()) {
        out.get(COMPRESSED).output(compressed);
      }
    }

    private void prune(ScoredCot scored, List<CompressedRecord> compressed, MultiOutputReceiver out) {
      CotToCompress input = scored.input();
      try {
        List<CompressedCot> compressions =
            pruner.prune(input.cot(), scored.words(), scored.scores(), input.answer(),
                assignment.ratiosFor(input.record().id()));
        CompressedCot simple = null;
        if (simpleSource.fromLongCot() && input.fromLongCot() && input.label() != null
            && input.label().difficulty() == Difficulty.SIMPLE) {
          simple = pruner.prune(input.cot(), scored.words(), scored.scores(), input.answer(),
              new double[] {simpleSource.pruneRatio()}).get(0);
        }
        compressed.add(new CompressedRecord(input, compressions, simple));
      } catch (RuntimeException e) {
        deadLettered.inc();
        out.get(DEAD_LETTERS).output(
            DeadLetter.of(input.record().origin(), "prune", "cannot prune: " + DeadLetter.oneLine(e)));
      }
    }
  }
}
