package org.cotkit.compressors.onnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny but real LLMLingua-2-shaped model directory for tests: {@code model.onnx}, a token
 * classifier whose logits for a token are a fixed row of an embedding table (so every probability
 * can be computed by hand), a BERT-style WordPiece {@code tokenizer.json} that splits some words into
 * several subwords, and a {@code config.json} naming the labels.
 *
 * <p>The graph: {@code logits = Gather(table, input_ids) * attention_mask [+ Gather(types,
 * token_type_ids)]}, inputs {@code [batch, seq]} int64, output {@code [batch, seq, 2]} float.
 */
public final class TinyTokenClassifier {

  public static final List<String> VOCAB = List.of(
      "[PAD]", "[UNK]", "[CLS]", "[SEP]",
      "she", "sells", "eggs", "a", "day", ".", ",", "so", "the", "answer", "is", "=", "+", "*",
      "2", "3", "5", "9", "16", "18", "un", "##happy", "##ly", "happy", "apples", "##s", "and", "$",
      "how", "many", "does", "make", "every", "?", "market", "farmer", "at");

  public static final int PAD = 0;
  public static final int UNK = 1;
  public static final int CLS = 2;
  public static final int SEP = 3;

  private TinyTokenClassifier() {}

  /** Logit of label 1 for token {@code id}; label 0's logit is always 0. */
  public static float keepLogit(int id) {
    return ((id * 37) % 11 - 5) * 0.4f;
  }

  /** Logits added for token type 0, when the model takes token_type_ids. */
  public static final float[] TYPE_0 = {0.25f, -0.5f};

  /** softmax probability of label {@code label} for token {@code id}, as the scorer must compute it. */
  public static double probability(int id, int label, boolean tokenTypes) {
    double l0 = tokenTypes ? TYPE_0[0] : 0;
    double l1 = keepLogit(id) + (tokenTypes ? TYPE_0[1] : 0);
    double p1 = 1 / (1 + Math.exp(l0 - l1));
    return label == 1 ? p1 : 1 - p1;
  }

  public static int id(String token) {
    int id = VOCAB.indexOf(token);
    if (id < 0) {
      throw new IllegalArgumentException("not in the tiny vocabulary: " + token);
    }
    return id;
  }

  /** Writes model.onnx, tokenizer.json and config.json into {@code dir}. */
  public static Path write(Path dir, boolean tokenTypeIds) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve("model.onnx"), model(tokenTypeIds));
    Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("config.json"),
        "{\"architectures\": [\"XLMRobertaForTokenClassification\"], \"id2label\": {\"0\": \"drop\", \"1\": \"keep\"}}",
        StandardCharsets.UTF_8);
    return dir;
  }

  static byte[] model(boolean tokenTypeIds) {
    int vocab = VOCAB.size();
    float[] table = new float[vocab * 2];
    for (int id = 0; id < vocab; id++) {
      table[2 * id] = 0f;
      table[2 * id + 1] = keepLogit(id);
    }
    OnnxProto graph = new OnnxProto()
        .message(1, OnnxProto.node("Gather", "lookup", new String[] {"table", "input_ids"}, new String[] {"embedded"}))
        .message(1, OnnxProto.node("Cast", "mask_to_float", new String[] {"attention_mask"}, new String[] {"mask"})
            // AttributeProto: name 1, i 3, type 20 (INT = 2); "to" = FLOAT
            .message(5, new OnnxProto().string(1, "to").varint(3, OnnxProto.FLOAT).varint(20, 2)))
        .message(1, OnnxProto.node("Unsqueeze", "mask_3d", new String[] {"mask", "last_axis"}, new String[] {"mask3"}))
        .message(1, OnnxProto.node("Mul", "apply_mask", new String[] {"embedded", "mask3"},
            new String[] {tokenTypeIds ? "masked" : "logits"}));
    if (tokenTypeIds) {
      graph.message(1, OnnxProto.node("Gather", "type_lookup", new String[] {"types", "token_type_ids"}, new String[] {"typed"}))
          .message(1, OnnxProto.node("Add", "add_types", new String[] {"masked", "typed"}, new String[] {"logits"}));
    }
    graph.string(2, "tiny_token_classifier")
        .message(5, OnnxProto.floatTensor("table", new long[] {vocab, 2}, table))
        .message(5, OnnxProto.int64Tensor("last_axis", new long[] {1}, new long[] {-1}));
    if (tokenTypeIds) {
      graph.message(5, OnnxProto.floatTensor("types", new long[] {2, 2}, new float[] {TYPE_0[0], TYPE_0[1], 1f, 1f}));
    }
    graph.message(11, OnnxProto.valueInfo("input_ids", OnnxProto.INT64, "batch", "sequence"))
        .message(11, OnnxProto.valueInfo("attention_mask", OnnxProto.INT64, "batch", "sequence"));
    if (tokenTypeIds) {
      graph.message(11, OnnxProto.valueInfo("token_type_ids", OnnxProto.INT64, "batch", "sequence"));
    }
    graph.message(12, OnnxProto.valueInfo("logits", OnnxProto.FLOAT, "batch", "sequence", 2));
    return new OnnxProto()
        .varint(1, 8) // ir_version
        .string(2, "cotkit-tests")
        .message(7, graph)
        .message(8, new OnnxProto().string(1, "").varint(2, 13)) // opset_import: default domain, opset 13
        .toByteArray();
  }

  static String tokenizerJson() {
    Map<String, Integer> vocab = new LinkedHashMap<>();
    for (int i = 0; i < VOCAB.size(); i++) {
      vocab.put(VOCAB.get(i), i);
    }
    StringBuilder vocabJson = new StringBuilder("{");
    vocab.forEach((token, id) -> vocabJson.append(vocabJson.length() > 1 ? "," : "")
        .append('"').append(token).append("\":").append(id));
    vocabJson.append('}');
    List<String> added = new ArrayList<>();
    for (int id = 0; id < 4; id++) {
      added.add("{\"id\":" + id + ",\"content\":\"" + VOCAB.get(id) + "\",\"single_word\":false,\"lstrip\":false,"
          + "\"rstrip\":false,\"normalized\":false,\"special\":true}");
    }
    return "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,"
        + "\"added_tokens\":[" + String.join(",", added) + "],"
        + "\"normalizer\":{\"type\":\"BertNormalizer\",\"clean_text\":true,\"handle_chinese_chars\":true,"
        + "\"strip_accents\":null,\"lowercase\":true},"
        + "\"pre_tokenizer\":{\"type\":\"BertPreTokenizer\"},"
        + "\"post_processor\":{\"type\":\"TemplateProcessing\","
        + "\"single\":[{\"SpecialToken\":{\"id\":\"[CLS]\",\"type_id\":0}},{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},"
        + "{\"SpecialToken\":{\"id\":\"[SEP]\",\"type_id\":0}}],"
        + "\"pair\":[{\"SpecialToken\":{\"id\":\"[CLS]\",\"type_id\":0}},{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},"
        + "{\"SpecialToken\":{\"id\":\"[SEP]\",\"type_id\":0}},{\"Sequence\":{\"id\":\"B\",\"type_id\":1}},"
        + "{\"SpecialToken\":{\"id\":\"[SEP]\",\"type_id\":1}}],"
        + "\"special_tokens\":{\"[CLS]\":{\"id\":\"[CLS]\",\"ids\":[2],\"tokens\":[\"[CLS]\"]},"
        + "\"[SEP]\":{\"id\":\"[SEP]\",\"ids\":[3],\"tokens\":[\"[SEP]\"]}}},"
        + "\"decoder\":{\"type\":\"WordPiece\",\"prefix\":\"##\",\"cleanup\":true},"
        + "\"model\":{\"type\":\"WordPiece\",\"unk_token\":\"[UNK]\",\"continuing_subword_prefix\":\"##\","
        + "\"max_input_chars_per_word\":100,\"vocab\":" + vocabJson + "}}";
  }
}
