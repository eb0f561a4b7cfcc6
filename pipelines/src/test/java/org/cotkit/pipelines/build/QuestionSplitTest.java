package org.cotkit.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QuestionSplitTest {

  /** The repository's test data; surefire runs in the module directory. */
  private static final Path GSM8K_TRAIN = Path.of("..", "testdata", "gsm8k", "train.jsonl");

  private static List<String> questions;

  @BeforeAll
  static void readQuestions() throws IOException {
    assertTrue(Files.isRegularFile(GSM8K_TRAIN), "data file not found at " + GSM8K_TRAIN.toAbsolutePath());
    ObjectMapper json = new ObjectMapper();
    questions = new ArrayList<>();
    for (String line : Files.readAllLines(GSM8K_TRAIN, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        questions.add(json.readTree(line).get("question").asText());
      }
    }
    assertEquals(7473, questions.size());
  }

  @Test
  void splitIsTheSameForEveryInstanceAndCall() {
    QuestionSplit first = new QuestionSplit(0.3);
    QuestionSplit second = new QuestionSplit(0.3);
    for (String question : questions) {
      String split = first.of(question);
      assertEquals(split, second.of(question), question);
      assertEquals(split, first.of(question), question);
    }
  }

  @Test
  void splitsOfKnownQuestionsDoNotChangeBetweenVersions() {
    // a changed hash would move questions between train and validation of datasets built before
    QuestionSplit half = new QuestionSplit(0.5);
    StringBuilder splits = new StringBuilder();
    for (String question : questions.subList(0, 16)) {
      splits.append(half.of(question).charAt(0));
    }
    assertEquals("vtvvttvtttvttvtt", splits.toString());
  }

  @Test
  void whitespaceAndCaseDoNotChangeTheSplit() {
    String question = questions.get(0);
    List<String> variants = List.of(
        question.toUpperCase(Locale.ROOT),
        "  " + question + "\n",
        question.replace(" ", "  "),
        question.replace(" ", "\n"),
        question.replace(" ", "\t"),
        question.replace(" ", "\u00a0"), // no-break spaces, as some exports write them
        question.replace(" ", "\u2009 "));
    double position = QuestionSplit.position(question);
    for (String variant : variants) {
      assertEquals(position, QuestionSplit.position(variant), 0, variant);
    }
    // whichever side of the boundary the question falls on, its variants follow
    QuestionSplit justAbove = new QuestionSplit(Math.nextUp(position));
    QuestionSplit atPosition = new QuestionSplit(position);
    assertEquals(QuestionSplit.VALIDATION, justAbove.of(question));
    assertEquals(QuestionSplit.TRAIN, atPosition.of(question));
    for (String variant : variants) {
      assertEquals(QuestionSplit.VALIDATION, justAbove.of(variant), variant);
      assertEquals(QuestionSplit.TRAIN, atPosition.of(variant), variant);
    }
  }

  @Test
  void differentWordsAreDifferentQuestions() {
    assertTrue(QuestionSplit.position("What is 2+3?") != QuestionSplit.position("What is 2+4?"));
  }

  @Test
  void fractionZeroPutsEveryQuestionInTrain() {
    QuestionSplit none = new QuestionSplit(0);
    for (String question : questions) {
      assertEquals(QuestionSplit.TRAIN, none.of(question), question);
    }
  }

  @Test
  void validationShareIsCloseToTheFraction() {
    QuestionSplit split = new QuestionSplit(0.05);
    long validation = questions.stream().filter(q -> split.of(q).equals(QuestionSplit.VALIDATION)).count();
    double share = validation / (double) questions.size();
    assertTrue(share >= 0.04 && share <= 0.06, validation + " of " + questions.size() + " in validation");
  }

  @Test
  void largerFractionsOnlyMoveQuestionsIntoValidation() {
    QuestionSplit small = new QuestionSplit(0.05);
    QuestionSplit large = new QuestionSplit(0.2);
    for (String question : questions) {
      if (small.of(question).equals(QuestionSplit.VALIDATION)) {
        assertEquals(QuestionSplit.VALIDATION, large.of(question), question);
      }
    }
  }

  @Test
  void fractionsOutsideZeroToOneAreRejectedNamingTheOption() {
    for (double bad : new double[] {-0.1, 1.0, 1.5, Double.NaN}) {
      String message = assertThrows(IllegalArgumentException.class, () -> new QuestionSplit(bad)).getMessage();
      assertTrue(message.contains("--validation-fraction"), message);
    }
  }
}
