package org.cotkit.pipelines.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The {@code dataset_info.features} of a dataset card for an Avro schema, in the form the Hub and
 * the {@code datasets} library write it: {@code {name, dtype}} for a value ({@code string},
 * {@code float64}, {@code int32}, {@code int64}, {@code bool}), {@code {name, list: [fields]}} for
 * a list of structs. Nullable columns are the same types: Arrow columns are all nullable.
 */
public final class HubFeatures {

  private HubFeatures() {}

  /** The features of the record's fields, in their order. */
  public static List<Map<String, Object>> of(Schema record) {
    List<Map<String, Object>> features = new ArrayList<>();
    for (Schema.Field field : record.getFields()) {
      features.add(feature(field.name(), nonNull(field.schema())));
    }
    return features;
  }

  private static Map<String, Object> feature(String name, Schema schema) {
    Map<String, Object> feature = new LinkedHashMap<>();
    feature.put("name", name);
    if (schema.getType() == Schema.Type.ARRAY) {
      Schema element = nonNull(schema.getElementType());
      if (element.getType() == Schema.Type.RECORD) {
        feature.put("list", of(element));
      } else {
        feature.put("sequence", dtype(element));
      }
    } else {
      feature.put("dtype", dtype(schema));
    }
    return feature;
  }

  private static String dtype(Schema schema) {
    return switch (schema.getType()) {
      case STRING -> "string";
      case DOUBLE -> "float64";
      case FLOAT -> "float32";
      case INT -> "int32";
      case LONG -> "int64";
      case BOOLEAN -> "bool";
      default -> throw new IllegalArgumentException("no Hub feature type for Avro type " + schema);
    };
  }

  /** The type of an optional field ({@code [null, T]}). */
  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    for (Schema type : schema.getTypes()) {
      if (type.getType() != Schema.Type.NULL) {
        return type;
      }
    }
    throw new IllegalArgumentException("a union of null alone: " + schema);
  }
}
