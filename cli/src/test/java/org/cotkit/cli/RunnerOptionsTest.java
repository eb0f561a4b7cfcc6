package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code --runner}, {@code --flink-master} and {@code --parallelism}, and the Beam options they become. */
class RunnerOptionsTest {

  @TempDir Path dir;

  private static TeacherInputArgs parse(String... args) {
    TeacherInputArgs io = new TeacherInputArgs();
    new CommandLine(io).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    return io;
  }

  private static List<String> runnerArgs(List<String> beamArgs, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(new String[] {"--input", "in.jsonl", "--output", "out"}, 0, all, 0, 4);
    System.arraycopy(args, 0, all, 4, args.length);
    return parse(all).runnerArgs(beamArgs);
  }

  @Test
  void directRunnerByDefaultWithItsThreadsFromParallelism() {
    assertEquals(List.of("--runner=DirectRunner"), runnerArgs(List.of()));
    assertEquals(List.of("--runner=DirectRunner", "--targetParallelism=4"), runnerArgs(List.of(), "--parallelism", "4"));
  }

  @Test
  void flinkRunsEmbeddedByDefaultWithoutCopyingElements() {
    assertEquals(List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--fasterCopy=true"),
        runnerArgs(List.of(), "--runner", "FlinkRunner"));
    assertEquals(List.of("--runner=flink", "--flinkMaster=jobmanager:8081", "--fasterCopy=true", "--parallelism=8"),
        runnerArgs(List.of(), "--runner", "flink", "--flink-master", "jobmanager:8081", "--parallelism", "8"));
  }

  @Test
  void theBeamFormOfAnOptionWinsOverADefault() {
    assertEquals(List.of("--runner=FlinkRunner"),
        runnerArgs(List.of("--flinkMaster=host:1", "--fasterCopy=false"), "--runner", "FlinkRunner"));
  }

  @Test
  void sayingTheSameTwiceIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> runnerArgs(List.of("--targetParallelism=2"), "--parallelism", "4"));
    assertEquals("give --parallelism or --targetParallelism=…, not both", e.getMessage());
  }

  /** The runner options' Beam forms reach the runner options' own check, not the settings' refusal. */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "--parallelism,4,--targetParallelism=2;give --parallelism or --targetParallelism=…, not both",
      "--runner,FlinkRunner,--flink-master,[local],--flinkMaster=host:1;give --flink-master or --flinkMaster=…, not both"})
  void aRunnerOptionGivenBothWaysIsRefusedByName(String args, String message) {
    List<String> command = new ArrayList<>(List.of("compress", "--input", CompressCommandTest.SAMPLE.toString(),
        "--output", dir.resolve("o").toString()));
    command.addAll(List.of(args.split(",")));
    CliRun run = CliRun.of(command.toArray(String[]::new));
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith(message), run.err());
  }

  @Test
  void flinkMasterWithAnotherRunnerIsAUsageError() {
    CliRun run = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(),
        "--output", dir.resolve("o").toString(), "--flink-master", "[local]");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--flink-master applies to --runner FlinkRunner, not DirectRunner"), run.err());
  }

  @Test
  void parallelismMustBePositiveAndKnownToTheRunner() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> runnerArgs(List.of(), "--parallelism", "0"));
    assertEquals("--parallelism must be at least 1, got 0", zero.getMessage());
    IllegalArgumentException dataflow = assertThrows(IllegalArgumentException.class,
        () -> runnerArgs(List.of(), "--runner", "DataflowRunner", "--parallelism", "4"));
    assertTrue(dataflow.getMessage().startsWith("--parallelism applies to DirectRunner and FlinkRunner"),
        dataflow.getMessage());
  }

  /** A cotkit option in Beam's --camelCase=value form would be lost on Beam; it is a usage error. */
  @ParameterizedTest
  @CsvSource({"build,--validationFraction=0.5", "build,--tagPosition=completion", "label,--outputFormat=parquet",
      "label,--passRateThreshold=0.5", "compress,--recordsPerBatch=10"})
  void aCotkitOptionInBeamFormIsRefused(String command, String beamForm) {
    CliRun run = CliRun.of(command, "--input", CompressCommandTest.SAMPLE.toString(),
        "--output", dir.resolve("o").toString(), beamForm);
    assertEquals(2, run.exitCode(), run.err());
    String name = beamForm.substring(0, beamForm.indexOf('='));
    assertTrue(run.err().startsWith(name + " is one of cotkit's own settings; set it with the command's option "
        + "(see cotkit " + command + " --help)"), run.err());
  }

  @Test
  void parallelismDrivesTheDirectRunnersThreads() {
    CliRun run = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(),
        "--output", dir.resolve("o").toString(), "--parallelism", "1", "--quiet");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("records written   200"), run.err());
  }
}
