package org.cotkit.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** {@link SftSchema#toAvro} sets fields by position: each value must land in its named column. */
class SftSchemaTest {

  @Test
  void everyFieldLandsInTheColumnOfItsName() {
    SftExample example = new SftExample("id-1", "source-1", "train", "tokenskip", "the prompt", "the completion",
        SftExample.chat("the prompt", "the completion"), 0.5, 0.52, "[simple]", "pass_rate", 0.75, 57, 120, 62,
        "18", "gold", true, "gsm8k");
    GenericRecord row = SftSchema.toAvro(example);

    assertTrue(GenericData.get().validate(SftSchema.EXAMPLE, row));
    assertEquals(19, SftSchema.EXAMPLE.getFields().size());
    assertEquals("id-1", row.get("id").toString());
    assertEquals("source-1", row.get("source_id").toString());
    assertEquals("train", row.get("split").toString());
    assertEquals("tokenskip", row.get("mode").toString());
    assertEquals("the prompt", row.get("prompt").toString());
    assertEquals("the completion", row.get("completion").toString());
    assertEquals(0.5, row.get("ratio"));
    assertEquals(0.52, row.get("achieved_ratio"));
    assertEquals("[simple]", row.get("difficulty").toString());
    assertEquals("pass_rate", row.get("difficulty_source").toString());
    assertEquals(0.75, row.get("pass_rate"));
    assertEquals(57, row.get("token_budget"));
    assertEquals(120, row.get("cot_tokens"));
    assertEquals(62, row.get("kept_tokens"));
    assertEquals("18", row.get("answer").toString());
    assertEquals("gold", row.get("answer_source").toString());
    assertEquals(true, row.get("verified"));
    assertEquals("gsm8k", row.get("source").toString());

    @SuppressWarnings("unchecked")
    List<GenericRecord> messages = (List<GenericRecord>) row.get("messages");
    assertEquals("user", messages.get(0).get("role").toString());
    assertSame(row.get("prompt"), messages.get(0).get("content"), "the prompt's bytes are shared");
    assertEquals("assistant", messages.get(1).get("role").toString());
    assertSame(row.get("completion"), messages.get(1).get("content"));
  }

  @Test
  void nullFieldsStayNull() {
    SftExample example = new SftExample("id-1", "source-1", "train", "adaptive", "p", "c",
        List.of(new SftExample.Message("user", "p, said otherwise")), null, null, null, null, null, null, null, null,
        null, null, null, null);
    GenericRecord row = SftSchema.toAvro(example);

    assertTrue(GenericData.get().validate(SftSchema.EXAMPLE, row));
    assertNull(row.get("ratio"));
    assertNull(row.get("answer"));
    assertNull(row.get("source"));
    @SuppressWarnings("unchecked")
    List<GenericRecord> messages = (List<GenericRecord>) row.get("messages");
    assertEquals("p, said otherwise", messages.get(0).get("content").toString());
  }
}
