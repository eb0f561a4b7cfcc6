package org.cotkit.pipelines.record;

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
