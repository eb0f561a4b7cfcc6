package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --preset openr1} on open-r1/OpenR1-Math-220k's layout. */
class OpenR1PresetTest {

  private static final String FIXTURE = "openr1.jsonl";

  private static List<Boolean> verdicts(TeacherRecord record) {
    List<Boolean> verdicts = new ArrayList<>();
    record.samples().forEach(sample -> verdicts.add(sample.correct()));
    return verdicts;
  }

  private static String generation(JsonNode row, int i) {
    return row.get("generations").get(i).textValue();
  }

  @Test
  void eachProblemBecomesCanonicalFieldsWithItsGenerationsAsGradedSamples() throws Exception {
    List<JsonNode> rows = PresetFixture.rows(FIXTURE);
    List<TeacherRecord> records = PresetFixture.read(FIXTURE, InputPreset.OPENR1, "");
    assertEquals(3, records.size());

    TeacherRecord first = records.get(0);
    assertEquals("Find the smallest positive integer $n$ such that $n^2+n$ is divisible by $12$.", first.question());
    assertEquals("3", first.answer());
    assertEquals("5f1c2a9e-3b7d-5e41-9a0c-8d2f4b6e1a70", first.id());
    assertEquals("olympiads", first.source());
    assertEquals("Number Theory", first.domain());
    assertEquals(rows.get(0).get("solution").textValue(), first.shortCot());
    assertEquals(List.of(false, true), verdicts(first));
    assertEquals(generation(rows.get(0), 0), first.samples().get(0).cot());
    assertEquals(generation(rows.get(0), 1), first.samples().get(1).cot());
    assertNull(first.passRate());

    assertEquals(List.of(true, true), verdicts(records.get(1)));
    assertEquals("cn_contest", records.get(1).source());
    assertEquals("Algebra", records.get(1).domain());
    assertEquals("\\frac{5}{6}", records.get(1).answer());
  }

  @Test
  void theLongCotIsTheFirstGenerationMathVerifyAccepted() throws Exception {
    List<JsonNode> rows = PresetFixture.rows(FIXTURE);
    List<TeacherRecord> records = PresetFixture.read(FIXTURE, InputPreset.OPENR1, "");

    // the first generation boxes 4, the second (verified) 3
    assertEquals(generation(rows.get(0), 1), records.get(0).longCot());
    ChosenCot chosen = ChosenCot.choose(records.get(0), CotPreference.LONG);
    assertTrue(chosen.cot().startsWith("We need $12 \\mid n(n+1)$. For $n=1$: $2$."), chosen.cot());
    assertTrue(chosen.cot().endsWith("So the answer is 3."), chosen.cot());
    assertEquals("3", chosen.answer());
    assertEquals(ChosenCot.GOLD, chosen.answerSource());

    // both verified: the first
    assertEquals(generation(rows.get(1), 0), records.get(1).longCot());
    // none verified by Math-Verify (the Llama judge accepted them): the first stays
    assertEquals(List.of(false, false), verdicts(records.get(2)));
    assertEquals(generation(rows.get(2), 0), records.get(2).longCot());
  }

  @Test
  void aUserMapEntryOverridesThePresetsOwnAndKeepsTheRest() throws Exception {
    List<JsonNode> rows = PresetFixture.rows(FIXTURE);
    List<TeacherRecord> records =
        PresetFixture.read(FIXTURE, InputPreset.OPENR1, "long_cot=generations[-1],domain=question_type");

    assertEquals(generation(rows.get(1), 1), records.get(1).longCot());
    assertEquals(generation(rows.get(2), 1), records.get(2).longCot());
    assertEquals("math-word-problem", records.get(1).domain());
    assertEquals("MCQ", records.get(2).domain());
    assertEquals("Compute $\\frac{1}{2}+\\frac{1}{3}$.", records.get(1).question());
    assertEquals(List.of(false, false), verdicts(records.get(2)));
  }

  @Test
  void badGenerationsAreDeadLetteredNamingTheirPaths() {
    String notText = PresetFixture.deadLetterReason(InputPreset.OPENR1, "",
        "{\"problem\": \"P\", \"generations\": [7, \"<think>a</think> 1\"], \"correctness_math_verify\": [true, false]}");
    assertEquals("field 'generations[0]' must be a string, got number", notText);

    String notParallel = PresetFixture.deadLetterReason(InputPreset.OPENR1, "",
        "{\"problem\": \"P\", \"generations\": [\"a\", \"b\"], \"correctness_math_verify\": [true]}");
    assertTrue(notParallel.contains("'generations' holds 2 samples but 'correctness_math_verify' 1 verdicts"),
        notParallel);

    String notBoolean = PresetFixture.deadLetterReason(InputPreset.OPENR1, "",
        "{\"problem\": \"P\", \"generations\": [\"a\", \"b\"], \"correctness_math_verify\": [\"True\", false]}");
    assertEquals("'correctness_math_verify[0]' must be a boolean, got string", notBoolean);

    String noProblem = PresetFixture.deadLetterReason(InputPreset.OPENR1, "",
        "{\"question\": \"P\", \"generations\": [\"a\"], \"correctness_math_verify\": [true]}");
    assertEquals("missing required field 'problem'", noProblem);

    String noCot = PresetFixture.deadLetterReason(InputPreset.OPENR1, "", "{\"problem\": \"P\", \"generations\": []}");
    assertTrue(noCot.contains("'generations[0]'") && noCot.contains("'solution'"), noCot);
  }
}
