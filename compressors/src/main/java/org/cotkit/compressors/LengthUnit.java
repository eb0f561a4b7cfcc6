package org.cotkit.compressors;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unit every ratio, length and budget of a run is counted in: whitespace words, or the tokens
 * of a student tokenizer, named by its file and pinned by its SHA-256 so that every worker counts
 * with the very file the run was planned with.
 *
 * @param tokenizerFile absolute path of the {@code tokenizer.json}; null for words
 * @param sha256 the file's SHA-256 in hex; null for words
 */
public record LengthUnit(String tokenizerFile, String sha256) implements Serializable {

  public static final LengthUnit WORDS = new LengthUnit(null, null);

  /** Tokenizer files already checked against their checksum in this JVM: one check, not one per batch. */
  private static final Set<LengthUnit> VERIFIED = ConcurrentHashMap.newKeySet();

  /**
   * The tokens of the tokenizer in {@code file}, checked by loading it once.
   *
   * @throws IllegalArgumentException naming the file when it is missing or not a tokenizer
   */
  public static LengthUnit tokenizer(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      throw new IllegalArgumentException("--tokenizer '" + file + "' is not a file; give the path of a "
          + "Hugging Face tokenizer.json (e.g. the student model's folder/tokenizer.json)");
    }
    LengthUnit unit = new LengthUnit(absolute.toString(), sha256(absolute));
    StudentTokenizer.of(absolute); // loaded now, as the file is now: what this JVM's workers count with
    VERIFIED.add(unit);
    return unit;
  }

  public boolean inWords() {
    return tokenizerFile == null;
  }

  /**
   * A counter in this unit.
   *
   * @throws IllegalStateException when the tokenizer file changed since the run was planned
   */
  public TokenCounter counter() {
    if (inWords()) {
      return new WordCounter();
    }
    Path file = Path.of(tokenizerFile);
    if (!VERIFIED.contains(this)) {
      String now = Files.isRegularFile(file) ? sha256(file) : "missing";
      if (!now.equals(sha256)) {
        throw new IllegalStateException("--tokenizer '" + tokenizerFile + "' is not the file this run was "
            + "planned with (SHA-256 " + sha256 + ", now " + now + "); every worker must see the same file");
      }
      VERIFIED.add(this);
    }
    return StudentTokenizer.of(file);
  }

  /** The unit as the manifest reports it. */
  public Map<String, Object> describe() {
    LinkedHashMap<String, Object> used = new LinkedHashMap<>();
    used.put("length_unit", inWords() ? "words" : "tokens");
    if (!inWords()) {
      used.put("tokenizer", tokenizerFile);
      used.put("tokenizer_sha256", sha256);
    }
    return used;
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new IllegalArgumentException("--tokenizer '" + file + "' cannot be read: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
