package org.cotkit.pipelines;

import static org.cotkit.pipelines.ChannelParquetWriter.utf8;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;

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

  /**
   * The long texts of a row: unique, so written without a Parquet dictionary, which would only fill
   * up and be dropped. Short repeated columns (mode, split, difficulty, source) keep theirs.
   */
  public static final Set<String> TEXT_COLUMNS = Set.of("id", "prompt", "completion", "messages.array.content");

  /**
   * The Avro form of an example, for {@link ChannelParquetWriter}. A chat turn that is the prompt
   * or the completion shares its encoded bytes. Fields are set by position, in {@link #EXAMPLE}'s
   * order: setting them by name looks each name up, once per field of millions of rows.
   */
  public static GenericRecord toAvro(SftExample example) {
    Utf8 prompt = utf8(example.prompt());
    Utf8 completion = utf8(example.completion());
    List<GenericRecord> messages = new ArrayList<>(example.messages().size());
    for (SftExample.Message message : example.messages()) {
      GenericRecord turn = new GenericData.Record(MESSAGE);
      String content = message.content();
      turn.put(0, utf8(message.role()));
      turn.put(1, content == example.prompt() ? prompt
          : content == example.completion() ? completion : utf8(content));
      messages.add(turn);
    }
    Object[] fields = {
        utf8(example.id()), utf8(example.sourceId()), utf8(example.split()), utf8(example.mode()),
        prompt, completion, messages, example.ratio(), example.achievedRatio(),
        utf8(example.difficulty()), utf8(example.difficultySource()), example.passRate(),
        example.tokenBudget(), example.cotTokens(), example.keptTokens(), utf8(example.answer()),
        utf8(example.answerSource()), example.verified(), utf8(example.source())};
    GenericRecord row = new GenericData.Record(EXAMPLE);
    for (int i = 0; i < fields.length; i++) {
      row.put(i, fields[i]);
    }
    return row;
  }
}
