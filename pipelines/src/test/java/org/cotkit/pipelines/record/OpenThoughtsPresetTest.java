package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --preset openthoughts} on OpenThoughts-114k's and Bespoke-Stratos-17k's default layout. */
class OpenThoughtsPresetTest {

  private static final String FIXTURE = "openthoughts.jsonl";

  @Test
  void theUserTurnIsTheQuestionAndTheAssistantTurnTheLongCot() throws Exception {
    List<JsonNode> rows = PresetFixture.rows(FIXTURE);
    List<TeacherRecord> records = PresetFixture.read(FIXTURE, InputPreset.OPENTHOUGHTS, "");
    assertEquals(3, records.size());

    TeacherRecord first = records.get(0);
    assertEquals("Return your final response within \\boxed{}. What is the remainder when $7^{2}$ is divided by $5$?",
        first.question());
    assertEquals(rows.get(0).get("conversations").get(1).get("value").textValue(), first.longCot());
    assertNull(first.answer());
    assertNull(first.shortCot());
    assertEquals(List.of(), first.samples());
    assertNull(first.source());
    assertNull(first.domain());
    assertEquals(TeacherRecordParser.questionHash(first.question()), first.id());
  }

  @Test
  void theThoughtIsCompressedAndTheAnswerReadFromTheSolution() throws Exception {
    List<TeacherRecord> records = PresetFixture.read(FIXTURE, InputPreset.OPENTHOUGHTS, "");

    ChosenCot remainder = ChosenCot.choose(records.get(0), CotPreference.LONG);
    assertTrue(remainder.cot().startsWith("Okay, let's see. $7^2 = 49$"), remainder.cot());
    assertTrue(remainder.cot().endsWith("Yes, 4."), remainder.cot());
    assertFalse(remainder.cot().contains("<|"), remainder.cot());
    assertEquals("4", remainder.answer());
    assertEquals("boxed", remainder.answerSource());

    ChosenCot code = ChosenCot.choose(records.get(1), CotPreference.LONG);
    assertTrue(code.cot().startsWith("Okay, I need to read one line"), code.cot());
    assertNull(code.answer());

    assertEquals("80", ChosenCot.choose(records.get(2), CotPreference.LONG).answer());
  }

  @Test
  void aUserMapEntryOverridesThePresetsOwn() throws Exception {
    // the layout's only other field, to show the entry moves while the preset's others stay
    List<TeacherRecord> records = PresetFixture.read(FIXTURE, InputPreset.OPENTHOUGHTS, "question=system");
    assertTrue(records.get(0).question().startsWith("Your role as an assistant involves"), records.get(0).question());
    assertTrue(records.get(0).longCot().startsWith("<|begin_of_thought|>"), records.get(0).longCot());
  }

  @Test
  void turnsOfOtherRolesOrTypesAreDeadLetteredNamingTheirPaths() {
    String humanGpt = PresetFixture.deadLetterReason(InputPreset.OPENTHOUGHTS, "",
        "{\"conversations\": [{\"from\": \"human\", \"value\": \"Q\"}, {\"from\": \"gpt\", \"value\": \"A\"}]}");
    assertEquals("missing required field 'conversations[from=user].value'", humanGpt);

    String notText = PresetFixture.deadLetterReason(InputPreset.OPENTHOUGHTS, "",
        "{\"conversations\": [{\"from\": \"user\", \"value\": \"Q\"}, {\"from\": \"assistant\", \"value\": 4}]}");
    assertEquals("field 'conversations[from=assistant].value' must be a string, got number", notText);
  }
}
