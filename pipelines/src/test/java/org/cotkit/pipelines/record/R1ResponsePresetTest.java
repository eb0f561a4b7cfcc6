package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.cotkit.labelers.FinalAnswerExtractor;
import org.cotkit.pipelines.io.RawRecord;
import org.junit.jupiter.api.Test;

/** {@code --preset r1-response} on a generation script's {@code question}, {@code answer}, {@code response}. */
class R1ResponsePresetTest {

  private static final String FIXTURE = "r1-response.jsonl";

  @Test
  void theResponseIsTheLongCotAndTheGivenAnswerIsReducedToTheAnswerItStates() throws Exception {
    List<JsonNode> rows = PresetFixture.rows(FIXTURE);
    List<TeacherRecord> records = PresetFixture.read(FIXTURE, InputPreset.R1_RESPONSE, "");
    assertEquals(3, records.size());

    TeacherRecord gsm8k = records.get(0);
    assertEquals(rows.get(0).get("question").textValue(), gsm8k.question());
    assertEquals(rows.get(0).get("response").textValue(), gsm8k.longCot());
    assertEquals("26", gsm8k.answer());
    assertNull(gsm8k.shortCot());
    assertEquals("12", records.get(1).answer());
    assertNull(records.get(2).answer());
  }

  @Test
  void onlyTheThinkingIsCompressedAndAMissingAnswerIsReadFromTheResponse() throws Exception {
    List<TeacherRecord> records = PresetFixture.read(FIXTURE, InputPreset.R1_RESPONSE, "");

    // the R1-distill shape: no opening <think>, a lone </think>
    ChosenCot loneClose = ChosenCot.choose(records.get(0), CotPreference.LONG);
    assertEquals("First, I find the total: 3 boxes times 12 pencils is 36 pencils. Then he gives away 10, so 36 minus "
        + "10 is 26.", loneClose.cot());
    assertEquals("26", loneClose.answer());
    assertEquals(ChosenCot.GOLD, loneClose.answerSource());

    assertEquals("Okay, 10% of 80 is 8 and 5% is 4, so 15% is 12.",
        ChosenCot.choose(records.get(1), CotPreference.LONG).cot());

    ChosenCot noGold = ChosenCot.choose(records.get(2), CotPreference.LONG);
    assertEquals("23", noGold.answer());
    assertEquals(FinalAnswerExtractor.FINAL_ANSWER_PHRASE, noGold.answerSource());
  }

  @Test
  void aUserMapEntryOverridesThePresetsOwn() {
    TeacherRecordParser parser = new TeacherRecordParser(FieldMapping.parse("long_cot=output"),
        InputPreset.R1_RESPONSE, 1 << 20, false);
    // many scripts name the field output
    TeacherRecord record = assertDoesNotThrow(() -> parser.parse(RawRecord.of("out.jsonl", 1,
        "{\"question\": \"Q\", \"answer\": 7, \"output\": \"<think>3+4</think> It is 7.\", \"response\": \"x\"}")));
    assertEquals("<think>3+4</think> It is 7.", record.longCot());
    assertEquals("7", record.answer());
  }

  @Test
  void fieldsOfTheWrongTypeAreDeadLetteredNamingThem() {
    assertEquals("field 'response' must be a string, got number",
        PresetFixture.deadLetterReason(InputPreset.R1_RESPONSE, "", "{\"question\": \"Q\", \"response\": 26}"));
    String answer = PresetFixture.deadLetterReason(InputPreset.R1_RESPONSE, "",
        "{\"question\": \"Q\", \"answer\": {\"value\": 26}, \"response\": \"</think> 26\"}");
    assertTrue(answer.startsWith("field 'answer' must be a string or a number"), answer);
  }
}
