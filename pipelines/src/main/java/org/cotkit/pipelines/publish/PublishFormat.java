package org.cotkit.pipelines.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The training columns of a published config, exactly those a trainer reads and nothing else (the
 * provenance columns go to the {@code metadata} config, {@link MetadataColumns}), and how
 * LLaMA-Factory's {@code dataset_info.json} names them.
 */
public enum PublishFormat {
  /** TRL's conversational layout: {@code messages}, the system, user and assistant turns. */
  MESSAGES("messages"),
  /** TRL's standard prompt-completion layout: {@code prompt}, {@code completion}. */
  PROMPT_COMPLETION("prompt-completion"),
  /**
   * {@code instruction}, {@code input}, {@code output}, as TokenSkip's LLaMA-Factory files: the
   * {@code --instruction} in {@code instruction} and the question with its γ in {@code input}; a run
   * without an instruction puts the prompt in {@code instruction} and leaves {@code input} empty.
   * LLaMA-Factory joins the two with a line break, which gives the row's prompt either way.
   */
  ALPACA("alpaca"),
  /** ShareGPT's {@code conversations} of {@code from} (system, human, gpt) and {@code value}. */
  SHAREGPT("sharegpt");

  private static final String NAMESPACE = "org.cotkit.publish";

  private final String cliName;
  private final Schema schema;

  PublishFormat(String cliName) {
    this.cliName = cliName;
    this.schema = schemaOf(cliName);
  }

  /** The format's name on the command line and in the card. */
  public String cliName() {
    return cliName;
  }

  /** The format named {@code name}; null when there is none. */
  public static PublishFormat named(String name) {
    for (PublishFormat format : values()) {
      if (format.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    return null;
  }

  /** The names, for help text and messages. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (PublishFormat format : values()) {
      names.add(format.cliName);
    }
    return names;
  }

  /** The Avro schema of the format's columns, in their order. */
  public Schema schema() {
    return schema;
  }

  /** The long unique texts, written without a Parquet dictionary (see {@code SftSchema.TEXT_COLUMNS}). */
  public Set<String> textColumns() {
    return switch (this) {
      case MESSAGES -> Set.of("messages.array.content");
      case PROMPT_COMPLETION -> Set.of("prompt", "completion");
      case ALPACA -> Set.of("instruction", "input", "output");
      case SHAREGPT -> Set.of("conversations.array.value");
    };
  }

  /** The row of this format for an SFT row (a record of {@code SftSchema.EXAMPLE}). */
  public GenericRecord row(GenericRecord sft) {
    GenericData.Record row = new GenericData.Record(schema);
    switch (this) {
      case MESSAGES -> row.put("messages", turns(sft, "role", "content", false));
      case PROMPT_COMPLETION -> {
        row.put("prompt", sft.get("prompt"));
        row.put("completion", sft.get("completion"));
      }
      case ALPACA -> {
        List<GenericRecord> messages = messages(sft);
        Object system = null;
        Object user = sft.get("prompt");
        for (GenericRecord message : messages) {
          String role = message.get("role").toString();
          if (role.equals("system")) {
            system = message.get("content");
          } else if (role.equals("user")) {
            user = message.get("content");
          }
        }
        row.put("instruction", system == null ? sft.get("prompt") : system);
        row.put("input", system == null ? "" : user);
        row.put("output", sft.get("completion"));
      }
      case SHAREGPT -> row.put("conversations", turns(sft, "from", "value", true));
    }
    return row;
  }

  /**
   * The entry of one file (or folder) in LLaMA-Factory's {@code dataset_info.json}: its
   * {@code formatting}, {@code columns} and, for chat layouts, {@code tags}, as LLaMA-Factory's
   * {@code data/README.md} describes them.
   */
  public Map<String, Object> llamaFactoryEntry(String fileName) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("file_name", fileName);
    Map<String, Object> columns = new LinkedHashMap<>();
    Map<String, Object> tags = new LinkedHashMap<>();
    switch (this) {
      case MESSAGES -> {
        entry.put("formatting", "sharegpt");
        columns.put("messages", "messages");
        tags.put("role_tag", "role");
        tags.put("content_tag", "content");
        tags.put("user_tag", "user");
        tags.put("assistant_tag", "assistant");
        tags.put("system_tag", "system");
      }
      case PROMPT_COMPLETION -> {
        entry.put("formatting", "alpaca");
        columns.put("prompt", "prompt");
        columns.put("response", "completion"); // no query column: LLaMA-Factory then reads none
      }
      case ALPACA -> {
        entry.put("formatting", "alpaca");
        columns.put("prompt", "instruction");
        columns.put("query", "input");
        columns.put("response", "output");
      }
      case SHAREGPT -> {
        entry.put("formatting", "sharegpt");
        columns.put("messages", "conversations");
        tags.put("role_tag", "from");
        tags.put("content_tag", "value");
        tags.put("user_tag", "human");
        tags.put("assistant_tag", "gpt");
        tags.put("system_tag", "system");
      }
    }
    entry.put("columns", columns);
    if (!tags.isEmpty()) {
      entry.put("tags", tags);
    }
    return entry;
  }

  /** The chat turns as records of {@code roleField}/{@code contentField}; ShareGPT's roles when asked. */
  private List<GenericRecord> turns(GenericRecord sft, String roleField, String contentField, boolean shareGptRoles) {
    Schema turn = schema.getFields().get(0).schema().getElementType();
    List<GenericRecord> turns = new ArrayList<>();
    for (GenericRecord message : messages(sft)) {
      GenericData.Record converted = new GenericData.Record(turn);
      Object role = message.get("role");
      converted.put(roleField, shareGptRoles ? shareGptRole(role.toString()) : role);
      converted.put(contentField, message.get("content"));
      turns.add(converted);
    }
    return turns;
  }

  /** ShareGPT's name of a chat role: LLaMA-Factory's defaults human, gpt and system. */
  static String shareGptRole(String role) {
    return switch (role) {
      case "user" -> "human";
      case "assistant" -> "gpt";
      default -> role;
    };
  }

  @SuppressWarnings("unchecked")
  private static List<GenericRecord> messages(GenericRecord sft) {
    return (List<GenericRecord>) sft.get("messages");
  }

  private static Schema schemaOf(String cliName) {
    return switch (cliName) {
      case "messages" -> SchemaBuilder.record("Messages").namespace(NAMESPACE).fields()
          .name("messages").type().array().items(turn("Message", "role", "content")).noDefault()
          .endRecord();
      case "prompt-completion" -> SchemaBuilder.record("PromptCompletion").namespace(NAMESPACE).fields()
          .requiredString("prompt")
          .requiredString("completion")
          .endRecord();
      case "alpaca" -> SchemaBuilder.record("Alpaca").namespace(NAMESPACE).fields()
          .requiredString("instruction")
          .requiredString("input")
          .requiredString("output")
          .endRecord();
      case "sharegpt" -> SchemaBuilder.record("ShareGpt").namespace(NAMESPACE).fields()
          .name("conversations").type().array().items(turn("Turn", "from", "value")).noDefault()
          .endRecord();
      default -> throw new IllegalArgumentException(cliName);
    };
  }

  private static Schema turn(String name, String roleField, String contentField) {
    return SchemaBuilder.record(name).namespace(NAMESPACE).fields()
        .requiredString(roleField)
        .requiredString(contentField)
        .endRecord();
  }
}
