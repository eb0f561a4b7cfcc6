package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TokenBudgetTest {

  private static final List<Integer> LENGTHS = List.of(100, 200, 300, 400);

  @Test
  void budgetMixesMeanCorrectLengthAndLongestByPassRate() {
    // p = 0.5, mean correct = 150, L_max = 400: 0.5·150 + 0.5·400 = 275
    assertEquals(OptionalInt.of(275), TokenBudget.dast(LENGTHS, List.of(true, true, false, false), 0));
  }

  @Test
  void capLimitsTheLongestLength() {
    // L_max capped at 300: 0.5·150 + 0.5·300 = 225
    assertEquals(OptionalInt.of(225), TokenBudget.dast(LENGTHS, List.of(true, true, false, false), 300));
  }

  @Test
  void extremesGiveTheLongestOrTheMeanCorrect() {
    assertEquals(OptionalInt.of(400), TokenBudget.dast(LENGTHS, List.of(false, false, false, false), 0));
    assertEquals(OptionalInt.of(250), TokenBudget.dast(LENGTHS, List.of(true, true, true, true), 0));
  }

  @Test
  void noSamplesNoBudget() {
    assertEquals(OptionalInt.empty(), TokenBudget.dast(List.of(), List.of(), 0));
    assertThrows(IllegalArgumentException.class, () -> TokenBudget.dast(LENGTHS, List.of(true), 0));
  }
}
