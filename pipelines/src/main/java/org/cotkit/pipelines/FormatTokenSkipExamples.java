package org.cotkit.pipelines;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.cotkit.compressors.CompressedCot;
import org.cotkit.labelers.QuestionLabel;

/**
 * Turns each compressed record into one SFT example per ratio ({@code mode = tokenskip}). Each
 * output batch is keyed by a hash of where its records were read (file and line), which names its
 * output file: unique per batch even when several input files repeat the same questions and ids.
 */
public final class FormatTokenSkipExamples
    extends PTransform<PCollection<List<CompressedRecord>>, PCollection<KV<String, List<SftExample>>>> {

  public static final String MODE = "tokenskip";

  private final TokenSkipFormat format;
  private final String split;

  public FormatTokenSkipExamples(TokenSkipFormat format, String split) {
    this.format = format;
    this.split = split;
  }

  @Override
  public PCollection<KV<String, List<SftExample>>> expand(PCollection<List<CompressedRecord>> batches) {
    return batches
        .apply("ToSftExamples", ParDo.of(new FormatFn(format, split)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), BatchCoder.of(SftExample.class)));
  }

  /**
   * The TokenSkip rows of one record, one per ratio. Label columns (difficulty, pass rate, budget,
   * verified) are filled when the record was labelled ({@code cotkit build}).
   */
  public static List<SftExample> examples(CompressedRecord compressed, TokenSkipFormat format, String split) {
    CotToCompress input = compressed.input();
    TeacherRecord record = input.record();
    QuestionLabel label = input.label();
    List<SftExample> examples = new ArrayList<>(compressed.compressions().size());
    for (CompressedCot cot : compressed.compressions()) {
      String prompt = format.prompt(record.question(), cot.ratio());
      String completion = format.completion(cot.text(), input.answer());
      examples.add(new SftExample(
          record.id() + ":" + MODE + ":" + TokenSkipFormat.ratioLabel(cot.ratio()),
          record.id(),
          split,
          MODE,
          prompt,
          completion,
          SftExample.chat(prompt, completion),
          cot.ratio(),
          cot.achievedRatio(),
          label == null || label.difficulty() == null ? null : label.difficulty().label(),
          label == null ? null : label.difficultySource(),
          label == null ? null : label.passRate(),
          label == null ? null : label.tokenBudget(),
          cot.totalTokens(),
          cot.keptTokens(),
          input.answer(),
          input.answerSource(),
          label == null ? null : label.verified(),
          record.source()));
    }
    return examples;
  }

  /** The rows of a batch, keyed by a hash of where its records were read: the name of its file. */
  static KV<String, List<SftExample>> examples(List<CompressedRecord> batch, TokenSkipFormat format, String split) {
    List<SftExample> rows = new ArrayList<>();
    List<String> origins = new ArrayList<>(batch.size());
    for (CompressedRecord compressed : batch) {
      rows.addAll(examples(compressed, format, split));
      origins.add(compressed.input().record().origin().location());
    }
    return KV.of(StableHash.of(origins), rows);
  }

  private static final class FormatFn extends DoFn<List<CompressedRecord>, KV<String, List<SftExample>>> {
    private final TokenSkipFormat format;
    private final String split;
    private final Counter rowsFormatted = Metrics.counter("cotkit", "rows_formatted");

    FormatFn(TokenSkipFormat format, String split) {
      this.format = format;
      this.split = split;
    }

    @ProcessElement
    public void process(@Element List<CompressedRecord> batch, OutputReceiver<KV<String, List<SftExample>>> out) {
      KV<String, List<SftExample>> rows = examples(batch, format, split);
      rowsFormatted.inc(rows.getValue().size());
      out.output(rows);
    }
  }
}
