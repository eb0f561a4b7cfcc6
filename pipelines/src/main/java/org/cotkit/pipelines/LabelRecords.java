package org.cotkit.pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.cotkit.compressors.WordSegmenter;
import org.cotkit.labelers.AnswerVerifier.Verdict;
import org.cotkit.labelers.QuestionLabel;
import org.cotkit.labelers.QuestionLabeler;

/**
 * Chooses each record's chain of thought ({@code --cot}) and labels its question: the chosen CoT's
 * answer against the gold one, the samples' pass rate, difficulty and token budget. Optionally
 * filters records whose chosen CoT is wrong ({@code filtered.incorrect}). When the length policy's
 * threshold is a percentile of the corpus, it is computed first, in a pass over every record.
 *
 * <p>Besides the labelled batches it outputs partial counts for the manifest: every labelled
 * record's verdict, difficulty, deciding policy, pass rate and budget under {@code label.*}, so the
 * run reports the distributions exactly, however it is spread over workers.
 */
public final class LabelRecords extends PTransform<PCollection<List<TeacherRecord>>, PCollectionTuple> {

  public static final TupleTag<List<CotToCompress>> LABELLED = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  /** Count key of records filtered because their chosen chain of thought reaches a wrong answer. */
  public static final String FILTERED_INCORRECT = "filtered.incorrect";

  private final CotPreference preference;
  private final DifficultySettings settings;
  private final boolean dropIncorrect;

  /** @param dropIncorrect whether records whose chosen CoT is wrong are filtered */
  public LabelRecords(CotPreference preference, DifficultySettings settings, boolean dropIncorrect) {
    this.preference = preference;
    this.settings = settings;
    this.dropIncorrect = dropIncorrect;
  }

  @Override
  public PCollectionTuple expand(PCollection<List<TeacherRecord>> batches) {
    // a percentile length threshold needs the whole corpus first, read back as a side input
    PCollectionView<Integer> corpusLengthThreshold = settings.needsCorpusLengthThreshold()
        ? batches.apply("LongCotLengthThreshold", new LongCotLengthThreshold(settings.lengthPercentile()))
        : null;
    LabelFn fn = new LabelFn(preference, settings, corpusLengthThreshold, dropIncorrect);
    ParDo.MultiOutput<List<TeacherRecord>, List<CotToCompress>> label =
        ParDo.of(fn).withOutputTags(LABELLED, TupleTagList.of(COUNTS).and(DEAD_LETTERS));
    if (corpusLengthThreshold != null) {
      label = label.withSideInputs(corpusLengthThreshold);
    }
    PCollectionTuple labelled = batches.apply("Label", label);
    labelled.get(LABELLED).setCoder(BatchCoder.of(CotToCompress.class));
    labelled.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return labelled;
  }

  /** The manifest count keys one label adds to. */
  static List<String> countKeys(QuestionLabel label) {
    List<String> keys = new ArrayList<>(6);
    keys.add("label.verified." + label.verdict().name().toLowerCase(Locale.ROOT));
    keys.add("label.answer_source." + (label.answerSource() == null ? "none" : label.answerSource()));
    keys.add("label.difficulty." + (label.difficulty() == null ? "undecided" : label.difficulty().label()));
    keys.add("label.decided_by." + (label.difficultySource() == null ? "none" : label.difficultySource()));
    keys.add("label.pass_rate." + (label.passRate() == null ? "none" : String.format(Locale.ROOT, "%.2f", label.passRate())));
    keys.add("label.token_budget." + (label.tokenBudget() == null ? "none" : label.tokenBudget()));
    return keys;
  }

  private static final class LabelFn extends DoFn<List<TeacherRecord>, List<CotToCompress>> {
    private final CotPreference preference;
    private final DifficultySettings settings;
    private final PCollectionView<Integer> corpusLengthThreshold;
    private final boolean dropIncorrect;
    private final Counter recordsLabelled = Metrics.counter("cotkit", "records_labelled");
    private final Counter deadLettered = Metrics.counter("cotkit", "dead_lettered");
    private transient QuestionLabeler labeler;

    LabelFn(CotPreference preference, DifficultySettings settings, PCollectionView<Integer> corpusLengthThreshold,
        boolean dropIncorrect) {
      this.preference = preference;
      this.settings = settings;
      this.corpusLengthThreshold = corpusLengthThreshold;
      this.dropIncorrect = dropIncorrect;
    }

    @ProcessElement
    public void process(@Element List<TeacherRecord> batch, ProcessContext context, MultiOutputReceiver out) {
      if (labeler == null) {
        // the threshold is the same for the whole run; the side input is only read once per worker
        int threshold = corpusLengthThreshold == null ? settings.lengthThreshold() : context.sideInput(corpusLengthThreshold);
        WordSegmenter segmenter = new WordSegmenter();
        labeler = new QuestionLabeler(settings.policy(threshold), settings.budgetCap(), text -> segmenter.segment(text).size());
      }
      List<CotToCompress> labelled = new ArrayList<>(batch.size());
      Map<String, Long> counts = new TreeMap<>();
      for (TeacherRecord record : batch) {
        CotToCompress cot;
        try {
          cot = label(record);
        } catch (RuntimeException e) {
          deadLettered.inc();
          out.get(DEAD_LETTERS).output(DeadLetter.of(record.origin(), "label", "cannot label: " + DeadLetter.oneLine(e)));
          continue;
        }
        recordsLabelled.inc();
        for (String key : countKeys(cot.label())) {
          counts.merge(key, 1L, Long::sum);
        }
        if (dropIncorrect && cot.label().verdict() == Verdict.INCORRECT) {
          counts.merge(FILTERED_INCORRECT, 1L, Long::sum);
        } else {
          labelled.add(cot);
        }
      }
      counts.forEach((key, n) -> out.get(COUNTS).output(KV.of(key, n)));
      if (!labelled.isEmpty()) {
        out.get(LABELLED).output(labelled);
      }
    }

    private CotToCompress label(TeacherRecord record) {
      CotToCompress chosen = SelectCot.choose(record, preference);
      List<QuestionLabeler.Sample> samples = new ArrayList<>(record.samples().size());
      for (TeacherSample sample : record.samples()) {
        samples.add(new QuestionLabeler.Sample(sample.cot(), sample.correct()));
      }
      String chosenText = chosen.fromLongCot() ? record.longCot() : record.shortCot();
      QuestionLabel label = labeler.label(new QuestionLabeler.Question(
          record.answer(), chosenText, record.longCot(), record.shortCot(), samples));
      return chosen.withLabel(label);
    }
  }
}
