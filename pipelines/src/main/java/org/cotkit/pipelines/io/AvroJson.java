package org.cotkit.pipelines.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Writes an Avro record (a Parquet row as read through parquet-avro) as JSON text, so Parquet input
 * goes through the same parser as JSONL. Unlike {@code GenericData.toString}, it honours logical
 * types: a DECIMAL is its value ({@code 1.5}, not the unscaled {@code 15}), dates and timestamps
 * are ISO-8601 strings, other bytes are base64.
 */
public final class AvroJson {

  private static final JsonFactory JSON = new JsonFactory();

  private AvroJson() {}

  /**
   * @param intDecimalScales scales of top-level INT32/INT64 DECIMAL columns, which parquet-avro
   *     reads as plain ints without the decimal logical type
   */
  static String toJson(GenericRecord record, Map<String, Integer> intDecimalScales) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      out.writeStartObject();
      for (Schema.Field field : record.getSchema().getFields()) {
        out.writeFieldName(field.name());
        Object value = record.get(field.pos());
        Integer scale = intDecimalScales.get(field.name());
        if (scale != null && value instanceof Number number) {
          out.writeNumber(BigDecimal.valueOf(number.longValue(), scale));
        } else {
          write(out, field.schema(), value);
        }
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string does not fail", e);
    }
    return text.toString();
  }

  private static void write(JsonGenerator out, Schema schema, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
      return;
    }
    if (schema.getType() == Schema.Type.UNION) {
      write(out, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)), value);
      return;
    }
    LogicalType logical = schema.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal decimal) {
      out.writeNumber(new BigDecimal(new BigInteger(bytes(value)), decimal.getScale()));
      return;
    }
    if (logical instanceof LogicalTypes.Date) {
      out.writeString(LocalDate.ofEpochDay(((Number) value).longValue()).toString());
      return;
    }
    if (logical instanceof LogicalTypes.TimestampMillis) {
      out.writeString(Instant.ofEpochMilli(((Number) value).longValue()).toString());
      return;
    }
    if (logical instanceof LogicalTypes.TimestampMicros) {
      long micros = ((Number) value).longValue();
      out.writeString(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000).toString());
      return;
    }
    switch (schema.getType()) {
      case RECORD -> {
        GenericRecord record = (GenericRecord) value;
        out.writeStartObject();
        for (Schema.Field field : schema.getFields()) {
          out.writeFieldName(field.name());
          write(out, field.schema(), record.get(field.pos()));
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (Object element : (Collection<?>) value) {
          write(out, schema.getElementType(), element);
        }
        out.writeEndArray();
      }
      case MAP -> {
        out.writeStartObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          out.writeFieldName(entry.getKey().toString());
          write(out, schema.getValueType(), entry.getValue());
        }
        out.writeEndObject();
      }
      case STRING, ENUM -> out.writeString(value.toString());
      case INT, LONG -> out.writeNumber(((Number) value).longValue());
      case FLOAT, DOUBLE -> {
        double d = ((Number) value).doubleValue();
        if (Double.isFinite(d)) {
          out.writeNumber(d);
        } else {
          out.writeString(Double.toString(d)); // JSON has no NaN or Infinity
        }
      }
      case BOOLEAN -> out.writeBoolean((Boolean) value);
      case BYTES, FIXED -> out.writeString(Base64.getEncoder().encodeToString(bytes(value)));
      case NULL -> out.writeNull();
      default -> throw new IllegalArgumentException("unsupported Avro type " + schema.getType());
    }
  }

  private static byte[] bytes(Object value) {
    if (value instanceof GenericFixed fixed) {
      return fixed.bytes();
    }
    ByteBuffer buffer = ((ByteBuffer) value).duplicate();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
