package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The field paths of {@code --map}, on records in the layouts published datasets use: ShareGPT
 * conversations (OpenThoughts, Bespoke-Stratos), chat messages, OpenR1's parallel lists.
 */
class FieldPathTest {

  private static final JsonNode RECORD = read("""
      {"problem": "What is 2+2?",
       "meta": {"gold": "4", "0": "field zero"},
       "generations": ["<think>two and two</think> 4", "<think>four</think> 4"],
       "conversations": [
         {"from": "system", "value": "Be brief."},
         {"from": "human", "value": "What is 2+2?"},
         {"from": "gpt", "value": "first answer"},
         {"from": "human", "value": "Again?"},
         {"from": "gpt", "value": "second answer"}],
       "messages": [{"role": "user", "content": "Q"}, {"role": "assistant", "content": "A"}],
       "levels": [[1, 2], [3, 4]]}
      """);

  private static JsonNode read(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "problem                          | What is 2+2?",
      "meta.gold                        | 4",
      "meta.0                           | field zero",
      "generations[0]                   | <think>two and two</think> 4",
      "generations.0                    | <think>two and two</think> 4",
      "generations[1]                   | <think>four</think> 4",
      "generations[-1]                  | <think>four</think> 4",
      "conversations[from=human].value  | What is 2+2?",
      "conversations[from=gpt].value    | first answer",
      "conversations[from=gpt:first].value | first answer",
      "conversations[from=gpt:last].value  | second answer",
      "messages[role=assistant].content | A",
      "levels[1][0]                     | 3",
      "levels.1.1                       | 4",
  })
  void aPathLeadsToItsField(String path, String expected) {
    assertEquals(expected, FieldPath.parse(path).resolve(RECORD).asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"missing", "meta.silver", "generations[2]", "generations[-3]", "conversations[from=tool].value",
      "problem[0]", "problem.x", "messages[role=assistant].missing", "meta[0]", "generations.99999999999"})
  void aPathThatLeadsNowhereIsMissing(String path) {
    assertTrue(FieldPath.parse(path).resolve(RECORD).isMissingNode(), path);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a[0                 | a '[' is not closed",
      "a[x]                | [x] is neither an index",
      "a[=b]               | names no field to select by",
      "a.                  | it ends with '.'",
      "a..b                | it has an empty field name",
      "a]                  | a ']' has no '['",
      "a[0]b               | a ']' must be followed by '.', '[' or the end",
  })
  void aMalformedPathIsRefusedSayingWhy(String path, String why) {
    String message = assertThrows(IllegalArgumentException.class, () -> FieldPath.parse(path)).getMessage();
    assertTrue(message.startsWith("field path '" + path + "' is not valid: "), message);
    assertTrue(message.contains(why), message);
  }
}
