package org.cotkit.pipelines.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cotkit.pipelines.record.QuestionFilterSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decontamination against GSM8K's test split and MATH-500, on the real questions: test questions
 * planted as they are and with their case, spacing and punctuation changed are all found, and
 * GSM8K's training questions almost never are.
 */
class BenchmarkIndexTest {

  static final Path GSM8K_TEST = Path.of("..", "testdata", "gsm8k", "test.jsonl");
  static final Path GSM8K_TRAIN = Path.of("..", "testdata", "gsm8k", "train.jsonl");
  static final Path MATH500 = Path.of("..", "testdata", "math500", "test.jsonl");
  static final QuestionFilterSettings SETTINGS =
      new QuestionFilterSettings(QuestionFilterSettings.Dedup.EXACT, 0.8, List.of(), "", 8);

  static BenchmarkIndex index;
  static List<BenchmarkQuestions.Question> test;

  @BeforeAll
  static void index() {
    BenchmarkQuestions.Benchmark gsm8k = BenchmarkQuestions.read(GSM8K_TEST.toString(), SETTINGS);
    BenchmarkQuestions.Benchmark math = BenchmarkQuestions.read(MATH500.toString(), SETTINGS);
    test = gsm8k.questions();
    index = new BenchmarkIndex(List.of(gsm8k, math), 8, 0.8);
  }

  @Test
  void readsEachBenchmarksQuestionsAndIds() {
    assertEquals(1319, index.questions(0));
    assertEquals(500, index.questions(1));
    // GSM8K has no ids: a question is named by its line; MATH-500's unique_id is read
    assertEquals("line 1", test.get(0).id());
    assertTrue(index.find(QuestionWords.of(
        "Convert the point $(0,3)$ in rectangular coordinates to polar coordinates.  Enter your answer in the form "
            + "$(r,\\theta),$ where $r > 0$ and $0 \\le \\theta < 2 \\pi.$")).orElseThrow().questionId()
        .equals("test/precalculus/807.json"));
  }

  @Test
  void fiftyPlantedTestQuestionsAreAllFoundHalfOfThemChanged() {
    int found = 0;
    for (int i = 0; i < 50; i++) {
      String question = test.get(i * 26).text();
      String planted = i % 2 == 0 ? question : changed(question);
      Optional<BenchmarkIndex.Contamination> hit = index.find(QuestionWords.of(planted));
      if (hit.isPresent() && hit.get().benchmark() == 0) {
        found++;
      }
    }
    assertEquals(50, found);
  }

  @Test
  void aTestQuestionInsideALongerOneIsFoundByItsNgram() {
    String inside = "Answer this as a warm-up. " + test.get(3).text() + " Then explain your steps.";
    BenchmarkIndex.Contamination hit = index.find(QuestionWords.of(inside)).orElseThrow();
    assertEquals("line 4", hit.questionId());
    assertEquals(8, hit.ngram().split(" ").length);
    assertTrue(QuestionWords.key(inside).contains(hit.ngram()));
  }

  @Test
  void aShortBenchmarkQuestionCountsWhole() {
    // MATH-500 has questions of fewer than 8 words: such a question is one n-gram of all its words
    BenchmarkIndex small = new BenchmarkIndex(List.of(new BenchmarkQuestions.Benchmark("short.jsonl",
        List.of(new BenchmarkQuestions.Question("q1", "Compute $\\dbinom{8}{4}$."),
            new BenchmarkQuestions.Question("q2", "Simplify")))), 8, 0.8);
    assertEquals("q1", small.find(QuestionWords.of("First, compute $\\dbinom{8}{4}$. Then add 3.")).orElseThrow()
        .questionId());
    // a question shorter than half the n-gram would match too much: only a near copy finds it
    assertFalse(small.find(QuestionWords.of("Simplify the fraction 6/8 and add 2.")).isPresent());
  }

  @Test
  void aNearCopyIsFoundWithoutASharedNgram() {
    // n-grams of 30 words, and a question of at least 40 with its middle word changed: every 30
    // words in a row hold the change, but the 3-word shingles are still 80% the same
    BenchmarkQuestions.Question question = test.stream()
        .filter(q -> QuestionWords.of(q.text()).size() >= 40 && QuestionWords.of(q.text()).size() <= 50)
        .findFirst().orElseThrow();
    List<String> words = new ArrayList<>(QuestionWords.of(question.text()));
    words.set(words.size() / 2, "zebra");
    BenchmarkIndex index = new BenchmarkIndex(List.of(new BenchmarkQuestions.Benchmark("t", test)), 30, 0.8);
    BenchmarkIndex.Contamination hit = index.find(words).orElseThrow();
    assertEquals(question.id(), hit.questionId());
    assertTrue(hit.ngram() == null && hit.jaccard() >= 0.8 && hit.jaccard() < 1, String.valueOf(hit));
  }

  @Test
  void fewTrainingQuestionsAreFlaggedAndFewerWithLongerNgrams() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<List<String>> train = new ArrayList<>();
    for (String line : Files.readAllLines(GSM8K_TRAIN)) {
      train.add(QuestionWords.of(json.readTree(line).path("question").asText()));
    }
    BenchmarkQuestions.Benchmark gsm8k = new BenchmarkQuestions.Benchmark("gsm8k", test);
    // GSM8K's two splits share stock phrases of 8 words ("how much money will she have left over");
    // BENCHMARKS.md lists what each length flags
    List<String> at8 = flagged(index, train);
    List<String> at13 = flagged(new BenchmarkIndex(List.of(gsm8k), 13, 0.8), train);
    assertTrue(at8.size() < train.size() / 50, at8.size() + " flagged: " + at8);
    assertTrue(at13.size() < at8.size() / 5, at13.size() + " flagged: " + at13);
  }

  static List<String> flagged(BenchmarkIndex index, List<List<String>> questions) {
    List<String> flagged = new ArrayList<>();
    for (List<String> words : questions) {
      index.find(words).ifPresent(hit -> flagged.add(hit.ngram() + " | " + hit.jaccard()));
    }
    return flagged;
  }

  /** The question with its case, spacing and punctuation changed, as a copy edited by hand would be. */
  static String changed(String question) {
    return question.toUpperCase(Locale.ROOT).replace(" ", "  ").replace(",", " ,").replace(".", "!").replace("?", " ?");
  }
}
