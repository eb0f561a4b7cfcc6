package org.cotkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.cotkit.pipelines.DirectRunnerTuning;
import org.cotkit.pipelines.TeacherInputOptions;
import org.cotkit.pipelines.WriteManifest;
import picocli.CommandLine;

/**
 * Runs one cotkit pipeline command the same way for every command: options from the command line
 * and the extra {@code --name=value} Beam options, the pipeline built (so every mistake is a usage
 * error before anything is written), an old dataset refused or cleared, the run, and the summary
 * from the manifest.
 */
final class PipelineJob<T extends TeacherInputOptions> {

  private final String command;
  private final Class<T> optionsType;
  private final Consumer<T> configure;
  private final BiConsumer<Pipeline, T> build;

  /**
   * @param configure copies and validates the command's own options, throwing
   *     IllegalArgumentException naming the option at fault
   * @param build adds the pipeline, throwing IllegalArgumentException naming the option at fault
   */
  PipelineJob(String command, Class<T> optionsType, Consumer<T> configure, BiConsumer<Pipeline, T> build) {
    this.command = command;
    this.optionsType = optionsType;
    this.configure = configure;
    this.build = build;
  }

  /** Runs the command; returns its exit code, or throws a ParameterException for bad usage. */
  int run(CommandLine commandLine, TeacherInputArgs io, List<String> beamArgs) {
    PrintWriter err = commandLine.getErr();
    T options;
    Pipeline pipeline;
    try {
      options = options(io, beamArgs);
      pipeline = Pipeline.create(options);
      build.accept(pipeline, options); // matches the input: a bad pattern is a usage error
      prepareOutput(options.getOutput(), io.overwrite); // only once nothing else can fail: it may delete files
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }

    err.printf("cotkit %s: %s -> %s (runner %s)%n", command, options.getInput(), options.getOutput(), io.runner);
    err.flush();
    long start = System.nanoTime();
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (state != PipelineResult.State.DONE) {
      err.printf("cotkit %s: pipeline ended %s after %.1f s%n", command, state, seconds);
      return 1;
    }
    return ManifestSummary.print(options.getOutput(), seconds, err) ? 0 : 1;
  }

  private T options(TeacherInputArgs io, List<String> beamArgs) {
    for (String arg : beamArgs) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException(
            "unknown argument '" + arg + "'; Beam pipeline options are passed as --name=value");
      }
    }
    List<String> args = new ArrayList<>(beamArgs);
    args.add("--runner=" + io.runner);
    T options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(optionsType);
    io.applyTo(options);
    configure.accept(options);
    options.setJobName("cotkit-" + command);
    DirectRunnerTuning.apply(options, beamArgs);
    FileSystems.setDefaultPipelineOptions(options);
    return options;
  }

  /**
   * Refuses to mix a new dataset into an old one, unless --overwrite deletes the old one's files
   * first. Works on any file system Beam knows, local or remote.
   */
  private static void prepareOutput(String directory, boolean overwrite) {
    List<ResourceId> previous = new ArrayList<>();
    try {
      for (String spec : List.of(directory + "/" + WriteManifest.FILE_NAME, directory + "/data/*", directory + "/errors/*")) {
        for (MatchResult.Metadata file : FileSystems.match(spec, EmptyMatchTreatment.ALLOW).metadata()) {
          previous.add(file.resourceId());
        }
      }
      if (previous.isEmpty()) {
        return;
      }
      if (!overwrite) {
        throw new IllegalArgumentException(
            "--output '" + directory + "' already holds a dataset (" + previous.get(0) + "); pass --overwrite to replace it");
      }
      FileSystems.delete(previous, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      throw new IllegalArgumentException("--output '" + directory + "' cannot be listed or cleared: " + e.getMessage());
    }
  }
}
