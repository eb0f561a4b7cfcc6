package org.cotkit.pipelines.publish;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code cotkit publish} was asked to do: the options, each checked here once.
 *
 * @param dataset the SFT dataset folder to publish (compress or build output)
 * @param target the folder to lay the Hub-ready dataset out in ({@code --to})
 * @param repoId the Hub repository, {@code ORG/NAME}; null when not given
 * @param format the training columns of the published configs
 * @param license the card's licence, an SPDX identifier as the Hub spells it (lower case), or {@code other}
 * @param rowsPerFile at most this many rows a Parquet file
 * @param overwrite whether an earlier published folder at {@code target} may be replaced
 * @param commandLine the command line as typed, for the card and the manifest
 */
public record PublishSettings(String dataset, String target, String repoId, PublishFormat format, String license,
    long rowsPerFile, boolean overwrite, List<String> commandLine) {

  /** A Hub repository id: a user or organisation, a slash, a name. */
  private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");

  /** An SPDX-style licence identifier, as the Hub lists them: {@code mit}, {@code apache-2.0}, {@code cc-by-4.0}. */
  private static final Pattern LICENSE = Pattern.compile("[a-z0-9][a-z0-9.+-]*");

  /** @throws IllegalArgumentException naming the option that is wrong */
  public PublishSettings {
    if (repoId != null && !REPO_ID.matcher(repoId).matches()) {
      throw new IllegalArgumentException("--repo-id '" + repoId + "' must be ORG/NAME, e.g. my-org/gsm8k-tokenskip");
    }
    license = license.toLowerCase(Locale.ROOT);
    if (!LICENSE.matcher(license).matches()) {
      throw new IllegalArgumentException("--license '" + license + "' must be a licence identifier such as mit, "
          + "apache-2.0, cc-by-4.0 or other");
    }
    if (rowsPerFile < 1) {
      throw new IllegalArgumentException("--rows-per-file must be at least 1, got " + rowsPerFile);
    }
    commandLine = List.copyOf(commandLine);
  }

  /**
   * The dataset's short name: the repository's name, else the folder's; it prefixes the
   * LLaMA-Factory dataset names, so only letters, digits and underscores.
   */
  public String name() {
    String cleaned = displayName().replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
    return cleaned.isEmpty() ? "cotkit" : cleaned;
  }

  /** The dataset's name as the card shows it: the repository's name, else the folder's. */
  public String displayName() {
    String folder = target.replaceAll("/+$", "");
    return repoId != null ? repoId.substring(repoId.indexOf('/') + 1) : folder.substring(folder.lastIndexOf('/') + 1);
  }
}
