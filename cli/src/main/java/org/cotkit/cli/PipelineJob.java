package org.cotkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.cotkit.pipelines.manifest.WriteManifest;
import org.cotkit.pipelines.record.InputSettings;
import org.cotkit.pipelines.shape.DirectRunnerTuning;
import org.joda.time.Duration;
import picocli.CommandLine;

/**
 * Runs one cotkit pipeline command the same way for every command: the command's settings from its
 * options, Beam's runner options from the extra {@code --name=value} options, the pipeline built
 * (so every mistake is a usage error before anything is written), an old dataset refused or
 * cleared, the run, and the summary from the manifest.
 *
 * @param <S> the command's settings
 */
final class PipelineJob<S> {

  /** How often progress is redrawn on a terminal, and printed as a line in a log. */
  private static final Duration LIVE_INTERVAL = Duration.millis(500);
  private static final Duration LOG_INTERVAL = Duration.standardSeconds(5);

  private final String command;
  private final Supplier<S> settings;
  private final Function<S, InputSettings> input;
  private final BiConsumer<Pipeline, S> build;
  private final Function<S, AutoCloseable> holdForRun;

  /**
   * @param settings validates the command's options into its settings, throwing
   *     IllegalArgumentException naming the option at fault
   * @param input the input and output part of the settings
   * @param build adds the pipeline, throwing IllegalArgumentException naming the option at fault
   * @param holdForRun opens what the run needs checked before it starts and held while it runs
   *     (a scoring model); IllegalArgumentException names the option at fault, IllegalStateException
   *     says why this machine cannot do it
   */
  PipelineJob(String command, Supplier<S> settings, Function<S, InputSettings> input, BiConsumer<Pipeline, S> build,
      Function<S, AutoCloseable> holdForRun) {
    this.command = command;
    this.settings = settings;
    this.input = input;
    this.build = build;
    this.holdForRun = holdForRun;
  }

  PipelineJob(String command, Supplier<S> settings, Function<S, InputSettings> input, BiConsumer<Pipeline, S> build) {
    this(command, settings, input, build, s -> () -> {});
  }

  /** Runs the command; returns its exit code, or throws a ParameterException for bad usage. */
  int run(CommandLine commandLine, TeacherInputArgs io, List<String> beamArgs) {
    PrintWriter err = commandLine.getErr();
    S commandSettings;
    InputSettings inputSettings;
    Pipeline pipeline;
    AutoCloseable held;
    try {
      commandSettings = settings.get();
      inputSettings = input.apply(commandSettings);
      pipeline = Pipeline.create(runnerOptions(commandLine, io, beamArgs));
      build.accept(pipeline, commandSettings); // matches the input: a bad pattern is a usage error
      held = holdForRun.apply(commandSettings);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    } catch (IllegalStateException e) {
      err.printf("cotkit %s: %s%n", command, e.getMessage());
      return 2;
    }

    try {
      prepareOutput(inputSettings.output(), io.overwrite); // only once nothing else can fail: it may delete files
    } catch (IllegalArgumentException e) {
      release(held);
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    PipelineResult.State state;
    double seconds;
    boolean live = RunProgress.stderrIsTerminal();
    try {
      err.printf("cotkit %s: %s -> %s (runner %s)%n", command, inputSettings.input(), inputSettings.output(), io.runner);
      err.flush();
      long start = System.nanoTime();
      PipelineResult result = pipeline.run();
      state = io.quiet
          ? result.waitUntilFinish()
          : new RunProgress(err, live, live ? LIVE_INTERVAL : LOG_INTERVAL, start).waitShowingProgress(result);
      seconds = (System.nanoTime() - start) / 1e9;
    } finally {
      release(held);
    }
    if (state != PipelineResult.State.DONE) {
      err.printf("cotkit %s: pipeline ended %s after %.1f s%n", command, state, seconds);
      return 1;
    }
    return ManifestSummary.print(inputSettings.output(), seconds, err) ? 0 : 1;
  }

  /**
   * The Beam property names of the command's own options ({@code --model-dir} is {@code modelDir}),
   * which a {@code --name=value} Beam option must not repeat.
   */
  private static Set<String> ownProperties(CommandLine commandLine) {
    Set<String> properties = new HashSet<>();
    for (CommandLine.Model.OptionSpec option : commandLine.getCommandSpec().options()) {
      if (TeacherInputArgs.RUNNER_OPTIONS.contains(option.longestName())) {
        continue; // turned into Beam's own options, which runnerArgs checks against the extra ones
      }
      for (String name : option.names()) {
        if (name.startsWith("--")) {
          StringBuilder camel = new StringBuilder();
          boolean upper = false;
          for (char c : name.substring(2).toCharArray()) {
            if (c == '-') {
              upper = true;
            } else {
              camel.append(upper ? Character.toUpperCase(c) : c);
              upper = false;
            }
          }
          properties.add(camel.toString());
        }
      }
    }
    return properties;
  }

  private static void release(AutoCloseable held) {
    try {
      held.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot release what the run held: " + e.getMessage(), e);
    }
  }

  /** Beam's options: the runner and its settings, from cotkit's runner options and the extra ones. */
  private PipelineOptions runnerOptions(CommandLine commandLine, TeacherInputArgs io, List<String> beamArgs) {
    Set<String> ownProperties = ownProperties(commandLine);
    for (String arg : beamArgs) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException(
            "unknown argument '" + arg + "'; Beam pipeline options are passed as --name=value");
      }
      String name = arg.substring(2, arg.indexOf('='));
      if (ownProperties.contains(name)) {
        throw new IllegalArgumentException("--" + name + " is one of cotkit's own settings; set it with the "
            + "command's option (see cotkit " + command + " --help)");
      }
    }
    List<String> args = new ArrayList<>(beamArgs);
    args.addAll(io.runnerArgs(beamArgs));
    PipelineOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).create();
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
