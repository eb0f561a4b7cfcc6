package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldMappingTest {

  private static String error(String spec) {
    return assertThrows(IllegalArgumentException.class, () -> FieldMapping.parse(spec)).getMessage();
  }

  @Test
  void validSpecMapsEachNamedField() {
    FieldMapping mapping = FieldMapping.parse("question=problem, long_cot = response ,answer=meta.gold");
    assertEquals("problem", mapping.actualName("question"));
    assertEquals("problem", mapping.path("question").toString());
    assertEquals("response", mapping.actualName("long_cot"));
    assertEquals("response", mapping.path("long_cot").toString());
    assertEquals("meta.gold", mapping.actualName("answer"));
    assertEquals("meta.gold", mapping.path("answer").toString());
    assertEquals("question=problem,long_cot=response,answer=meta.gold", mapping.toString());
  }

  @Test
  void unmappedFieldsKeepTheirCanonicalNames() {
    FieldMapping mapping = FieldMapping.parse("question=problem");
    assertEquals("short_cot", mapping.actualName("short_cot"));
    assertEquals("short_cot", mapping.path("short_cot").toString());
    assertEquals("cot", mapping.actualName("sample_cot"));
    assertEquals("cot", mapping.path("sample_cot").toString());
    assertEquals("correct", mapping.actualName("sample_correct"));
  }

  @Test
  void sampleFieldsCanBeMapped() {
    FieldMapping mapping = FieldMapping.parse("sample_cot=text,sample_correct=is_right");
    assertEquals("text", mapping.path("sample_cot").toString());
    assertEquals("is_right", mapping.actualName("sample_correct"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void nullOrBlankSpecIsTheIdentity(String spec) {
    FieldMapping mapping = FieldMapping.parse(spec);
    for (String field : FieldMapping.CANONICAL_FIELDS) {
      if (!field.startsWith("sample_")) {
        assertEquals(field, mapping.actualName(field));
        assertEquals(field, mapping.path(field).toString());
      }
    }
    assertEquals("", mapping.toString());
  }

  @Test
  void identityReadsCanonicalNames() {
    assertEquals("question", FieldMapping.identity().path("question").toString());
    assertEquals("cot", FieldMapping.identity().path("sample_cot").toString());
  }

  @Test
  void slashAndTildeInANameArePlainCharactersOfIt() throws Exception {
    FieldMapping mapping = FieldMapping.parse("question=a/b,answer=x~y");
    JsonNode record = new ObjectMapper().readTree("{\"a/b\":\"q\",\"x~y\":\"7\"}");
    assertEquals("q", mapping.path("question").resolve(record).asText());
    assertEquals("7", mapping.path("answer").resolve(record).asText());
  }

  @Test
  void aBadPathIsAUsageErrorNamingTheEntry() {
    String message = error("long_cot=conversations[from=gpt.value");
    assertTrue(message.startsWith("--map long_cot=…: field path 'conversations[from=gpt.value' is not valid: "
        + "a '[' is not closed"), message);
  }

  @Test
  void unknownCanonicalFieldIsRejectedListingKnownFields() {
    String message = error("question=problem,reasoning=response");
    assertTrue(message.contains("'reasoning'"), message);
    for (String known : FieldMapping.CANONICAL_FIELDS) {
      assertTrue(message.contains(known), "lists " + known + ": " + message);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"question", "=x", "question="})
  void malformedEntryIsRejectedNamingIt(String entry) {
    String message = error("answer=gold," + entry);
    assertTrue(message.contains("'" + entry + "'"), message);
  }

  /** An entry whose actual name is only whitespace would map the field to the empty key. */
  @Test
  void blankActualNameIsRejected() {
    String message = error("question= ");
    assertTrue(message.contains("'question='"), message);
  }

  @Test
  void fieldMappedTwiceIsRejected() {
    String message = error("question=problem,answer=gold,question=prompt");
    assertTrue(message.contains("'question'") && message.contains("twice"), message);
  }
}
