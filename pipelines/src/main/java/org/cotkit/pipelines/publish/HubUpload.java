package org.cotkit.pipelines.publish;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Uploads a published folder to the Hub with the Hugging Face command line, {@code hf} (or its
 * older name {@code huggingface-cli}), which holds the user's login: cotkit itself never reaches
 * the network nor sees a token. Where neither is installed, the command to run is what there is.
 */
public final class HubUpload {

  /** The command lines looked for on the PATH, in this order: the current name, then the older one. */
  public static final List<String> CLIS = List.of("hf", "huggingface-cli");

  private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[A-Za-z0-9_/.,:=@%+-]+");

  private HubUpload() {}

  /** The first of {@link #CLIS} that is an executable file in a folder of {@code pathVariable}. */
  public static Optional<Path> findCli(String pathVariable) {
    if (pathVariable == null || pathVariable.isEmpty()) {
      return Optional.empty();
    }
    for (String cli : CLIS) {
      for (String folder : pathVariable.split(Pattern.quote(File.pathSeparator))) {
        if (folder.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(folder, cli);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** {@code <cli> upload <repo-id> <folder> . --repo-type dataset}: the whole folder to the repository's root. */
  public static List<String> command(String cli, String repoId, String folder) {
    return List.of(cli, "upload", repoId, folder, ".", "--repo-type", "dataset");
  }

  /** The command as one line a shell takes back. */
  public static String shellLine(List<String> command) {
    List<String> quoted = new ArrayList<>();
    for (String argument : command) {
      quoted.add(PLAIN_ARGUMENT.matcher(argument).matches() ? argument : "'" + argument.replace("'", "'\\''") + "'");
    }
    return String.join(" ", quoted);
  }

  /**
   * Runs the command, passing its output on line by line.
   *
   * @return its exit code
   */
  public static int run(List<String> command, PrintWriter output) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close(); // it must not wait for input: a login prompt fails instead
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.println(line);
        output.flush();
      }
    }
    return process.waitFor();
  }
}
