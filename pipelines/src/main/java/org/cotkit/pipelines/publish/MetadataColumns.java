package org.cotkit.pipelines.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.cotkit.pipelines.sft.SftSchema;

/**
 * The {@code metadata} config: every column of an SFT row but the training texts ({@code prompt},
 * {@code completion}, {@code messages}), so a trainer that reads a training config sees only its
 * format's columns. Its files are row-aligned with the {@code all} config's: the same splits, the
 * same shards, the same rows in the same order, and each row carries its {@code id}.
 */
public final class MetadataColumns {

  /** The training texts, left out here. */
  private static final Set<String> TRAINING = Set.of("prompt", "completion", "messages");

  /** The columns, typed as {@link SftSchema#EXAMPLE} types them (so a type is defined once). */
  public static final Schema SCHEMA = schema();

  /** The long unique texts, written without a Parquet dictionary. */
  public static final Set<String> TEXT_COLUMNS = Set.of("id");

  private MetadataColumns() {}

  /** The metadata row of an SFT row. */
  public static GenericRecord row(GenericRecord sft) {
    GenericData.Record row = new GenericData.Record(SCHEMA);
    for (Schema.Field field : SCHEMA.getFields()) {
      row.put(field.pos(), SourceDataset.value(sft, field.name()));
    }
    return row;
  }

  private static Schema schema() {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : SftSchema.EXAMPLE.getFields()) {
      if (!TRAINING.contains(field.name())) {
        fields.add(new Schema.Field(field.name(), field.schema(), field.doc(), field.defaultVal()));
      }
    }
    return Schema.createRecord("Metadata", "provenance of a published row", "org.cotkit.publish", false, fields);
  }
}
