package org.cotkit.pipelines.sft;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes {@link SftExample} rows straight to Parquet, in exactly the layout parquet-avro gives
 * {@link SftSchema#EXAMPLE} (its schema, its two-level {@code messages} list, the Avro schema in
 * the footer), so Avro, Arrow and DuckDB readers see the same files as before.
 *
 * <p>Why not parquet-avro's own writer: building an Avro record per row, and the writer resolving
 * every optional field's union and looking fields up by name, cost time on every row
 * (BENCHMARKS.md has the profile). Here each text is encoded to UTF-8 once, and a chat turn that is the
 * prompt or the completion reuses those bytes.
 */
public final class SftExampleWriteSupport extends WriteSupport<SftExample> {

  static final MessageType SCHEMA = new AvroSchemaConverter(new Configuration(false)).convert(SftSchema.EXAMPLE);

  /** The footer key under which parquet-avro keeps the Avro schema. */
  private static final String AVRO_SCHEMA = "parquet.avro.schema";

  /** Slots of {@link #lastText}: one per top-level column, then the first chat turns' roles. */
  private static final int ROLE_SLOTS = SCHEMA.getFieldCount();
  private static final int SLOTS = ROLE_SLOTS + 2;

  private RecordConsumer out;
  /** The text each slot encoded last, and its bytes: see {@link #bytes(int, String)}. */
  private final String[] lastText = new String[SLOTS];
  private final Binary[] lastBytes = new Binary[SLOTS];

  @Override
  public String getName() {
    return "avro"; // the writer model parquet-avro records; the layout is parquet-avro's
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(SCHEMA, Map.of(AVRO_SCHEMA, SftSchema.EXAMPLE.toString()));
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    out = recordConsumer;
  }

  @Override
  public void write(SftExample example) {
    Binary prompt = bytes(example.prompt());
    Binary completion = bytes(example.completion());
    out.startMessage();
    binary(0, "id", bytes(example.id()));
    binary(1, "source_id", bytes(1, example.sourceId()));
    binary(2, "split", bytes(2, example.split()));
    binary(3, "mode", bytes(3, example.mode()));
    binary(4, "prompt", prompt);
    binary(5, "completion", completion);
    messages(example, prompt, completion);
    decimal(7, "ratio", example.ratio());
    decimal(8, "achieved_ratio", example.achievedRatio());
    binary(9, "difficulty", bytes(9, example.difficulty()));
    binary(10, "difficulty_source", bytes(10, example.difficultySource()));
    decimal(11, "pass_rate", example.passRate());
    integer(12, "token_budget", example.tokenBudget());
    integer(13, "cot_tokens", example.cotTokens());
    integer(14, "kept_tokens", example.keptTokens());
    binary(15, "answer", bytes(15, example.answer()));
    binary(16, "answer_source", bytes(16, example.answerSource()));
    if (example.verified() != null) {
      out.startField("verified", 17);
      out.addBoolean(example.verified());
      out.endField("verified", 17);
    }
    binary(18, "source", bytes(18, example.source()));
    decimal(19, "budget_scale", example.budgetScale());
    out.endMessage();
  }

  /** {@code messages}: a group holding the repeated group {@code array} of (role, content). */
  private void messages(SftExample example, Binary prompt, Binary completion) {
    List<SftExample.Message> messages = example.messages();
    out.startField("messages", 6);
    out.startGroup();
    if (!messages.isEmpty()) {
      out.startField("array", 0);
      for (int turn = 0; turn < messages.size(); turn++) {
        SftExample.Message message = messages.get(turn);
        String content = message.content();
        out.startGroup();
        binary(0, "role", turn < SLOTS - ROLE_SLOTS ? bytes(ROLE_SLOTS + turn, message.role()) : bytes(message.role()));
        binary(1, "content", content == example.prompt() ? prompt
            : content == example.completion() ? completion : bytes(content));
        out.endGroup();
      }
      out.endField("array", 0);
    }
    out.endGroup();
    out.endField("messages", 6);
  }

  /** A null value is a field not written, as parquet-avro writes a null of an optional field. */
  private void binary(int index, String name, Binary value) {
    if (value != null) {
      out.startField(name, index);
      out.addBinary(value);
      out.endField(name, index);
    }
  }

  private void decimal(int index, String name, Double value) {
    if (value != null) {
      out.startField(name, index);
      out.addDouble(value);
      out.endField(name, index);
    }
  }

  private void integer(int index, String name, Integer value) {
    if (value != null) {
      out.startField(name, index);
      out.addInteger(value);
      out.endField(name, index);
    }
  }

  /**
   * The bytes of {@code text}, reusing the slot's last ones when it is the same string object: a
   * record's source id, answer and source, and the constant split, mode and roles, repeat row
   * after row (six rows a record), and encoding them again showed in profiles.
   */
  private Binary bytes(int slot, String text) {
    if (text != lastText[slot]) {
      lastText[slot] = text;
      lastBytes[slot] = bytes(text);
    }
    return lastBytes[slot];
  }

  private static Binary bytes(String text) {
    return text == null ? null : Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
  }
}
