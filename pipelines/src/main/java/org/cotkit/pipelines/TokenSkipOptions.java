package org.cotkit.pipelines;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.cotkit.compressors.ScoringDevice;
import org.cotkit.compressors.TokenClassifierSettings;
import org.cotkit.compressors.WordScorePooling;

/** How chains of thought are compressed and laid out as TokenSkip (L1) examples. */
public interface TokenSkipOptions extends PipelineOptions {

  @Description("Target ratios γ in (0, 1], comma-separated.")
  @Default.String("0.5,0.6,0.7,0.8,0.9,1.0")
  String getRatios();

  void setRatios(String value);

  @Description("ALL ratios per record, or ONE drawn per record (seeded, stable).")
  @Default.Enum("ALL")
  RatioAssignment.Mode getRatioAssignment();

  void setRatioAssignment(RatioAssignment.Mode value);

  @Description("Seed of the ONE ratio draw.")
  @Default.Long(42L)
  long getSeed();

  void setSeed(long value);

  @Description("Tokens always kept wherever they occur.")
  @Default.InstanceFactory(EmptyList.class)
  List<String> getForceTokens();

  void setForceTokens(List<String> value);

  @Description("Always keep words with digits and math operators.")
  @Default.Boolean(true)
  boolean getKeepDigits();

  void setKeepDigits(boolean value);

  @Description("Separator of the TokenSkip prompt {question}{sep}{γ}{sep}.")
  @Default.String(TokenSkipFormat.DEFAULT_SEPARATOR)
  String getPromptSeparator();

  void setPromptSeparator(String value);

  @Description("Importance scorer: NGRAM (self-information, no model) or ONNX (a token classifier in --modelDir).")
  @Default.Enum("NGRAM")
  ScorerKind getScorer();

  void setScorer(ScorerKind value);

  @Description("Directory with model.onnx and tokenizer.json (and optionally config.json), for the ONNX scorer.")
  String getModelDir();

  void setModelDir(String value);

  @Description("Where the ONNX scorer runs: CPU, CUDA or AUTO.")
  @Default.Enum("CPU")
  ScoringDevice getDevice();

  void setDevice(ScoringDevice value);

  @Description("Chunks per model call of the ONNX scorer.")
  @Default.Integer(TokenClassifierSettings.DEFAULT_BATCH_SIZE)
  int getBatchSize();

  void setBatchSize(int value);

  @Description("ONNX Runtime intra-op threads on the CPU; 0 lets it decide.")
  @Default.Integer(0)
  int getThreads();

  void setThreads(int value);

  @Description("The model's window in tokens, special tokens included.")
  @Default.Integer(TokenClassifierSettings.DEFAULT_MAX_TOKENS)
  int getMaxTokens();

  void setMaxTokens(int value);

  @Description("The keep label: an index, or a name from config.json's id2label.")
  @Default.String(TokenClassifierSettings.DEFAULT_KEEP_LABEL)
  String getKeepLabel();

  void setKeepLabel(String value);

  @Description("How subword probabilities become a word's score: MEAN or FIRST.")
  @Default.Enum("MEAN")
  WordScorePooling getWordScore();

  void setWordScore(WordScorePooling value);

  @Description("Accelerator resource hint of the scoring step with device CUDA (Dataflow syntax).")
  @Default.String(ScoreWithTokenClassifier.DEFAULT_ACCELERATOR)
  String getAccelerator();

  void setAccelerator(String value);

  /** The importance scorers. */
  enum ScorerKind {
    NGRAM,
    ONNX
  }

  /** Beam's default-value factory for an empty list. */
  final class EmptyList implements org.apache.beam.sdk.options.DefaultValueFactory<List<String>> {
    @Override
    public List<String> create(PipelineOptions options) {
      return List.of();
    }
  }
}
