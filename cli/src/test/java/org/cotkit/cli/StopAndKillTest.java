package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user's run does when it is killed, stopped, starved of memory or raced: the real launcher
 * script ({@code ./cotkit}) runs the CLI from this module's classes (COTKIT_CLASSPATH) in a child
 * JVM, on an input large enough that a run lasts well beyond the moment it is interrupted. A run
 * that does not finish must publish nothing and leave no partial dataset at --output, an earlier
 * dataset there must stay byte for byte, and the next run must clean up after it.
 */
class StopAndKillTest {

  static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("cotkit");
  static final Path SAMPLE = Path.of("..", "samples", "gsm8k-teacher.jsonl").toAbsolutePath().normalize();
  static final Path GSM8K_TRAIN = Path.of("..", "testdata", "gsm8k", "train.jsonl").toAbsolutePath().normalize();
  /**
   * Copies of GSM8K train in the big input: about 30,000 records, a run of 15 s or more on 2 cores,
   * of which the last several seconds write data files (the corpus pass comes first).
   */
  static final int COPIES = 4;
  /** Generous: these machines are shared, and a JVM on a loaded 2-core machine starts slowly. */
  static final Duration STAGED_DATA_TIMEOUT = Duration.ofSeconds(180);
  static final Duration RUN_TIMEOUT = Duration.ofSeconds(300);
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path bigInput;
  /** A few records, for the runs that only need to finish: a rerun, an earlier dataset. */
  static Path smallInput;

  private final List<Process> started = new ArrayList<>();

  /** A launcher run: the process and where its stdout and stderr go. */
  record Launched(Process process, Path stdout, Path stderr) {
    String err() throws IOException {
      return Files.readString(stderr);
    }
  }

  @BeforeAll
  static void writeBigInput() throws IOException {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    assumeTrue(os.contains("linux") || os.contains("mac"), "the launcher is a bash script for Linux and macOS");
    assumeTrue(onPath("bash"), "bash is not installed");
    assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is not an executable file");
    // distinct questions, so that every copy is a record of its own (ids are hashes of the question)
    smallInput = dir.resolve("small.jsonl");
    Files.write(smallInput, Files.readAllLines(SAMPLE).subList(0, 20));
    List<String> train = Files.readAllLines(GSM8K_TRAIN);
    bigInput = dir.resolve("gsm8k-x" + COPIES + ".jsonl");
    try (BufferedWriter out = Files.newBufferedWriter(bigInput, StandardCharsets.UTF_8)) {
      for (int copy = 0; copy < COPIES; copy++) {
        for (String line : train) {
          ObjectNode record = (ObjectNode) JSON.readTree(line);
          if (copy > 0) {
            record.put("question", record.get("question").asText() + " (copy " + copy + ")");
          }
          out.write(JSON.writeValueAsString(record));
          out.write('\n');
        }
      }
    }
  }

  @AfterEach
  void destroyWhatWasStarted() throws InterruptedException {
    for (Process process : started) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aKilledRunLeavesNoDatasetAndTheNextRunRemovesWhatItLeft() throws Exception {
    Path target = dir.resolve("killed");
    Launched run = launchBigCompress(target);
    Path staging = awaitStagedData(target, run);
    killJvm(run);

    assertFalse(Files.exists(target), "a killed run published " + target);
    assertTrue(Files.isDirectory(staging), "kill -9 gives the run no chance to clean up: its staging folder stays");
    CliRun rerun = CliRun.of("compress", "--input", smallInput.toString(), "--output", target.toString(), "--quiet");
    assertEquals(0, rerun.exitCode(), rerun.err());
    assertTrue(rerun.err().contains("cotkit compress: removed " + staging + ", left by an earlier run that did not "
        + "finish"), rerun.err());
    assertEquals(List.of(), leftovers(target));
    assertVerifies(target);
    assertEquals(smallInput.toString(), manifest(target).at("/inputs/0/path").asText());
  }

  @Test
  void sigtermStopsTheRunWithinSecondsAndRemovesItsStagingFolder() throws Exception {
    Path target = dir.resolve("stopped");
    Launched run = launchBigCompress(target);
    awaitStagedData(target, run);
    ProcessHandle jvm = jvmOf(run);

    run.process().destroy(); // SIGTERM to the launcher, which passes it on to the JVM
    assertTrue(run.process().waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIGTERM");
    assertEquals(143, run.process().exitValue(), run.err());
    assertTrue(run.err().contains("cotkit compress: stopped (Ctrl-C or SIGTERM); nothing was published to " + target),
        run.err());
    assertTrue(jvm.onExit().get(10, TimeUnit.SECONDS) != null && !jvm.isAlive(), "the JVM outlived its launcher");
    assertFalse(Files.exists(target), "a stopped run published " + target);
    assertEquals(List.of(), leftovers(target), "the stop removes its staging folder");
  }

  /**
   * kill -9 of the launcher script cannot be passed on to its JVM; the JVM notices its launcher is
   * gone and stops as on SIGTERM, instead of running on, orphaned, and publishing.
   */
  @Test
  void aKilledLauncherStopsItsJvmAndPublishesNothing() throws Exception {
    Path target = dir.resolve("orphaned");
    Launched run = launchBigCompress(target);
    awaitStagedData(target, run);
    ProcessHandle jvm = jvmOf(run);

    run.process().destroyForcibly(); // SIGKILL to the launcher alone
    jvm.onExit().get(15, TimeUnit.SECONDS);
    assertFalse(jvm.isAlive(), "the orphaned JVM ran on");
    assertTrue(run.err().contains("the launcher (pid " + run.process().pid() + ") was killed; stopping"), run.err());
    assertFalse(Files.exists(target), "an orphaned run published " + target);
    assertEquals(List.of(), leftovers(target), "the stop removes its staging folder");
  }

  @Test
  void anEarlierDatasetStaysByteIdenticalWhenAnOverwriteRunIsKilled() throws Exception {
    Path target = dir.resolve("earlier");
    CliRun earlier = CliRun.of("compress", "--input", smallInput.toString(), "--output", target.toString(), "--quiet");
    assertEquals(0, earlier.exitCode(), earlier.err());
    Map<String, String> before = checksums(target);

    Launched run = launchBigCompress(target, "--overwrite");
    awaitStagedData(target, run);
    killJvm(run);

    assertEquals(before, checksums(target), "the earlier dataset changed");
    assertVerifies(target);
  }

  @Test
  void runningOutOfHeapExitsWithCode3AndSaysHowToGiveItMore() throws Exception {
    Path target = dir.resolve("starved");
    // 30,000 records in one batch cannot fit in 48 MiB; the JVM itself and picocli still start in it
    Launched run = launch(Map.of("JAVA_OPTS", "-Xmx48m"), "compress", "--input", bigInput.toString(),
        "--output", target.toString(), "--preset", "gsm8k", "--records-per-batch", "50000");
    assertTrue(run.process().waitFor(60, TimeUnit.SECONDS), "an out-of-memory run must end, not spin in GC");
    String err = run.err();
    assertEquals(3, run.process().exitValue(), err);
    assertTrue(err.contains("cotkit: out of memory: the Java heap (-Xmx48m) is full"), err);
    assertTrue(err.contains("JAVA_OPTS="), err);
    assertFalse(Files.exists(target), "a run out of memory published " + target);
  }

  @Test
  void aSecondRunIntoTheSameFolderIsRefusedAtOnceNamingTheFirst() throws Exception {
    Path target = dir.resolve("contended");
    Launched first = launchBigCompress(target, "--quiet");
    awaitStaging(target, first, STAGED_DATA_TIMEOUT); // created once the lock is held
    long firstPid = jvmOf(first).pid();

    long start = System.nanoTime();
    Launched second = launch(Map.of(), "compress", "--input", smallInput.toString(), "--output", target.toString());
    assertTrue(second.process().waitFor(60, TimeUnit.SECONDS), "the second run waited for the lock");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(1, second.process().exitValue(), second.err());
    assertTrue(second.err().contains("is being written by another cotkit run (pid " + firstPid + " "), second.err());
    assertTrue(first.process().isAlive(), "the first run ended before the second was refused: the test proves nothing");
    // it starts a JVM and builds its pipeline (seconds on a loaded machine), but does not wait for the first run
    assertTrue(seconds < 30, "refused after " + seconds + " s");

    assertTrue(first.process().waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the first run did not finish");
    assertEquals(0, first.process().exitValue(), first.err());
    assertVerifies(target);
    assertEquals(bigInput.toString(), manifest(target).at("/inputs/0/path").asText());
    assertEquals(List.of(), leftovers(target));
  }

  // --- helpers ---

  /** Starts a compress of the big input into {@code target}, long enough to be interrupted. */
  Launched launchBigCompress(Path target, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("compress", "--input", bigInput.toString(), "--output",
        target.toString(), "--preset", "gsm8k"));
    args.addAll(List.of(extra));
    return launch(Map.of(), args.toArray(String[]::new));
  }

  /** Starts the launcher with the CLI on this module's test class path; JAVA_OPTS only as given. */
  Launched launch(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    Path logs = Files.createTempDirectory(dir, "launch");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(logs.resolve("stdout").toFile())
        .redirectError(logs.resolve("stderr").toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("COTKIT_CLASSPATH", System.getProperty("java.class.path"));
    builder.environment().putAll(env);
    Process process = builder.start();
    started.add(process);
    return new Launched(process, logs.resolve("stdout"), logs.resolve("stderr"));
  }

  /** The launcher's JVM: its child running java. */
  static ProcessHandle jvmOf(Launched run) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> jvm = run.process().children()
          .filter(child -> child.info().command().map(c -> c.endsWith("/java") || c.equals("java")).orElse(false))
          .findFirst();
      if (jvm.isPresent()) {
        return jvm.get();
      }
      assertTrue(run.process().isAlive(), "the launcher ended: " + run.err());
      Thread.sleep(50);
    }
    return fail("the launcher started no java process: " + run.err());
  }

  /** SIGKILL to the JVM (as the OOM killer or kill -9 would), then waits for the launcher to end. */
  static void killJvm(Launched run) throws Exception {
    ProcessHandle jvm = jvmOf(run);
    assertTrue(jvm.destroyForcibly(), "cannot send SIGKILL to " + jvm.pid());
    jvm.onExit().get(30, TimeUnit.SECONDS);
    assertTrue(run.process().waitFor(30, TimeUnit.SECONDS), "the launcher outlived its JVM");
    assertEquals(128 + 9, run.process().exitValue(), "the launcher passes on the JVM's end: " + run.err());
  }

  /** Waits until the run's staging folder holds a file under data/<split>/: it is mid-way, writing rows. */
  static Path awaitStagedData(Path target, Launched run) throws Exception {
    long deadline = System.nanoTime() + STAGED_DATA_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (Path staging : leftovers(target)) {
        Path data = staging.resolve("data");
        if (Files.isDirectory(data)) {
          try (Stream<Path> files = Files.walk(data)) {
            if (files.anyMatch(Files::isRegularFile)) {
              assertTrue(run.process().isAlive(), "the run finished before it could be interrupted: " + run.err());
              return staging;
            }
          } catch (IOException | UncheckedIOException e) {
            // the folder went away this instant: look again
          }
        }
      }
      assertTrue(run.process().isAlive(), "the run ended before it wrote data: " + run.err());
      Thread.sleep(50);
    }
    return fail("no data in the staging folder of " + target + " after " + STAGED_DATA_TIMEOUT + ": " + run.err());
  }

  /** Waits until the run's staging folder exists. */
  static Path awaitStaging(Path target, Launched run, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Path> staging = leftovers(target);
      if (!staging.isEmpty()) {
        return staging.get(0);
      }
      assertTrue(run.process().isAlive(), "the run ended before it staged: " + run.err());
      Thread.sleep(50);
    }
    return fail("no staging folder beside " + target + " after " + timeout + ": " + run.err());
  }

  /** The staging and old folders of runs on {@code target}: {@code .<name>.cotkit-staging-*} and {@code -old-*}. */
  static List<Path> leftovers(Path target) throws IOException {
    List<Path> found = new ArrayList<>();
    String name = target.getFileName().toString();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(),
        "." + name + ".cotkit-{staging,old}-*")) {
      siblings.forEach(found::add);
    }
    found.sort(null);
    return found;
  }

  static void assertVerifies(Path dataset) {
    CliRun verified = CliRun.of("verify", dataset.toString());
    assertEquals(0, verified.exitCode(), verified.err());
    assertTrue(verified.out().contains(": OK: "), verified.out());
  }

  static JsonNode manifest(Path dataset) throws IOException {
    return JSON.readTree(dataset.resolve("manifest.json").toFile());
  }

  /** Every file under {@code folder}, the manifest included, by relative path → SHA-256. */
  static Map<String, String> checksums(Path folder) throws Exception {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        sums.put(folder.relativize(file).toString(), HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file))));
      }
    }
    return sums;
  }

  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(":")).anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
  }
}
