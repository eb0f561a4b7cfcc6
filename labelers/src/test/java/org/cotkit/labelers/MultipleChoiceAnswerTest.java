package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultipleChoiceAnswerTest {

  @ParameterizedTest(name = "gold {0}")
  @CsvSource(delimiter = '|', value = {
    "C | C",
    "(C) | C",
    "C) | C",
    "C. | C",
    "C: | C",
    "[C] | C",
    "(c) | C",
    "c) | C",
    "' C ' | C",
    "\\text{(C)} | C",
    "$\\textbf{(C)}$ | C",
    "\\boxed{C} | C",
    "J | J",
  })
  void goldLetters(String gold, char letter) {
    assertEquals(Optional.of(new MultipleChoiceAnswer(letter, null)), MultipleChoiceAnswer.ofGold(gold));
  }

  @ParameterizedTest(name = "gold {0}")
  @CsvSource(delimiter = '|', value = {
    "(C) 42 | C | 42",
    "(C): 42 | C | 42",
    "C) 42 | C | 42",
    "C: 42 | C | 42",
    "C. 42 | C | 42",
    "(B) Circle | B | Circle",
    "'(D) \\frac{1}{2}' | D | \\frac{1}{2}",
  })
  void goldLettersWithTheirOptionText(String gold, char letter, String text) {
    assertEquals(Optional.of(new MultipleChoiceAnswer(letter, text)), MultipleChoiceAnswer.ofGold(gold));
  }

  /** Math and free-text golds that merely start with or are a letter are not choices. */
  @ParameterizedTest(name = "gold {0}")
  @ValueSource(strings = {
    "c", "c.", "x", "K", "CO2", "C_2H_6", "A+B", "Cl", "C.5", "(1) 42", "18", "\\frac{1}{2}",
    "(a) 3, (b) 5", "(A) 3 and (B) 5", "AB", "(A, B)", "A train", "",
  })
  void notGoldLetters(String gold) {
    assertEquals(Optional.empty(), MultipleChoiceAnswer.ofGold(gold));
  }

  @ParameterizedTest(name = "stated {0}")
  @CsvSource(delimiter = '|', value = {
    "B | B",
    "b | B",
    "(B) | B",
    "(b) | B",
    "B) | B",
    "[B] | B",
    "B. | B",
    "'B, since the others fail' | B",
    "(B) because the others fail | B",
    "(B) 42 | B",
    "B) 42 | B",
    "\\text{B} | B",
    "\\text{(B)} | B",
    "\\textbf{(B)} | B",
    "\\boxed{(B)} | B",
    "$\\boxed{\\text{B}}$ | B",
    "**B** | B",
    "**(B) 42** | B",
    "option B | B",
    "Option (B) | B",
    "choice: C | C",
    "option b since it is the only one | B",
  })
  void statedLetters(String value, char letter) {
    assertEquals(Optional.of(new MultipleChoiceAnswer(letter, null)), MultipleChoiceAnswer.ofStated(value));
  }

  /** Prose that starts with a letter names no option. */
  @ParameterizedTest(name = "stated {0}")
  @ValueSource(strings = {
    "A train leaves at 3 pm", "I think so", "a multiple of 3", "B because the others fail", "Bob", "AB",
    "A=3", "42", "options A and B", "optionally 5", "$A$ and $B$", "", "K",
  })
  void notStatedLetters(String value) {
    assertEquals(Optional.empty(), MultipleChoiceAnswer.ofStated(value));
  }
}
