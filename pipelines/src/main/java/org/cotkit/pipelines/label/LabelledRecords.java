package org.cotkit.pipelines.label;

import static org.cotkit.pipelines.io.ChannelParquetWriter.utf8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.cotkit.labelers.QuestionLabel;
import org.cotkit.pipelines.io.ChannelParquetWriter;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.record.TeacherRecordParser;
import org.cotkit.pipelines.record.TeacherSample;

/**
 * How {@code cotkit label} writes a labelled record. JSONL keeps the input record as it was, every
 * field of it, and adds the label fields (replacing same-named fields, so labelling a labelled
 * file again is idempotent). Parquet needs one schema for every input shape, so it holds the
 * canonical fields and the labels.
 *
 * <p>Label fields: {@code answer_extracted}, {@code answer_source} ({@code last_number} marks a
 * guess), {@code verified} (null: unverifiable), {@code pass_rate}, {@code samples_graded},
 * {@code difficulty}, {@code difficulty_source} and {@code token_budget}.
 */
public final class LabelledRecords {

  /**
   * Re-reads records the parser already accepted, so with its limits rather than Jackson's own
   * (strings of 20 MB, nesting of 1,000), which are lower than the parser's.
   */
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE - 8)
          .maxNestingDepth(TeacherRecordParser.MAX_NESTING_DEPTH)
          .build())
      .build());

  private static final Schema SAMPLE =
      SchemaBuilder.record("TeacherSample").namespace("org.cotkit")
          .fields()
          .requiredString("cot")
          .optionalBoolean("correct")
          .endRecord();

  public static final Schema SCHEMA =
      SchemaBuilder.record("LabelledRecord").namespace("org.cotkit")
          .fields()
          .requiredString("id")
          .requiredString("question")
          .optionalString("answer")
          .optionalString("long_cot")
          .optionalString("short_cot")
          .name("samples").type().array().items(SAMPLE).noDefault()
          .optionalString("source")
          .optionalString("domain")
          .optionalString("answer_extracted")
          .optionalString("answer_source")
          .optionalBoolean("verified")
          .optionalDouble("pass_rate")
          .requiredInt("samples_graded")
          .optionalString("difficulty")
          .optionalString("difficulty_source")
          .optionalInt("token_budget")
          .optionalDouble("budget_scale")
          .endRecord();

  /** The long texts: unique, so written without a Parquet dictionary (as the SFT rows' {@code SftSchema.TEXT_COLUMNS}). */
  static final Set<String> TEXT_COLUMNS = Set.of("id", "question", "long_cot", "short_cot", "samples.array.cot");

  private LabelledRecords() {}

  /** The input record's JSON object with the label fields added, as one line. */
  public static String toJsonLine(ChosenCot labelled) {
    try {
      ObjectNode object = (ObjectNode) JSON.readTree(labelled.record().origin().text());
      QuestionLabel label = labelled.label();
      object.put("answer_extracted", label.answerExtracted());
      object.put("answer_source", label.answerSource());
      object.put("verified", label.verified());
      object.put("pass_rate", label.passRate());
      object.put("samples_graded", label.samplesGraded());
      object.put("difficulty", label.difficulty() == null ? null : label.difficulty().label());
      object.put("difficulty_source", label.difficultySource());
      object.put("token_budget", label.tokenBudget());
      if (label.budgetScale() != null) {
        object.put("budget_scale", label.budgetScale());
      }
      return JSON.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      // the record was parsed as a JSON object before it was labelled
      throw new IllegalStateException("record " + labelled.record().origin().location() + " is no longer JSON", e);
    }
  }

  /** The canonical fields and labels of a record, for {@link ChannelParquetWriter}. */
  public static GenericRecord toAvro(ChosenCot labelled) {
    TeacherRecord record = labelled.record();
    QuestionLabel label = labelled.label();
    GenericRecord row = new GenericData.Record(SCHEMA);
    row.put("id", utf8(record.id()));
    row.put("question", utf8(record.question()));
    row.put("answer", record.answer());
    row.put("long_cot", utf8(record.longCot()));
    row.put("short_cot", utf8(record.shortCot()));
    List<GenericRecord> samples = new ArrayList<>(record.samples().size());
    for (TeacherSample sample : record.samples()) {
      GenericRecord s = new GenericData.Record(SAMPLE);
      s.put("cot", utf8(sample.cot()));
      s.put("correct", sample.correct());
      samples.add(s);
    }
    row.put("samples", samples);
    row.put("source", record.source());
    row.put("domain", record.domain());
    row.put("answer_extracted", label.answerExtracted());
    row.put("answer_source", label.answerSource());
    row.put("verified", label.verified());
    row.put("pass_rate", label.passRate());
    row.put("samples_graded", label.samplesGraded());
    row.put("difficulty", label.difficulty() == null ? null : label.difficulty().label());
    row.put("difficulty_source", label.difficultySource());
    row.put("token_budget", label.tokenBudget());
    row.put("budget_scale", label.budgetScale());
    return row;
  }
}
