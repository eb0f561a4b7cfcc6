package org.cotkit.compressors;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Loading a Hugging Face {@code tokenizer.json} through DJL, offline, and reading its offsets. */
final class HubTokenizers {

  private HubTokenizers() {}

  /**
   * Loads {@code file} as it is: no truncation (long texts are cut into windows by the caller, at
   * word boundaries, or counted whole) and no padding.
   *
   * @throws IOException when the file cannot be read or is not a tokenizer
   */
  static HuggingFaceTokenizer load(Path file) throws IOException {
    preventDownloads();
    return HuggingFaceTokenizer.newInstance(file, Map.of("truncation", "false", "padding", "false"));
  }

  /**
   * The UTF-16 index of each code point of {@code text} (and of its end), or null when the two
   * agree. The tokenizer reports offsets in code points; Java strings index UTF-16 units, which
   * differ after any character outside the BMP.
   */
  static int[] codePointToUtf16(String text) {
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints == text.length()) {
      return null;
    }
    int[] offsets = new int[codePoints + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      offsets[cp++] = i;
    }
    offsets[cp] = text.length();
    return offsets;
  }

  /**
   * DJL's tokenizer binding would otherwise report usage and, on a GPU host, try to download a CUDA
   * build of its native library; cotkit never downloads at run time, and the bundled CPU build is
   * all a tokenizer needs.
   */
  private static void preventDownloads() {
    for (String[] setting : new String[][] {{"OPT_OUT_TRACKING", "true"}, {"RUST_FLAVOR", "cpu"}, {"DJL_OFFLINE", "true"}}) {
      if (System.getenv(setting[0]) == null && System.getProperty(setting[0]) == null) {
        System.setProperty(setting[0], setting[1]);
      }
    }
  }
}
