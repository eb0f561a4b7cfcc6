package org.cotkit.cli;

import java.nio.file.Path;
import org.cotkit.compressors.LengthUnit;
import picocli.CommandLine.Option;

/** The unit of every ratio, length and budget, shared by {@code compress}, {@code label} and {@code build}. */
final class LengthArgs {

  @Option(names = "--tokenizer", paramLabel = "TOKENIZER_JSON",
      description = "Count lengths in the student's tokens: a Hugging Face tokenizer.json (e.g. the student "
          + "model's), read offline. Ratios (the kept share of tokens reaches γ), cot_tokens, kept_tokens, "
          + "the length policy's threshold and token budgets are then in its tokens; words are still kept or "
          + "dropped whole. The manifest records the file and its SHA-256. Default: whitespace words.")
  Path tokenizer;

  /**
   * The unit, with the tokenizer loaded once to check it.
   *
   * @throws IllegalArgumentException naming the file when it is not a tokenizer
   */
  LengthUnit unit() {
    return tokenizer == null ? LengthUnit.WORDS : LengthUnit.tokenizer(tokenizer);
  }
}
