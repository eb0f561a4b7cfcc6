package org.cotkit.pipelines;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

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
          .endRecord();

  /** The Avro form of an example, for the Parquet writer. */
  public static GenericRecord toAvro(SftExample example) {
    GenericRecord row = new GenericData.Record(EXAMPLE);
    row.put("id", example.id());
    row.put("source_id", example.sourceId());
    row.put("split", example.split());
    row.put("mode", example.mode());
    row.put("prompt", example.prompt());
    row.put("completion", example.completion());
    List<GenericRecord> messages = new ArrayList<>(example.messages().size());
    for (SftExample.Message message : example.messages()) {
      GenericRecord turn = new GenericData.Record(MESSAGE);
      turn.put("role", message.role());
      turn.put("content", message.content());
      messages.add(turn);
    }
    row.put("messages", messages);
    row.put("ratio", example.ratio());
    row.put("achieved_ratio", example.achievedRatio());
    row.put("difficulty", example.difficulty());
    row.put("difficulty_source", example.difficultySource());
    row.put("pass_rate", example.passRate());
    row.put("token_budget", example.tokenBudget());
    row.put("cot_tokens", example.cotTokens());
    row.put("kept_tokens", example.keptTokens());
    row.put("answer", example.answer());
    row.put("answer_source", example.answerSource());
    row.put("verified", example.verified());
    row.put("source", example.source());
    return row;
  }
}
