package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cotkit.pipelines.io.RawRecord;
import org.junit.jupiter.api.Test;

/**
 * The parser's limits are cotkit's, not Jackson's: any string as long as the record is read, nesting
 * is refused only past its own documented depth, and control characters are refused or stripped.
 */
class RecordLimitsParseTest {

  private static TeacherRecord parse(String json, long maxRecordBytes, boolean strip) throws InvalidRecordException {
    return new TeacherRecordParser(FieldMapping.identity(), InputPreset.NONE, maxRecordBytes, strip)
        .parse(RawRecord.of("in.jsonl", 3, json));
  }

  @Test
  void aCotLongerThanJacksonsDefaultLimitIsRead() throws InvalidRecordException {
    String cot = "step ".repeat(4_400_000); // 22 million characters: over Jackson's 20,000,000
    TeacherRecord record = parse("{\"question\": \"q\", \"long_cot\": \"" + cot + "\"}", 64L << 20, false);
    assertEquals(cot.length(), record.longCot().length());
  }

  @Test
  void nestingIsReadToTheDocumentedDepthAndRefusedBeyondItInCotkitsWords() throws InvalidRecordException {
    int depth = TeacherRecordParser.MAX_NESTING_DEPTH - 1; // the record object is one level
    String deep = "[".repeat(depth) + "]".repeat(depth);
    assertEquals("q", parse("{\"question\": \"q\", \"long_cot\": \"c\", \"extra\": " + deep + "}", 1 << 20, false)
        .question());
    String deeper = "[".repeat(depth + 1) + "]".repeat(depth + 1);
    InvalidRecordException e = assertThrows(InvalidRecordException.class,
        () -> parse("{\"question\": \"q\", \"long_cot\": \"c\", \"extra\": " + deeper + "}", 1 << 20, false));
    assertEquals("not valid JSON: nested deeper than 2000 levels", e.getMessage());
  }

  @Test
  void aNulEscapeIsRefusedNamingTheFieldAndTheFix() {
    InvalidRecordException e = assertThrows(InvalidRecordException.class,
        () -> parse("{\"question\": \"q\", \"long_cot\": \"a\\u0000b\"}", 1 << 20, false));
    assertEquals("field 'long_cot' holds the control character U+0000 at offset 1; pass --strip-control-chars "
        + "to remove such characters instead", e.getMessage());
  }

  @Test
  void controlCharactersAreStrippedOnRequestButTabsAndLineBreaksStay() throws InvalidRecordException {
    TeacherRecord record = parse(
        "{\"question\": \"q\\u001b[0m?\", \"long_cot\": \"a\\tb\\r\\nc\\u000cd\", \"samples\": [\"s\\u0007\"]}",
        1 << 20, true);
    assertEquals("q[0m?", record.question());
    assertEquals("a\tb\r\ncd", record.longCot());
    assertEquals("s", record.samples().get(0).cot());
  }

  @Test
  void aControlCharacterInAPlainSampleIsRefusedToo() {
    InvalidRecordException e = assertThrows(InvalidRecordException.class,
        () -> parse("{\"question\": \"q\", \"long_cot\": \"c\", \"samples\": [\"ok\", \"x\\u0001\"]}", 1 << 20, false));
    assertEquals("field 'samples[1]' holds the control character U+0001 at offset 1; pass --strip-control-chars "
        + "to remove such characters instead", e.getMessage());
  }
}
