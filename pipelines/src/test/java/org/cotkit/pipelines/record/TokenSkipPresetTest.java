package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --preset tokenskip} on hemingkx/TokenSkip's {@code predictions.jsonl}. */
class TokenSkipPresetTest {

  private static final String FIXTURE = "tokenskip.jsonl";

  @Test
  void thePredictionFileBecomesCanonicalFields() throws Exception {
    List<JsonNode> rows = PresetFixture.rows(FIXTURE);
    List<TeacherRecord> records = PresetFixture.read(FIXTURE, InputPreset.TOKENSKIP, "");
    assertEquals(2, records.size());

    TeacherRecord first = records.get(0);
    assertEquals("gsm8k-train-train-0-0", first.id());
    assertEquals("A baker makes 24 muffins and sells them in boxes of 4. How many boxes does he fill?", first.question());
    assertEquals("6", first.answer());
    assertEquals(rows.get(0).get("model_output").textValue(), first.longCot());
    assertEquals("He fills 24/4=6 boxes.\nSo the answer is $\\boxed{6}$.", first.shortCot());
    assertEquals("gsm8k-train", first.source());
    assertEquals(List.of(), first.samples());
    assertEquals("105", records.get(1).answer());

    ChosenCot chosen = ChosenCot.choose(records.get(1), CotPreference.LONG);
    assertEquals(rows.get(1).get("model_output").textValue(), chosen.cot());
    assertEquals("105", chosen.answer());
  }

  @Test
  void aUserMapEntryOverridesThePresetsOwn() throws Exception {
    // the question as the model saw it, chat template and all
    List<TeacherRecord> records = PresetFixture.read(FIXTURE, InputPreset.TOKENSKIP, "question=prompt");
    assertTrue(records.get(0).question().startsWith("<|im_start|>system\nYou are a helpful assistant."),
        records.get(0).question());
    assertEquals("6", records.get(0).answer());
  }

  @Test
  void aRecordWithoutAUserTurnOrWithAnOutputOfTheWrongTypeIsDeadLetteredNamingThePath() {
    assertEquals("missing required field 'messages[role=user].content'",
        PresetFixture.deadLetterReason(InputPreset.TOKENSKIP, "",
            "{\"messages\": [{\"role\": \"human\", \"content\": \"Q\"}], \"model_output\": \"A\", \"answer\": \"1\"}"));
    assertEquals("field 'model_output' must be a string, got array",
        PresetFixture.deadLetterReason(InputPreset.TOKENSKIP, "",
            "{\"messages\": [{\"role\": \"user\", \"content\": \"Q\"}], \"model_output\": [\"A\"], \"answer\": \"1\"}"));
  }
}
