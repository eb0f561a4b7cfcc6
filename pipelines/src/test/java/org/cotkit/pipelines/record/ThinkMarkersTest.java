package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.cotkit.pipelines.io.RawRecord;
import org.junit.jupiter.api.Test;

class ThinkMarkersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static TeacherRecordParser parser(String map, String markers) {
    return new TeacherRecordParser(FieldMapping.parse(map), InputPreset.NONE, 1 << 20, false, ThinkMarkers.parse(markers));
  }

  private static String line(Map<String, Object> record) throws Exception {
    return JSON.writeValueAsString(record);
  }

  private static TeacherRecord parse(String map, String markers, Map<String, Object> record) throws Exception {
    return parser(map, markers).parse(RawRecord.of("gen.jsonl", 3, line(record)));
  }

  @Test
  void aModelsOwnMarkersSplitTheThoughtFromTheResponse() throws Exception {
    TeacherRecord record = parse("long_cot=response", "<reasoning>,</reasoning>", Map.of(
        "question", "What is 6 times 7?",
        "response", "<reasoning>6 times 7: 6 * 7 = 42.</reasoning>\nThe answer is $\\boxed{42}$."));
    ChosenCot chosen = ChosenCot.choose(record, CotPreference.LONG);
    assertEquals("6 times 7: 6 * 7 = 42.", chosen.cot());
    assertEquals("42", chosen.answer());
  }

  @Test
  void withoutTheOptionAModelsOwnMarkersAreJustText() throws Exception {
    TeacherRecord record = parse("long_cot=response", null, Map.of(
        "question", "What is 6 times 7?",
        "response", "<reasoning>6 * 7 = 42.</reasoning>\nThe answer is 42."));
    assertTrue(ChosenCot.choose(record, CotPreference.LONG).cot().contains("<reasoning>"));
  }

  @Test
  void aThoughtOpenedAndNeverClosedIsADeadLetterNamingTheFieldAsTheDataSpellsIt() {
    InvalidRecordException think = assertThrows(InvalidRecordException.class, () -> parse("long_cot=response", null,
        Map.of("question", "q", "response", "<think>First, 48 / 2 = 24. Then")));
    assertEquals("field 'response' opens '<think>' and never closes it (a generation cut short?)", think.getMessage());
    InvalidRecordException solution = assertThrows(InvalidRecordException.class, () -> parse(
        "long_cot=conversations[from=gpt].value", null, Map.of("question", "q", "conversations", java.util.List.of(
            Map.of("from", "gpt", "value", "<|begin_of_thought|>a<|end_of_thought|><|begin_of_solution|>The answer")))));
    assertTrue(solution.getMessage().startsWith("field 'conversations[from=gpt].value' opens '<|begin_of_solution|>'"),
        solution.getMessage());
    InvalidRecordException own = assertThrows(InvalidRecordException.class, () -> parse("", "<r>,</r>",
        Map.of("question", "q", "short_cot", "<r>half a thought")));
    assertTrue(own.getMessage().startsWith("field 'short_cot' opens '<r>'"), own.getMessage());
  }

  @Test
  void aLoneClosingMarkerAsR1DistillPrintsItIsNoError() throws Exception {
    TeacherRecord record = parse("long_cot=response", null, Map.of(
        "question", "q", "response", "Okay, 2 + 2 = 4.\n</think>\n\nThe answer is $\\boxed{4}$."));
    assertEquals("Okay, 2 + 2 = 4.", ChosenCot.choose(record, CotPreference.LONG).cot());
  }

  @Test
  void aSampleCutShortIsReadAsItIsAndItsOwnMarkersRewritten() throws Exception {
    TeacherRecord record = parse("samples=generations", "<r>,</r>", Map.of(
        "question", "q", "long_cot", "2 + 2 = 4.",
        "generations", java.util.List.of("<r>2 + 2 = 4</r> 4", "<think>2 + 2 is")));
    assertEquals("<think>2 + 2 = 4</think> 4", record.samples().get(0).cot());
    assertEquals("<think>2 + 2 is", record.samples().get(1).cot());
  }

  @Test
  void malformedMarkersAreAUsageErrorNamingTheOption() {
    for (String spec : new String[] {"<r>", "<r>,", ",</r>", "<r>,<r>", "a,b,c"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThinkMarkers.parse(spec));
      assertTrue(e.getMessage().startsWith("--think-markers"), spec + ": " + e.getMessage());
    }
    assertEquals(ThinkMarkers.PUBLISHED, ThinkMarkers.parse(" "));
  }
}
