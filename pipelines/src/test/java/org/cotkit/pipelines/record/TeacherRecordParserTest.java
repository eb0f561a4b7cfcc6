package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cotkit.pipelines.io.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeacherRecordParserTest {

  private static final TeacherRecordParser IDENTITY = new TeacherRecordParser(FieldMapping.identity(), InputPreset.NONE, 1 << 20, false);

  private static RawRecord raw(String text) {
    return RawRecord.of("input.jsonl", 7, text);
  }

  private static TeacherRecord parse(String text) throws InvalidRecordException {
    return IDENTITY.parse(raw(text));
  }

  private static TeacherRecord parse(String mapping, String text) throws InvalidRecordException {
    return new TeacherRecordParser(FieldMapping.parse(mapping), InputPreset.NONE, 1 << 20, false).parse(raw(text));
  }

  private static String reason(String text) {
    return assertThrows(InvalidRecordException.class, () -> parse(text)).getMessage();
  }

  private static String reason(String mapping, String text) {
    return assertThrows(InvalidRecordException.class, () -> parse(mapping, text)).getMessage();
  }

  @Test
  void anUnpairedSurrogateEscapeIsAnErrorNamingTheField() throws InvalidRecordException {
    assertEquals("field 'long_cot' holds an unpaired surrogate escape (\\ud800-\\udfff), not text",
        reason("{\"question\": \"q\", \"long_cot\": \"x \\ud800 y\"}"));
    assertEquals("field 'samples[1].cot' holds an unpaired surrogate escape (\\ud800-\\udfff), not text",
        reason("{\"question\": \"q\", \"long_cot\": \"c\", \"samples\": [\"s\", {\"cot\": \"\\udc00\"}]}"));
    assertEquals("field 'question' holds an unpaired surrogate escape (\\ud800-\\udfff), not text",
        reason("{\"question\": \"q\\ud83d\", \"long_cot\": \"c\"}"));
    // a pair, escaped or not, is one character
    assertEquals("Ducks \ud83e\udd86 and \ud83e\udd86",
        parse("{\"question\": \"q\", \"long_cot\": \"Ducks \\ud83e\\udd86 and \ud83e\udd86\"}").longCot());
  }

  @Test
  void validRecordBecomesCanonicalFields() throws Exception {
    RawRecord raw = raw(
        "{\"id\": \"r-1\", \"question\": \"What is 2+3?\", \"answer\": \"5\", \"long_cot\": \"Two plus three. Five.\","
            + " \"short_cot\": \"2+3=5\", \"source\": \"unit\", \"domain\": \"math\", \"extra\": [1, 2]}");
    TeacherRecord record = IDENTITY.parse(raw);
    assertEquals(
        new TeacherRecord("r-1", "What is 2+3?", "5", "Two plus three. Five.", "2+3=5", List.of(), "unit", "math", raw),
        record);
    assertSame(raw, record.origin());
  }

  @Test
  void optionalFieldsAreNullWhenAbsent() throws Exception {
    TeacherRecord record = parse("{\"id\": \"a\", \"question\": \"Q?\", \"short_cot\": \"c\"}");
    assertNull(record.answer());
    assertNull(record.longCot());
    assertEquals("c", record.shortCot());
    assertNull(record.source());
    assertNull(record.domain());
    assertEquals(List.of(), record.samples());
  }

  @Test
  void idMayBeAStringOrAnIntegerNumber() throws Exception {
    assertEquals("abc-9", parse("{\"id\": \"abc-9\", \"question\": \"Q\", \"long_cot\": \"c\"}").id());
    assertEquals("42", parse("{\"id\": 42, \"question\": \"Q\", \"long_cot\": \"c\"}").id());
  }

  @Test
  void idOfAnotherTypeIsRejectedNamingTheField() {
    String message = reason("{\"id\": {\"x\": 1}, \"question\": \"Q\", \"long_cot\": \"c\"}");
    assertTrue(message.contains("'id'"), message);
  }

  @Test
  void missingIdIsAStableHashOfTheQuestion() throws Exception {
    String id = parse("{\"question\": \"What is 2+3?\", \"long_cot\": \"c\"}").id();
    assertTrue(id.matches("q-[0-9a-f]{16}"), id);
    assertEquals(id, parse("{\"question\": \"What is 2+3?\", \"long_cot\": \"other\"}").id());
    assertEquals(id, parse("{\"question\": \"  what IS\\t 2+3?\\n\", \"long_cot\": \"c\"}").id());
    assertEquals(id, parse("{\"id\": \"\", \"question\": \"What is 2+3?\", \"long_cot\": \"c\"}").id());
    assertEquals(id, parse("{\"id\": null, \"question\": \"WHAT  is 2+3?\", \"long_cot\": \"c\"}").id());
    assertNotEquals(id, parse("{\"question\": \"What is 2+4?\", \"long_cot\": \"c\"}").id());
  }

  @Test
  void answerAsANumberIsAcceptedAsText() throws Exception {
    assertEquals("72", parse("{\"question\": \"Q\", \"answer\": 72, \"long_cot\": \"c\"}").answer());
    assertEquals("2.5", parse("{\"question\": \"Q\", \"answer\": 2.5, \"long_cot\": \"c\"}").answer());
    assertEquals("-3", parse("{\"question\": \"Q\", \"answer\": -3, \"long_cot\": \"c\"}").answer());
  }

  @Test
  void answerOfAnotherTypeIsRejected() {
    String message = reason("{\"question\": \"Q\", \"answer\": [72], \"long_cot\": \"c\"}");
    assertTrue(message.contains("'answer'") && message.contains("must be a string or a number"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"long_cot\": \"c\"}",
      "{\"question\": null, \"long_cot\": \"c\"}",
      "{\"question\": \"\", \"long_cot\": \"c\"}",
      "{\"question\": \"  \\n\\t \", \"long_cot\": \"c\"}"})
  void missingOrBlankQuestionIsRejectedNamingTheField(String text) {
    String message = reason(text);
    assertTrue(message.contains("'question'"), message);
  }

  @Test
  void nonStringQuestionIsRejectedNamingTheField() {
    String message = reason("{\"question\": 5, \"long_cot\": \"c\"}");
    assertTrue(message.contains("'question'") && message.contains("must be a string"), message);
    assertFalse(message.contains("or a number"), message);
  }

  @Test
  void questionErrorsNameTheFieldAsTheDataSpellsIt() {
    String missing = reason("question=problem", "{\"question\": \"Q\", \"long_cot\": \"c\"}");
    assertTrue(missing.contains("'problem'"), missing);
    assertFalse(missing.contains("'question'"), missing);

    String blank = reason("question=problem", "{\"problem\": \" \", \"long_cot\": \"c\"}");
    assertTrue(blank.contains("'problem'"), blank);

    String wrongType = reason("question=problem", "{\"problem\": true, \"long_cot\": \"c\"}");
    assertTrue(wrongType.contains("'problem'") && wrongType.contains("must be a string"), wrongType);
    assertFalse(wrongType.contains("'question'"), wrongType);
  }

  @Test
  void mappedFieldsAreReadUnderTheirActualNames() throws Exception {
    TeacherRecord record = parse(
        "question=problem,long_cot=response,answer=solution,id=uid",
        "{\"uid\": 3, \"problem\": \"P?\", \"response\": \"R\", \"solution\": \"S\", \"question\": \"ignored\"}");
    assertEquals("3", record.id());
    assertEquals("P?", record.question());
    assertEquals("R", record.longCot());
    assertEquals("S", record.answer());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"question\": ", "{question: \"Q\"}", "not json at all", "{\"question\": \"Q\",}"})
  void invalidJsonIsReported(String text) {
    String message = reason(text);
    assertTrue(message.startsWith("not valid JSON"), message);
    assertFalse(message.contains("\n"), "one line: " + message);
  }

  /**
   * A line holding two records glued together (or any trailing garbage) is invalid, not parsed as
   * its first record with the rest dropped silently.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"question\": \"Q\", \"long_cot\": \"c\"}{\"question\": \"Q2\", \"long_cot\": \"c\"}",
      "{\"question\": \"Q\", \"long_cot\": \"c\"} garbage"})
  void trailingContentIsInvalidJson(String text) {
    String message = reason(text);
    assertTrue(message.startsWith("not valid JSON"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[{\"question\": \"Q\", \"long_cot\": \"c\"}]", "\"question\"", "42", "null"})
  void jsonThatIsNotAnObjectIsReported(String text) {
    assertEquals("not a JSON object", reason(text));
  }

  @Test
  void recordWithoutAnyChainOfThoughtIsRejected() {
    String message = reason("{\"question\": \"Q\", \"answer\": \"5\"}");
    assertTrue(message.startsWith("no chain of thought"), message);
    assertTrue(message.contains("'long_cot'") && message.contains("'short_cot'"), message);
  }

  @Test
  void blankChainsOfThoughtCountAsAbsent() throws Exception {
    String message = reason("{\"question\": \"Q\", \"long_cot\": \"  \", \"short_cot\": \"\"}");
    assertTrue(message.startsWith("no chain of thought"), message);

    TeacherRecord record = parse("{\"question\": \"Q\", \"long_cot\": \" \", \"short_cot\": \"short\"}");
    assertNull(record.longCot());
    assertEquals("short", record.shortCot());
  }

  @Test
  void noChainOfThoughtMessageUsesMappedNames() {
    String message = reason("long_cot=response,short_cot=brief", "{\"question\": \"Q\", \"long_cot\": \"c\"}");
    assertTrue(message.startsWith("no chain of thought"), message);
    assertTrue(message.contains("'response'") && message.contains("'brief'"), message);
  }

  @Test
  void samplesMayBeStrings() throws Exception {
    TeacherRecord record = parse("{\"question\": \"Q\", \"long_cot\": \"c\", \"samples\": [\"s1\", \"s2\"]}");
    assertEquals(List.of(new TeacherSample("s1", null), new TeacherSample("s2", null)), record.samples());
  }

  @Test
  void samplesMayBeObjectsWithCotAndOptionalCorrect() throws Exception {
    TeacherRecord record = parse(
        "{\"question\": \"Q\", \"long_cot\": \"c\", \"samples\": [{\"cot\": \"a\", \"correct\": true},"
            + " {\"cot\": \"b\", \"correct\": false}, {\"cot\": \"d\"}, {\"cot\": \"e\", \"correct\": null}, \"f\"]}");
    assertEquals(
        List.of(
            new TeacherSample("a", true),
            new TeacherSample("b", false),
            new TeacherSample("d", null),
            new TeacherSample("e", null),
            new TeacherSample("f", null)),
        record.samples());
  }

  @Test
  void nullSamplesAreEmpty() throws Exception {
    assertEquals(List.of(), parse("{\"question\": \"Q\", \"long_cot\": \"c\", \"samples\": null}").samples());
  }

  @Test
  void samplesThatAreNotAnArrayAreRejected() {
    String message = reason("{\"question\": \"Q\", \"long_cot\": \"c\", \"samples\": \"one\"}");
    assertTrue(message.contains("'samples'") && message.contains("must be an array"), message);
  }

  @Test
  void wrongSampleTypesNameTheElement() {
    String correct = reason(
        "{\"question\": \"Q\", \"long_cot\": \"c\", \"samples\": [{\"cot\": \"a\"}, {\"cot\": \"b\", \"correct\": \"yes\"}]}");
    assertTrue(correct.contains("'samples[1].correct' must be a boolean"), correct);

    String element = reason("{\"question\": \"Q\", \"long_cot\": \"c\", \"samples\": [\"a\", \"b\", 3]}");
    assertTrue(element.contains("'samples[2]'"), element);

    String noCot = reason("{\"question\": \"Q\", \"long_cot\": \"c\", \"samples\": [{\"text\": \"a\"}]}");
    assertTrue(noCot.contains("'samples[0]'") && noCot.contains("'cot'"), noCot);

    String cotType = reason("{\"question\": \"Q\", \"long_cot\": \"c\", \"samples\": [\"x\", {\"cot\": 5}]}");
    assertTrue(cotType.contains("'samples[1].cot'") && cotType.contains("must be a string"), cotType);
  }

  @Test
  void sampleErrorsUseMappedNames() throws Exception {
    String mapping = "samples=generations,sample_cot=text,sample_correct=ok";
    TeacherRecord record = parse(mapping,
        "{\"question\": \"Q\", \"long_cot\": \"c\", \"generations\": [{\"text\": \"a\", \"ok\": true}]}");
    assertEquals(List.of(new TeacherSample("a", true)), record.samples());

    String message = reason(mapping,
        "{\"question\": \"Q\", \"long_cot\": \"c\", \"generations\": [{\"text\": \"a\"}, {\"text\": \"b\", \"ok\": 1}]}");
    assertTrue(message.contains("'generations[1].ok' must be a boolean"), message);
  }

  @Test
  void readErrorBecomesTheReason() {
    RawRecord unreadable = new RawRecord("input.jsonl", 3, "{\"question\": \"Q\", \"long_cot\": \"c\"}", "not valid UTF-8");
    InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> IDENTITY.parse(unreadable));
    assertEquals("not valid UTF-8", e.getMessage());
  }

  @Test
  void dottedPathsReadNestedFields() throws Exception {
    TeacherRecord record = parse(
        "answer=meta.gold,question=data.problem",
        "{\"data\": {\"problem\": \"P?\"}, \"meta\": {\"gold\": \"7\", \"other\": 1}, \"long_cot\": \"c\", \"answer\": \"wrong\"}");
    assertEquals("P?", record.question());
    assertEquals("7", record.answer());

    assertNull(parse("answer=meta.gold", "{\"question\": \"Q\", \"long_cot\": \"c\"}").answer());

    String message = reason("question=data.problem", "{\"data\": {}, \"long_cot\": \"c\"}");
    assertTrue(message.contains("'data.problem'"), message);
  }

  @Test
  void otherTextFieldsMustBeStrings() {
    String message = reason("{\"question\": \"Q\", \"long_cot\": \"c\", \"source\": 5}");
    assertTrue(message.contains("'source'") && message.contains("must be a string"), message);
    String cot = reason("{\"question\": \"Q\", \"long_cot\": [\"c\"]}");
    assertTrue(cot.contains("'long_cot'"), cot);
  }

  /** OpenR1-Math's layout: the verdicts of math-verify in a list parallel to the generations. */
  @Test
  void verdictsOfAParallelListArePairedWithTheSamplesInOrder() throws Exception {
    String mapping = "question=problem,samples=generations,sample_correct=correctness_math_verify";
    TeacherRecord record = parse(mapping, "{\"problem\": \"Q\", \"long_cot\": \"c\", \"generations\": [\"a\", \"b\", \"c\"], "
        + "\"correctness_math_verify\": [true, false, null]}");
    assertEquals(List.of(new TeacherSample("a", true), new TeacherSample("b", false), new TeacherSample("c", null)),
        record.samples());
  }

  @Test
  void parallelListsOfDifferentLengthsAreADeadLetterSayingSo() {
    String message = reason("question=problem,samples=generations,sample_correct=correctness_math_verify",
        "{\"problem\": \"Q\", \"long_cot\": \"c\", \"generations\": [\"a\", \"b\"], \"correctness_math_verify\": [true]}");
    assertEquals("field 'generations' holds 2 samples but 'correctness_math_verify' 1 verdicts; the lists must be "
        + "parallel", message);
  }

  @Test
  void aParallelVerdictThatIsNotABooleanIsNamed() {
    String message = reason("question=problem,samples=generations,sample_correct=ok",
        "{\"problem\": \"Q\", \"long_cot\": \"c\", \"generations\": [\"a\"], \"ok\": [\"yes\"]}");
    assertEquals("'ok[0]' must be a boolean, got string", message);
  }

  @Test
  void aGivenPassRateIsReadAsANumberInTheUnitInterval() throws Exception {
    assertEquals(0.375, parse("pass_rate=model_avg_acc",
        "{\"question\": \"Q\", \"long_cot\": \"c\", \"model_avg_acc\": 0.375}").passRate());
    assertEquals(null, parse("{\"question\": \"Q\", \"long_cot\": \"c\"}").passRate());
    assertEquals("field 'acc' must be a number in [0, 1], got 75",
        reason("pass_rate=acc", "{\"question\": \"Q\", \"long_cot\": \"c\", \"acc\": 75}"));
    assertEquals("field 'acc' must be a number in [0, 1], got string",
        reason("pass_rate=acc", "{\"question\": \"Q\", \"long_cot\": \"c\", \"acc\": \"high\"}"));
  }
}
