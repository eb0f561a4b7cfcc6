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
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.cotkit.pipelines.output.OutputLock;
import org.cotkit.pipelines.output.StagedOutput;
import org.cotkit.pipelines.record.InputSettings;
import org.cotkit.pipelines.shape.DirectRunnerTuning;
import org.joda.time.Duration;
import picocli.CommandLine;

/**
 * Runs one cotkit pipeline command the same way for every command: the command's settings from its
 * options, Beam's runner options from the extra {@code --name=value} options, the pipeline built
 * (so every mistake is a usage error before anything is written), the output's lock and staging
 * folder ({@link StagedOutput}), the run into the staging folder, its publication to
 * {@code --output} once it succeeded, and the summary from the manifest. A run that fails or is
 * stopped publishes nothing and says so in one line.
 *
 * @param <S> the command's settings
 */
final class PipelineJob<S> {

  /** How often progress is redrawn on a terminal, and printed as a line in a log. */
  private static final Duration LIVE_INTERVAL = Duration.millis(500);
  private static final Duration LOG_INTERVAL = Duration.standardSeconds(5);

  /** The exit code of a run stopped by Ctrl-C or SIGTERM, as a shell reports a process SIGTERM ended. */
  static final int STOPPED = 143;

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
    String target = io.target();
    String runId = StagedOutput.newRunId();
    List<String> typed = new ArrayList<>();
    typed.add("cotkit");
    typed.addAll(commandLine.getParseResult().originalArgs());
    io.writeInto(StagedOutput.stagingFolder(target, runId), typed);
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

    StagedOutput staged;
    try {
      staged = StagedOutput.open(target, runId, io.overwrite, command); // only once nothing else can fail
    } catch (IllegalArgumentException e) {
      release(held);
      err.printf("cotkit %s: %s%n", command, e.getMessage()); // the folder, not the option's form, is at fault
      return 2;
    } catch (IllegalStateException | IOException e) {
      release(held);
      err.printf("cotkit %s: %s%n", command, e.getMessage());
      return 1;
    }
    for (String leftover : staged.removedLeftovers()) {
      err.printf("cotkit %s: removed %s, left by an earlier run that did not finish%n", command, leftover);
    }
    RunStop stop = new RunStop(command, staged, err);
    Runtime.getRuntime().addShutdownHook(stop);
    LauncherWatch.start(command, err);
    try {
      return runAndPublish(pipeline, inputSettings, io, staged, stop, typed, err);
    } finally {
      release(held);
      stop.disarm();
      try {
        staged.close();
      } catch (IOException e) {
        err.printf("cotkit %s: cannot release the lock %s: %s%n", command, OutputLock.lockFile(target), e.getMessage());
      }
    }
  }

  /** Runs the pipeline into the staging folder and publishes it; returns the exit code. */
  private int runAndPublish(Pipeline pipeline, InputSettings inputSettings, TeacherInputArgs io, StagedOutput staged,
      RunStop stop, List<String> typed, PrintWriter err) {
    PipelineResult.State state;
    double seconds;
    boolean live = RunProgress.stderrIsTerminal();
    try {
      err.printf("cotkit %s: %s -> %s (runner %s)%n", command, inputSettings.input(), staged.target(), io.runner);
      err.flush();
      long start = System.nanoTime();
      PipelineResult result = pipeline.run();
      stop.watch(result);
      state = io.quiet
          ? result.waitUntilFinish()
          : new RunProgress(err, live, live ? LIVE_INTERVAL : LOG_INTERVAL, start).waitShowingProgress(result);
      seconds = (System.nanoTime() - start) / 1e9;
    } catch (RuntimeException | Error e) {
      return stop.stopping() ? STOPPED : failed(staged, e, typed, err);
    }
    if (stop.stopping()) {
      return STOPPED;
    }
    if (state != PipelineResult.State.DONE) {
      return failed(staged, new IllegalStateException("the pipeline ended " + state), typed, err);
    }
    synchronized (stop) {
      if (stop.stopping()) {
        return STOPPED;
      }
      try {
        staged.publish();
        stop.published();
      } catch (IOException | IllegalArgumentException e) {
        err.printf("cotkit %s: the run finished but cannot be published to %s: %s; the complete dataset stays in %s%n",
            command, staged.target(), e.getMessage(), staged.staging());
        return 1;
      }
    }
    return ManifestSummary.print(staged.target(), seconds, err) ? 0 : 1;
  }

  /** One line for a run that failed: why, what to do, and where the trace is; nothing is published. */
  private int failed(StagedOutput staged, Throwable failure, List<String> typed, PrintWriter err) {
    String log = staged.fail(failure, typed);
    String where = log == null ? "" : "; full trace in " + log;
    if (outOfMemory(failure)) {
      err.printf("cotkit %s: out of memory: the Java heap (at most %,d MiB) is full; give it more with JAVA_OPTS, "
          + "e.g. JAVA_OPTS=-Xmx8g, or lower --records-per-batch; nothing was published to %s%s%n", command,
          Runtime.getRuntime().maxMemory() >> 20, staged.target(), where);
    } else {
      err.printf("cotkit %s: the run failed: %s; nothing was published to %s%s%n", command,
          CotkitCommand.firstLine(failure), staged.target(), where);
    }
    return 1;
  }

  private static boolean outOfMemory(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
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
}
