package org.cotkit.pipelines.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short hex digest (the first 8 bytes of SHA-256) of a sequence of strings, the same on every
 * JVM and run: derived record ids and file names that a retry reproduces instead of duplicating.
 */
public final class StableHash {

  private StableHash() {}

  /** 16 hex characters digesting {@code parts}, each followed by a newline. */
  public static String of(Iterable<String> parts) {
    MessageDigest digest = sha256();
    for (String part : parts) {
      digest.update(part.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 8);
  }

  /** A new SHA-256 digest, which every JVM has. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
