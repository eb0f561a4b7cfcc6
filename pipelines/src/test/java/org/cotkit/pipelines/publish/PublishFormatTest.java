package org.cotkit.pipelines.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.cotkit.pipelines.sft.SftSchema;
import org.junit.jupiter.api.Test;

class PublishFormatTest {

  static final String USER = "What is 2+3?<|eot_id|>0.5<|eot_id|>";
  static final String INSTRUCTION = "Please reason step by step, and put your final answer within \\boxed{}.";
  static final String COMPLETION = "2+3=5\n\nThe final answer is: $\\boxed{5}$";

  @Test
  void eachFormatHasExactlyItsColumns() {
    assertEquals(List.of("messages"), names(PublishFormat.MESSAGES.schema()));
    assertEquals(List.of("prompt", "completion"), names(PublishFormat.PROMPT_COMPLETION.schema()));
    assertEquals(List.of("instruction", "input", "output"), names(PublishFormat.ALPACA.schema()));
    assertEquals(List.of("conversations"), names(PublishFormat.SHAREGPT.schema()));
    assertEquals(List.of("from", "value"), names(PublishFormat.SHAREGPT.schema().getField("conversations").schema()
        .getElementType()));
    assertEquals(PublishFormat.PROMPT_COMPLETION, PublishFormat.named("Prompt-Completion"));
    assertNull(PublishFormat.named("chatml"));
  }

  @Test
  void alpacaIsTokenSkipsLayoutWhoseJoinedUserTurnIsThePrompt() {
    GenericRecord withInstruction = PublishFormat.ALPACA.row(sft(INSTRUCTION + "\n" + USER,
        List.of("system", INSTRUCTION, "user", USER, "assistant", COMPLETION)));
    assertEquals(INSTRUCTION, withInstruction.get("instruction").toString());
    assertEquals(USER, withInstruction.get("input").toString());
    assertEquals(COMPLETION, withInstruction.get("output").toString());

    GenericRecord without = PublishFormat.ALPACA.row(sft(USER, List.of("user", USER, "assistant", COMPLETION)));
    assertEquals(USER, without.get("instruction").toString());
    assertEquals("", without.get("input").toString());
  }

  @Test
  void shareGptNamesRolesAsLlamaFactoryDefaultsDo() {
    GenericRecord row = PublishFormat.SHAREGPT.row(sft(INSTRUCTION + "\n" + USER,
        List.of("system", INSTRUCTION, "user", USER, "assistant", COMPLETION)));
    @SuppressWarnings("unchecked")
    List<GenericRecord> turns = (List<GenericRecord>) row.get("conversations");
    assertEquals(List.of("system", "human", "gpt"), turns.stream().map(t -> t.get("from").toString()).toList());
    assertEquals(USER, turns.get(1).get("value").toString());
    Map<String, Object> entry = PublishFormat.SHAREGPT.llamaFactoryEntry("data/all/train-00000-of-00001.parquet");
    assertEquals(Map.of("messages", "conversations"), entry.get("columns"));
    assertEquals(Map.of("role_tag", "from", "content_tag", "value", "user_tag", "human", "assistant_tag", "gpt",
        "system_tag", "system"), entry.get("tags"));
    assertEquals(Map.of("prompt", "prompt", "response", "completion"),
        PublishFormat.PROMPT_COMPLETION.llamaFactoryEntry("f").get("columns"));
  }

  @Test
  void metadataHoldsEveryColumnButTheTrainingTexts() {
    List<String> expected = names(SftSchema.EXAMPLE).stream()
        .filter(name -> !List.of("prompt", "completion", "messages").contains(name)).toList();
    assertEquals(expected, names(MetadataColumns.SCHEMA));
    GenericRecord row = MetadataColumns.row(sft(USER, List.of("user", USER, "assistant", COMPLETION)));
    assertEquals("q1:tokenskip:0.5", row.get("id"));
    assertEquals(0.5, row.get("ratio"));
    assertNull(row.get("difficulty"));
  }

  /** An SFT row with its chat turns given as role, content, role, content… */
  static GenericRecord sft(String prompt, List<String> turns) {
    GenericData.Record row = new GenericData.Record(SftSchema.EXAMPLE);
    row.put("id", "q1:tokenskip:0.5");
    row.put("source_id", "q1");
    row.put("split", "train");
    row.put("mode", "tokenskip");
    row.put("prompt", prompt);
    row.put("completion", COMPLETION);
    List<GenericRecord> messages = new java.util.ArrayList<>();
    for (int i = 0; i < turns.size(); i += 2) {
      GenericData.Record message = new GenericData.Record(SftSchema.MESSAGE);
      message.put("role", turns.get(i));
      message.put("content", turns.get(i + 1));
      messages.add(message);
    }
    row.put("messages", messages);
    row.put("ratio", 0.5);
    return row;
  }

  static List<String> names(Schema record) {
    return record.getFields().stream().map(Schema.Field::name).toList();
  }
}
