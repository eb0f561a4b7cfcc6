package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotkit.pipelines.io.RawRecord;
import org.junit.jupiter.api.Test;

class InputPresetTest {

  /** The repository's test data; surefire runs in the module directory. */
  private static final Path GSM8K_TRAIN = Path.of("..", "testdata", "gsm8k", "train.jsonl");

  private static final TeacherRecordParser GSM8K = new TeacherRecordParser(FieldMapping.identity(), InputPreset.GSM8K, 1 << 20, false);

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String line(String question, String answer) throws Exception {
    return JSON.writeValueAsString(java.util.Map.of("question", question, "answer", answer));
  }

  @Test
  void gsm8kSolutionBecomesShortCotAndFinalAnswer() throws Exception {
    TeacherRecord record = GSM8K.parse(RawRecord.of("train.jsonl", 1,
        line("How many clips?", "Natalia sold 48/2 = <<48/2=24>>24 clips.\n#### 72")));
    assertEquals("Natalia sold 48/2 = 24 clips.", record.shortCot());
    assertEquals("72", record.answer());
    assertNull(record.longCot());
    assertEquals("How many clips?", record.question());
  }

  @Test
  void thousandsSeparatorsAreRemovedFromTheAnswer() throws Exception {
    TeacherRecord record = GSM8K.parse(RawRecord.of("f", 1, line("Q", "So 1000+234 = <<1000+234=1234>>1,234.\n#### 1,234")));
    assertEquals("1234", record.answer());
    assertEquals("So 1000+234 = 1,234.", record.shortCot());
  }

  @Test
  void longCotIsKeptAndIdDerivedFromQuestion() throws Exception {
    TeacherRecord record = GSM8K.parse(RawRecord.of("f", 1,
        "{\"question\": \"Q\", \"answer\": \"Step <<1+1=2>>2.\\n#### 2\", \"long_cot\": \"long\"}"));
    assertEquals("long", record.longCot());
    assertEquals("Step 2.", record.shortCot());
    assertEquals(TeacherRecordParser.questionHash("Q"), record.id());
  }

  @Test
  void solutionWithoutFinalAnswerLineIsRejectedNamingFieldAndPreset() {
    String message = assertThrows(InvalidRecordException.class,
        () -> GSM8K.parse(RawRecord.of("f", 1, line("Q", "Natalia sold 48/2 = <<48/2=24>>24 clips.")))).getMessage();
    assertTrue(message.contains("'answer'") && message.contains("preset gsm8k"), message);

    TeacherRecordParser mapped = new TeacherRecordParser(FieldMapping.parse("answer=solution"), InputPreset.GSM8K, 1 << 20, false);
    String mappedMessage = assertThrows(InvalidRecordException.class,
        () -> mapped.parse(RawRecord.of("f", 1, "{\"question\": \"Q\", \"solution\": \"no marker\"}"))).getMessage();
    assertTrue(mappedMessage.contains("'solution'") && mappedMessage.contains("preset gsm8k"), mappedMessage);
  }

  @Test
  void missingSolutionIsRejectedNamingFieldAndPreset() {
    String message = assertThrows(InvalidRecordException.class,
        () -> GSM8K.parse(RawRecord.of("f", 1, "{\"question\": \"Q\"}"))).getMessage();
    assertTrue(message.contains("'answer'") && message.contains("preset gsm8k"), message);
  }

  @Test
  void emptyAnswerOrEmptySolutionIsRejected() {
    String noAnswer = assertThrows(InvalidRecordException.class,
        () -> GSM8K.parse(RawRecord.of("f", 1, line("Q", "Some work.\n####  ")))).getMessage();
    assertTrue(noAnswer.contains("'answer'") && noAnswer.contains("preset gsm8k"), noAnswer);
    String noSolution = assertThrows(InvalidRecordException.class,
        () -> GSM8K.parse(RawRecord.of("f", 1, line("Q", "<<1+1=2>>\n#### 2")))).getMessage();
    assertTrue(noSolution.contains("'answer'") && noSolution.contains("preset gsm8k"), noSolution);
  }

  @Test
  void noneLeavesTheRecordUnchanged() throws Exception {
    TeacherRecord record = new TeacherRecord("a", "Q", "x\n#### 5", null, "c", List.of(), null, null, RawRecord.of("f", 1, "{}"));
    assertSame(record, InputPreset.NONE.apply(record, FieldMapping.identity()));
  }

  @Test
  void presetsAreNamedAsTheOptionTakesThemInAnyCase() {
    assertEquals(InputPreset.S1K_1_1, InputPreset.named("s1k-1.1"));
    assertEquals(InputPreset.R1_RESPONSE, InputPreset.named("R1-Response"));
    assertEquals(InputPreset.OPENR1, InputPreset.named(" openr1 "));
    assertEquals("s1k-1.1", InputPreset.S1K_1_1.toString());
    assertEquals("none, gsm8k, openr1, openthoughts, s1k, s1k-1.1, limo, r1-response, tokenskip", InputPreset.spellings());
    String unknown = assertThrows(IllegalArgumentException.class, () -> InputPreset.named("s1")).getMessage();
    assertEquals("unknown preset 's1'; presets: " + InputPreset.spellings(), unknown);
  }

  @Test
  void everyPresetsMappingParsesAndNamesOnlyCanonicalFields() {
    // parse refuses unknown canonical fields and malformed paths
    for (InputPreset preset : InputPreset.values()) {
      assertDoesNotThrow(preset::mapping, preset.toString());
    }
    assertEquals("", InputPreset.NONE.mapping().toString());
    assertEquals("question=problem,long_cot=generations[0],short_cot=solution,samples=generations,"
        + "sample_correct=correctness_math_verify,id=uuid,domain=problem_type", InputPreset.OPENR1.mapping().toString());
  }

  @Test
  void aUserMappingOverridesThePresetsFieldByField() {
    FieldMapping merged = FieldMapping.parse("long_cot=generations[-1],source=origin").over(InputPreset.OPENR1.mapping());
    assertEquals("generations[-1]", merged.actualName("long_cot"));
    assertEquals("origin", merged.actualName("source"));
    assertEquals("problem", merged.actualName("question"));
    assertEquals("correctness_math_verify", merged.actualName("sample_correct"));
    assertEquals("answer", merged.actualName("answer"));
  }

  @Test
  void aStatedAnswerIsTheAnswerAReferenceSolutionGives() {
    assertEquals("128", StatedAnswer.of("128"));
    assertEquals("\\frac{1}{2}", StatedAnswer.of("  \\frac{1}{2} "));
    assertEquals("5", StatedAnswer.of("So the roots sum to $\\boxed{5}$."));
    assertEquals("70000", StatedAnswer.of("He made 200,000-130,000=$<<200000-130000=70000>>70,000\n#### 70000"));
    assertNull(StatedAnswer.of("1. Suppose p/q.\n2. Then 2 divides p. $\\blacksquare$"));
    assertNull(StatedAnswer.of("x".repeat(StatedAnswer.MAX_ANSWER_CHARS + 1)));
  }

  private static final Pattern CALCULATOR_NOTE = Pattern.compile("<<[^>]*>>");
  private static final Pattern FINAL_LINE = Pattern.compile("(?m)^#### (.+)$");

  @Test
  void realGsm8kTrainingLinesParse() throws Exception {
    assertTrue(Files.isRegularFile(GSM8K_TRAIN), "GSM8K train split not found at " + GSM8K_TRAIN.toAbsolutePath());
    int checked = 0;
    try (BufferedReader reader = Files.newBufferedReader(GSM8K_TRAIN, StandardCharsets.UTF_8)) {
      for (String text = reader.readLine(); text != null && checked < 300; text = reader.readLine()) {
        checked++;
        JsonNode node = JSON.readTree(text);
        String solution = node.get("answer").textValue();
        Matcher finalLine = FINAL_LINE.matcher(solution);
        assertTrue(finalLine.find(), solution);
        String expectedAnswer = finalLine.group(1).strip().replace(",", "");
        String expectedCot = CALCULATOR_NOTE.matcher(solution.substring(0, finalLine.start())).replaceAll("").strip();

        TeacherRecord record = GSM8K.parse(RawRecord.of("train.jsonl", checked, text));
        assertEquals(expectedAnswer, record.answer(), "line " + checked);
        assertTrue(record.answer().matches("-?[0-9]+(\\.[0-9]+)?"), "line " + checked + ": " + record.answer());
        assertEquals(expectedCot, record.shortCot(), "line " + checked);
        assertFalse(record.shortCot().contains("####"), "line " + checked);
        assertFalse(record.shortCot().contains("<<") || record.shortCot().contains(">>"), "line " + checked);
        assertEquals(node.get("question").textValue(), record.question());
        assertTrue(record.id().matches("q-[0-9a-f]{16}"));
      }
    }
    assertEquals(300, checked);
  }

  @Test
  void firstGsm8kTrainingLineGivesTheKnownSolution() throws Exception {
    String first;
    try (BufferedReader reader = Files.newBufferedReader(GSM8K_TRAIN, StandardCharsets.UTF_8)) {
      first = reader.readLine();
    }
    TeacherRecord record = GSM8K.parse(RawRecord.of("train.jsonl", 1, first));
    assertEquals("72", record.answer());
    assertEquals(
        "Natalia sold 48/2 = 24 clips in May.\nNatalia sold 48+24 = 72 clips altogether in April and May.",
        record.shortCot());
  }
}
