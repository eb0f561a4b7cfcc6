package org.cotkit.pipelines.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.cotkit.labelers.AnswerVerifier.Verdict;
import org.cotkit.labelers.QuestionLabel;
import org.cotkit.labelers.QuestionLabeler;
import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.record.CotPreference;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.record.TeacherSample;
import org.cotkit.pipelines.shape.BatchOutput;
import org.cotkit.pipelines.shape.CorpusStatistics;

/**
 * Chooses each record's chain of thought ({@code --cot}) and labels its question: the chosen CoT's
 * answer against the gold one, the samples' pass rate, difficulty and token budget. Optionally
 * filters records whose chosen CoT is wrong ({@code filtered.incorrect}).
 *
 * <p>Counts every labelled record's verdict, difficulty, deciding policy, pass rate and budget under
 * {@code label.*}, so the manifest reports the distributions exactly, however the run is spread
 * over workers. Not thread-safe: one per worker.
 */
public final class BatchLabeler {

  /** The dead-letter stage of a record that cannot be labelled. */
  public static final String LABEL = "label";
  /** Count key of records filtered because their chosen chain of thought reaches a wrong answer. */
  public static final String FILTERED_INCORRECT = "filtered.incorrect";

  private final CotPreference preference;
  private final boolean dropIncorrect;
  private final QuestionLabeler labeler;
  /** The budget factors by domain. */
  private final DifficultySettings scaling;
  private final Counter recordsLabelled = Metrics.counter("cotkit", "records_labelled");

  /**
   * @param statistics holds the corpus length threshold when the settings need one
   * @param dropIncorrect whether records whose chosen CoT is wrong are filtered
   */
  public BatchLabeler(CotPreference preference, DifficultySettings settings, CorpusStatistics statistics,
      boolean dropIncorrect) {
    this.preference = preference;
    this.dropIncorrect = dropIncorrect;
    this.scaling = settings;
    int threshold = settings.needsCorpusLengthThreshold()
        ? statistics.get(LongCotLengths.NAME, Integer.class)
        : settings.lengthThreshold();
    this.labeler = new QuestionLabeler(settings.policy(threshold), settings.budgetCap(),
        settings.lengthUnit().counter()::count);
  }

  /** The labelled records of the batch that are kept, in input order. */
  public List<ChosenCot> label(List<TeacherRecord> batch, BatchOutput out) {
    List<ChosenCot> labelled = new ArrayList<>(batch.size());
    for (TeacherRecord record : batch) {
      ChosenCot cot;
      try {
        cot = label(record);
      } catch (RuntimeException e) {
        out.deadLetter(DeadLetter.of(record.origin(), LABEL, "cannot label: " + DeadLetter.oneLine(e)));
        continue;
      }
      recordsLabelled.inc();
      for (String key : countKeys(cot.label())) {
        out.count(key, 1);
      }
      if (dropIncorrect && cot.label().verdict() == Verdict.INCORRECT) {
        out.count(FILTERED_INCORRECT, 1);
      } else {
        labelled.add(cot);
      }
    }
    return labelled;
  }

  private ChosenCot label(TeacherRecord record) {
    ChosenCot chosen = ChosenCot.choose(record, preference);
    QuestionLabel label = labeler.label(new QuestionLabeler.Question(record.question(),
        record.answer(), chosen.chosenText(), record.longCot(), record.shortCot(), samples(record),
        record.passRate()));
    if (scaling.scalesBudgets()) {
      label = label.withBudgetScale(scaling.budgetScale(record.domain()));
    }
    return chosen.withLabel(label);
  }

  private static List<QuestionLabeler.Sample> samples(TeacherRecord record) {
    List<QuestionLabeler.Sample> samples = new ArrayList<>(record.samples().size());
    for (TeacherSample sample : record.samples()) {
      samples.add(new QuestionLabeler.Sample(sample.cot(), sample.correct()));
    }
    return samples;
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
}
