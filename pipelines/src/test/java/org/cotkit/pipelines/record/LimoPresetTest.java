package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --preset limo} on GAIR/LIMO's {@code limo.jsonl}. */
class LimoPresetTest {

  private static final String FIXTURE = "limo.jsonl";

  @Test
  void theSolutionIsTheLongCotAndTheAnswerTheGoldOne() throws Exception {
    List<JsonNode> rows = PresetFixture.rows(FIXTURE);
    List<TeacherRecord> records = PresetFixture.read(FIXTURE, InputPreset.LIMO, "");
    assertEquals(2, records.size());

    TeacherRecord first = records.get(0);
    assertEquals("Find the number of ordered pairs of positive integers $(a, b)$ with $a + b = 10$.", first.question());
    assertEquals(rows.get(0).get("solution").textValue(), first.longCot());
    assertEquals("9", first.answer());
    assertNull(first.shortCot());
    assertEquals("17", records.get(1).answer());

    ChosenCot chosen = ChosenCot.choose(records.get(1), CotPreference.LONG);
    assertEquals(rows.get(1).get("solution").textValue(), chosen.cot());
    assertEquals("17", chosen.answer());
    assertEquals(ChosenCot.GOLD, chosen.answerSource());
  }

  @Test
  void aUserMapEntryOverridesThePresetsOwn() throws Exception {
    // LIMO's solution as the short CoT: the preset's long_cot entry pointed back at the canonical name
    List<JsonNode> rows = PresetFixture.rows(FIXTURE);
    List<TeacherRecord> records = PresetFixture.read(FIXTURE, InputPreset.LIMO, "long_cot=long_cot,short_cot=solution");
    assertNull(records.get(0).longCot());
    assertEquals(rows.get(0).get("solution").textValue(), records.get(0).shortCot());
  }

  @Test
  void aSolutionOfTheWrongTypeIsDeadLetteredNamingIt() {
    assertEquals("field 'solution' must be a string, got object", PresetFixture.deadLetterReason(InputPreset.LIMO, "",
        "{\"question\": \"Q\", \"solution\": {\"text\": \"S\"}, \"answer\": \"1\"}"));
  }
}
