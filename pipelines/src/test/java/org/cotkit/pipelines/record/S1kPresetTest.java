package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --preset s1k} and {@code --preset s1k-1.1} on simplescaling/s1K's and s1K-1.1's layouts. */
class S1kPresetTest {

  @Test
  void s1kThinkingIsTheLongCotAndTheAttemptTheShortOne() throws Exception {
    List<JsonNode> rows = PresetFixture.rows("s1k.jsonl");
    List<TeacherRecord> records = PresetFixture.read("s1k.jsonl", InputPreset.S1K, "");
    assertEquals(3, records.size());

    TeacherRecord aime = records.get(0);
    assertEquals("How many positive divisors does $2^4 \\cdot 3^2$ have?", aime.question());
    assertEquals(rows.get(0).get("thinking_trajectories").get(0).textValue(), aime.longCot());
    assertEquals(rows.get(0).get("attempt").textValue(), aime.shortCot());
    assertEquals("qq8933/AIME_1983_2024", aime.source());
    assertEquals("math", aime.domain());
    assertEquals(List.of(), aime.samples());
  }

  @Test
  void theAnswerIsWhatTheReferenceSolutionStates() throws Exception {
    List<TeacherRecord> records = PresetFixture.read("s1k.jsonl", InputPreset.S1K, "");
    // a one-line solution is the answer itself; a worked one states it in \boxed{}; a proof states none
    assertEquals("15", records.get(0).answer());
    assertEquals("5", records.get(1).answer());
    assertNull(records.get(2).answer());
    assertEquals("qfq/openaimath/Algebra", records.get(1).source());

    ChosenCot proof = ChosenCot.choose(records.get(2), CotPreference.SHORT);
    assertTrue(proof.cot().startsWith("Assume $\\sqrt{2} = p/q$"), proof.cot());
  }

  @Test
  void s1k11ReadsDeepSeekR1sThinkingAndAttempt() throws Exception {
    List<JsonNode> rows = PresetFixture.rows("s1k-1.1.jsonl");
    List<TeacherRecord> records = PresetFixture.read("s1k-1.1.jsonl", InputPreset.S1K_1_1, "");
    assertEquals(2, records.size());
    assertEquals(rows.get(0).get("deepseek_thinking_trajectory").textValue(), records.get(0).longCot());
    assertEquals(rows.get(0).get("deepseek_attempt").textValue(), records.get(0).shortCot());
    assertEquals("15", records.get(0).answer());
    assertEquals("5", records.get(1).answer());
    assertEquals("What is the sum of the roots of $x^2 - 5x + 6 = 0$?", records.get(1).question());
    assertEquals("qfq/openaimath/Algebra", records.get(1).source());
    assertEquals("math", records.get(1).domain());

    ChosenCot chosen = ChosenCot.choose(records.get(0), CotPreference.LONG);
    assertTrue(chosen.cot().startsWith("Okay, so I need to count the positive divisors"), chosen.cot());
    assertEquals("15", chosen.answer());
  }

  @Test
  void userMapEntriesOverrideThePresetsOwn() throws Exception {
    List<JsonNode> rows = PresetFixture.rows("s1k-1.1.jsonl");
    List<TeacherRecord> gemini = PresetFixture.read("s1k-1.1.jsonl", InputPreset.S1K_1_1,
        "long_cot=gemini_thinking_trajectory,short_cot=gemini_attempt");
    assertEquals(rows.get(1).get("gemini_thinking_trajectory").textValue(), gemini.get(1).longCot());
    assertEquals(rows.get(1).get("gemini_attempt").textValue(), gemini.get(1).shortCot());
    assertEquals("5", gemini.get(1).answer());

    List<JsonNode> s1k = PresetFixture.rows("s1k.jsonl");
    List<TeacherRecord> reference = PresetFixture.read("s1k.jsonl", InputPreset.S1K, "short_cot=solution");
    assertEquals(s1k.get(1).get("solution").textValue(), reference.get(1).shortCot());
    assertEquals("5", reference.get(1).answer());
  }

  @Test
  void theOtherVersionsLayoutIsDeadLetteredNamingTheFieldsItLacks() throws Exception {
    String s11AsS1k = PresetFixture.rows("s1k-1.1.jsonl").get(0).toString();
    String reason = PresetFixture.deadLetterReason(InputPreset.S1K, "", s11AsS1k);
    assertEquals("no chain of thought: neither 'thinking_trajectories[0]' nor 'attempt' is a non-empty string", reason);

    String notText = PresetFixture.deadLetterReason(InputPreset.S1K, "",
        "{\"question\": \"Q\", \"thinking_trajectories\": [[\"nested\"]], \"attempt\": \"A\"}");
    assertEquals("field 'thinking_trajectories[0]' must be a string, got array", notText);

    String solutionList = PresetFixture.deadLetterReason(InputPreset.S1K_1_1, "",
        "{\"question\": \"Q\", \"solution\": [\"1\", \"2\"], \"deepseek_thinking_trajectory\": \"T\"}");
    assertEquals("field 'solution' must be a string or a number, got array", solutionList);
  }
}
