package org.cotkit.pipelines.sft;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * The Avro schema of an SFT example row, written as Parquet. {@code prompt}/{@code completion}
 * suit TRL's prompt-completion datasets; {@code messages} suits chat-format trainers (TRL
 * conversational, LLaMA-Factory sharegpt/openai layouts). Columns a mode does not fill are null.
 */
public final class SftSchema {

  private SftSchema() {}

  public static final Schema MESSAGE =
      SchemaBuilder.record("Message").namespace("org.cotkit")
          .fields()
          .requiredString("role")
          .requiredString("content")
          .endRecord();

  /** {@link SftExampleWriteSupport} writes these fields by position: change both together. */
  public static final Schema EXAMPLE =
      SchemaBuilder.record("SftExample").namespace("org.cotkit")
          .fields()
          .requiredString("id")
          .requiredString("source_id")
          .requiredString("split")
          .requiredString("mode")
          .requiredString("prompt")
          .requiredString("completion")
          .name("messages").type().array().items(MESSAGE).noDefault()
          .optionalDouble("ratio")
          .optionalDouble("achieved_ratio")
          .optionalString("difficulty")
          .optionalString("difficulty_source")
          .optionalDouble("pass_rate")
          .optionalInt("token_budget")
          .optionalInt("cot_tokens")
          .optionalInt("kept_tokens")
          .optionalString("answer")
          .optionalString("answer_source")
          .optionalBoolean("verified")
          .optionalString("source")
          .optionalDouble("budget_scale")
          .endRecord();

  /** The schema of a row with only the columns {@code names}, typed as written: to read those back alone. */
  public static Schema projection(String... names) {
    List<Schema.Field> fields = new ArrayList<>();
    for (String name : names) {
      Schema.Field field = EXAMPLE.getField(name);
      fields.add(new Schema.Field(field, field.schema()));
    }
    return Schema.createRecord(EXAMPLE.getName(), null, EXAMPLE.getNamespace(), false, fields);
  }

  /**
   * The long texts of a row: unique, so written without a Parquet dictionary, which would only fill
   * up and be dropped. Short repeated columns (mode, split, difficulty, source) keep theirs.
   */
  public static final Set<String> TEXT_COLUMNS = Set.of("id", "prompt", "completion", "messages.array.content");
}
