package org.cotkit.pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.cotkit.compressors.WordSegmenter;

/**
 * Turns each compressed, labelled record into its TokenSkip rows and its adaptive row, all in the
 * question's train or validation split. Outputs the rows keyed like
 * {@link FormatTokenSkipExamples} (a hash of where the batch was read), and partial counts for the
 * manifest: rows by mode and split, and questions without an adaptive row by reason.
 */
public final class FormatBuildExamples extends PTransform<PCollection<List<CompressedRecord>>, PCollectionTuple> {

  public static final TupleTag<KV<String, List<SftExample>>> EXAMPLES = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>() {};

  private final FormatFn fn;

  public FormatBuildExamples(
      TokenSkipFormat tokenSkipFormat, AdaptiveFormat adaptiveFormat, SimpleSource simpleSource,
      boolean keepIncorrect, QuestionSplit split) {
    this.fn = new FormatFn(tokenSkipFormat, adaptiveFormat, simpleSource, keepIncorrect, split);
  }

  @Override
  public PCollectionTuple expand(PCollection<List<CompressedRecord>> batches) {
    PCollectionTuple formatted = batches.apply(
        "ToSftExamples",
        ParDo.of(fn).withOutputTags(EXAMPLES, TupleTagList.of(COUNTS)));
    formatted.get(EXAMPLES).setCoder(KvCoder.of(StringUtf8Coder.of(), BatchCoder.of(SftExample.class)));
    formatted.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return formatted;
  }

  private static final class FormatFn extends DoFn<List<CompressedRecord>, KV<String, List<SftExample>>> {
    private final TokenSkipFormat tokenSkipFormat;
    private final AdaptiveFormat adaptiveFormat;
    private final SimpleSource simpleSource;
    private final boolean keepIncorrect;
    private final QuestionSplit split;
    private final Counter rowsFormatted = Metrics.counter("cotkit", "rows_formatted");
    private transient AdaptiveExample adaptive;

    FormatFn(TokenSkipFormat tokenSkipFormat, AdaptiveFormat adaptiveFormat, SimpleSource simpleSource,
        boolean keepIncorrect, QuestionSplit split) {
      this.tokenSkipFormat = tokenSkipFormat;
      this.adaptiveFormat = adaptiveFormat;
      this.simpleSource = simpleSource;
      this.keepIncorrect = keepIncorrect;
      this.split = split;
    }

    @Setup
    public void setup() {
      WordSegmenter segmenter = new WordSegmenter();
      adaptive = new AdaptiveExample(adaptiveFormat, simpleSource, keepIncorrect, text -> segmenter.segment(text).size());
    }

    @ProcessElement
    public void process(@Element List<CompressedRecord> batch, MultiOutputReceiver out) {
      List<SftExample> rows = new ArrayList<>();
      List<String> origins = new ArrayList<>(batch.size());
      Map<String, Long> counts = new TreeMap<>();
      for (CompressedRecord compressed : batch) {
        String questionSplit = split.of(compressed.input().record().question());
        rows.addAll(FormatTokenSkipExamples.examples(compressed, tokenSkipFormat, questionSplit));
        AdaptiveExample.Outcome outcome = adaptive.of(compressed, questionSplit);
        if (outcome.row() != null) {
          rows.add(outcome.row());
        } else {
          counts.merge("examples.adaptive_skipped." + outcome.skipped(), 1L, Long::sum);
        }
        origins.add(compressed.input().record().origin().location());
      }
      for (SftExample row : rows) {
        counts.merge("examples.mode." + row.mode(), 1L, Long::sum);
        counts.merge("examples.split." + row.split(), 1L, Long::sum);
      }
      rowsFormatted.inc(rows.size());
      counts.forEach((key, n) -> out.get(COUNTS).output(KV.of(key, n)));
      out.get(EXAMPLES).output(KV.of(StableHash.of(origins), rows));
    }
  }
}
