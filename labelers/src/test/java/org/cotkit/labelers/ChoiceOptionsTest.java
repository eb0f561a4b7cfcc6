package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChoiceOptionsTest {

  @Test
  void optionsOnTheirOwnLines() {
    assertEquals(Map.of('A', "Line", 'B', "Circle", 'C', "Plane", 'D', "Sphere"), ChoiceOptions.listedIn(
        "For a constant $c,$ find the shape described by \\[z = c.\\](A) Line\n(B) Circle\n(C) Plane\n(D) Sphere\n\n"
            + "Enter the letter of the correct option."));
    assertEquals(Map.of('A', "12", 'B', "15", 'C', "18"),
        ChoiceOptions.listedIn("How many eggs are left?\nA. 12\nB) 15\nC. 18"));
  }

  /** MATH's AMC style: bold labels on one line, separated by spacing commands. */
  @Test
  void optionsInOneLineOfMath() {
    assertEquals(
        Map.of('A', "3(1 + r)^x = 7", 'B', "3(1 + r/10)^x = 7", 'C', "3(1 + 2r)^x = 7"),
        ChoiceOptions.listedIn("Which equation has the largest solution $x$?\n\n$\\textbf{(A)}\\ 3(1 + r)^x = 7\\qquad "
            + "\\textbf{(B)}\\ 3(1 + r/10)^x = 7\\qquad \\textbf{(C)}\\ 3(1 + 2r)^x = 7$"));
  }

  @Test
  void aStrayLabelListsNothing() {
    assertEquals(Map.of(), ChoiceOptions.listedIn("Is statement (B) of the lemma true? Answer yes or no."));
    assertEquals(Map.of(), ChoiceOptions.listedIn("Let f(A) = 3 and f(B) = 4. What is f(A) + f(B)?"));
    assertEquals(Map.of(), ChoiceOptions.listedIn(null));
    // a run must start at A
    assertEquals(Map.of(), ChoiceOptions.listedIn("Compare (B) 3 and (C) 4."));
  }
}
