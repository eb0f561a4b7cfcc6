package org.cotkit.compressors;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loaded token classifier: the ONNX Runtime session, the Hugging Face tokenizer, and what was
 * read from them (input names, the keep label, the special tokens around a sequence). Loading is
 * expensive and the session is thread-safe, so one model per JVM and settings is shared by every
 * scorer that asks for it; it is closed, natives and all, when the last one releases it.
 */
final class TokenClassifierModel {

  private static final Map<TokenClassifierSettings, TokenClassifierModel> LOADED = new HashMap<>();

  final TokenClassifierSettings settings;
  final OrtEnvironment environment;
  final OrtSession session;
  final HuggingFaceTokenizer tokenizer;
  final String inputIdsName;
  final String attentionMaskName;
  /** null when the model takes no token types (XLM-RoBERTa). */
  final String tokenTypeIdsName;
  final String logitsName;
  final int keepLabel;
  /** Token ids the tokenizer puts before and after a single sequence ([CLS] … [SEP], <s> … </s>). */
  final long[] prefixIds;
  final long[] suffixIds;
  final ScoringDevice device;
  /** Why AUTO ended on the CPU; null otherwise. */
  final String deviceNote;
  final long loadNanos;
  private int users;

  private TokenClassifierModel(TokenClassifierSettings settings) {
    long start = System.nanoTime();
    this.settings = settings;
    Path dir = Path.of(settings.modelDirectory());
    Path modelFile = dir.resolve("model.onnx");
    Path tokenizerFile = dir.resolve("tokenizer.json");
    for (Path required : new Path[] {modelFile, tokenizerFile}) {
      if (!Files.isRegularFile(required)) {
        throw new IllegalArgumentException("--model-dir '" + dir + "' has no " + required.getFileName()
            + "; it needs model.onnx and tokenizer.json (see the README on exporting LLMLingua-2)");
      }
    }
    // ONNX Runtime's own log would add its native error lines to the one line cotkit reports
    environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "cotkit");
    String note = null;
    ScoringDevice chosen = settings.device();
    OrtSession opened;
    try {
      if (chosen == ScoringDevice.AUTO) {
        chosen = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)
            ? ScoringDevice.CUDA : ScoringDevice.CPU;
        if (chosen == ScoringDevice.CPU) {
          note = "this ONNX Runtime has no CUDA execution provider (build with -Pgpu for one)";
        }
      }
      OrtSession attempt;
      try {
        attempt = environment.createSession(modelFile.toString(), sessionOptions(chosen, settings.threads()));
      } catch (OrtException e) {
        if (chosen != ScoringDevice.CUDA) {
          throw e;
        }
        if (settings.device() == ScoringDevice.CUDA) {
          throw new IllegalStateException("--device cuda cannot start: " + firstLine(e)
              + "; it needs the gpu build (mvn -Pgpu) on a host with CUDA 12 and cuDNN 9, or use --device cpu or auto");
        }
        note = "CUDA did not start (" + firstLine(e) + ")";
        chosen = ScoringDevice.CPU;
        attempt = environment.createSession(modelFile.toString(), sessionOptions(chosen, settings.threads()));
      }
      opened = attempt;
    } catch (OrtException e) {
      throw new IllegalArgumentException("--model-dir '" + dir + "': cannot load model.onnx: " + firstLine(e));
    }
    session = opened;
    device = chosen;
    deviceNote = note;
    try {
      tokenizer = HubTokenizers.load(tokenizerFile);
    } catch (IOException | RuntimeException e) {
      closeQuietly(session);
      throw new IllegalArgumentException("--model-dir '" + dir + "': cannot load tokenizer.json: " + firstLine(e));
    }
    try {
      Set<String> inputs = session.getInputNames();
      inputIdsName = requireInput(inputs, "input_ids", dir);
      attentionMaskName = requireInput(inputs, "attention_mask", dir);
      tokenTypeIdsName = inputs.contains("token_type_ids") ? "token_type_ids" : null;
      for (String input : inputs) {
        if (!input.equals(inputIdsName) && !input.equals(attentionMaskName) && !input.equals(tokenTypeIdsName)) {
          throw new IllegalArgumentException("--model-dir '" + dir + "': model.onnx takes an input '" + input
              + "' that a token classifier does not have (expected input_ids, attention_mask, token_type_ids)");
        }
      }
      logitsName = session.getOutputNames().iterator().next();
      int labels = labelCount(session.getOutputInfo().get(logitsName), dir);
      keepLabel = keepLabelIndex(settings.keepLabel(), dir.resolve("config.json"), labels, dir);
      long[] withSpecials = tokenizer.encode("a", true, false).getIds();
      long[] plain = tokenizer.encode("a", false, false).getIds();
      int at = indexOf(withSpecials, plain);
      prefixIds = Arrays.copyOfRange(withSpecials, 0, Math.max(at, 0));
      suffixIds = Arrays.copyOfRange(withSpecials, Math.max(at, 0) + plain.length, withSpecials.length);
    } catch (OrtException | RuntimeException e) {
      tokenizer.close();
      closeQuietly(session);
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException("--model-dir '" + dir + "': " + firstLine(e));
    }
    loadNanos = System.nanoTime() - start;
  }

  /** The shared model for {@code settings}, loaded on first use. Pair every call with {@link #release}. */
  static synchronized TokenClassifierModel acquire(TokenClassifierSettings settings) {
    TokenClassifierModel model = LOADED.computeIfAbsent(settings, TokenClassifierModel::new);
    model.users++;
    return model;
  }

  /** Gives the model back; the last user's release closes the session and the tokenizer. */
  static synchronized void release(TokenClassifierModel model) {
    if (--model.users > 0) {
      return;
    }
    LOADED.remove(model.settings, model);
    model.tokenizer.close();
    closeQuietly(model.session);
  }

  /** Whether the model of {@code settings} is loaded now (for tests of the sharing). */
  static synchronized boolean isLoaded(TokenClassifierSettings settings) {
    return LOADED.containsKey(settings);
  }

  Encoding[] encode(List<String> texts) {
    return tokenizer.batchEncode(texts, false, false);
  }

  private static OrtSession.SessionOptions sessionOptions(ScoringDevice device, int threads) throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    if (threads > 0) {
      options.setIntraOpNumThreads(threads);
    }
    if (device == ScoringDevice.CUDA) {
      options.addCUDA(0);
    }
    return options;
  }

  private static String requireInput(Set<String> inputs, String name, Path dir) {
    if (!inputs.contains(name)) {
      throw new IllegalArgumentException("--model-dir '" + dir + "': model.onnx has no input '" + name
          + "' (its inputs: " + inputs + "); export it as a token classifier");
    }
    return name;
  }

  private static int labelCount(NodeInfo output, Path dir) {
    if (!(output.getInfo() instanceof TensorInfo tensor) || tensor.getShape().length != 3) {
      throw new IllegalArgumentException("--model-dir '" + dir + "': the first output of model.onnx, '"
          + output.getName() + "', is not logits [batch, sequence, labels]");
    }
    return (int) tensor.getShape()[2]; // -1 when symbolic
  }

  private static int keepLabelIndex(String keepLabel, Path config, int labels, Path dir) {
    int index;
    if (keepLabel.matches("\\d+")) {
      index = Integer.parseInt(keepLabel);
    } else {
      index = labelByName(keepLabel, config, dir);
    }
    if (labels > 0 && index >= labels) {
      throw new IllegalArgumentException("--keep-label " + keepLabel + " is label " + index + " but the model has "
          + labels + " labels");
    }
    return index;
  }

  private static int labelByName(String name, Path config, Path dir) {
    if (!Files.isRegularFile(config)) {
      throw new IllegalArgumentException("--keep-label '" + name + "' is a name, but '" + dir
          + "' has no config.json with id2label; give the label's index");
    }
    try {
      JsonObject root = JsonParser.parseString(Files.readString(config, StandardCharsets.UTF_8)).getAsJsonObject();
      JsonObject id2label = root.getAsJsonObject("id2label");
      if (id2label != null) {
        for (Map.Entry<String, JsonElement> entry : id2label.entrySet()) {
          if (entry.getValue().getAsString().equals(name)) {
            return Integer.parseInt(entry.getKey());
          }
        }
      }
      throw new IllegalArgumentException("--keep-label '" + name + "' is not in " + config + "'s id2label "
          + (id2label == null ? "(none)" : id2label));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException iae && iae.getMessage().startsWith("--keep-label")) {
        throw iae;
      }
      throw new IllegalArgumentException("--model-dir '" + dir + "': config.json is not readable JSON: " + firstLine(e));
    }
  }

  private static int indexOf(long[] haystack, long[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      // nothing left to do with a session that fails to close
    }
  }

  static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
