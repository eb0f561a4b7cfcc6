package org.cotkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
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
import org.joda.time.Duration;
import picocli.CommandLine;

/**
 * Runs one cotkit pipeline command the same way for every command: options from the command line
 * and the extra {@code --name=value} Beam options, the pipeline built (so every mistake is a usage
 * error before anything is written), an old dataset refused or cleared, the run, and the summary
 * from the manifest.
 */
final class PipelineJob<T extends TeacherInputOptions> {

  /** How often progress is redrawn on a terminal, and printed as a line in a log. */
  private static final Duration LIVE_INTERVAL = Duration.millis(500);
  private static final Duration LOG_INTERVAL = Duration.standardSeconds(5);

  private final String command;
  private final Class<T> optionsType;
  private final Consumer<T> configure;
  private final BiConsumer<Pipeline, T> build;
  private final Function<T, AutoCloseable> holdForRun;

  /**
   * @param configure copies and validates the command's own options, throwing
   *     IllegalArgumentException naming the option at fault
   * @param build adds the pipeline, throwing IllegalArgumentException naming the option at fault
   * @param holdForRun opens what the run needs checked before it starts and held while it runs
   *     (a scoring model); IllegalArgumentException names the option at fault, IllegalStateException
   *     says why this machine cannot do it
   */
  PipelineJob(String command, Class<T> optionsType, Consumer<T> configure, BiConsumer<Pipeline, T> build,
      Function<T, AutoCloseable> holdForRun) {
    this.command = command;
    this.optionsType = optionsType;
    this.configure = configure;
    this.build = build;
    this.holdForRun = holdForRun;
  }

  PipelineJob(String command, Class<T> optionsType, Consumer<T> configure, BiConsumer<Pipeline, T> build) {
    this(command, optionsType, configure, build, options -> () -> {});
  }

  /** Runs the command; returns its exit code, or throws a ParameterException for bad usage. */
  int run(CommandLine commandLine, TeacherInputArgs io, List<String> beamArgs) {
    PrintWriter err = commandLine.getErr();
    T options;
    Pipeline pipeline;
    AutoCloseable held;
    try {
      options = options(io, beamArgs);
      pipeline = Pipeline.create(options);
      build.accept(pipeline, options); // matches the input: a bad pattern is a usage error
      held = holdForRun.apply(options);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    } catch (IllegalStateException e) {
      err.printf("cotkit %s: %s%n", command, e.getMessage());
      return 2;
    }

    try {
      prepareOutput(options.getOutput(), io.overwrite); // only once nothing else can fail: it may delete files
    } catch (IllegalArgumentException e) {
      release(held);
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    PipelineResult.State state;
    double seconds;
    boolean live = RunProgress.stderrIsTerminal();
    try {
      err.printf("cotkit %s: %s -> %s (runner %s)%n", command, options.getInput(), options.getOutput(), io.runner);
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
    return ManifestSummary.print(options.getOutput(), seconds, err) ? 0 : 1;
  }

  /** The pipeline-option properties cotkit's own option interfaces define (input, ratios, tags, …). */
  private static Set<String> cotkitProperties(Class<?> optionsType) {
    Set<String> properties = new HashSet<>();
    for (Method method : optionsType.getMethods()) {
      String name = method.getName();
      if (method.getDeclaringClass().getPackageName().equals(TeacherInputOptions.class.getPackageName())
          && name.startsWith("get") && name.length() > 3 && method.getParameterCount() == 0) {
        properties.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
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

  private T options(TeacherInputArgs io, List<String> beamArgs) {
    Set<String> ownProperties = cotkitProperties(optionsType);
    for (String arg : beamArgs) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException(
            "unknown argument '" + arg + "'; Beam pipeline options are passed as --name=value");
      }
      String name = arg.substring(2, arg.indexOf('='));
      if (ownProperties.contains(name)) {
        // the command's own option would silently overwrite it
        throw new IllegalArgumentException("--" + name + " is one of cotkit's own settings; set it with the "
            + "command's option (see cotkit " + command + " --help)");
      }
    }
    List<String> args = new ArrayList<>(beamArgs);
    args.addAll(io.runnerArgs(beamArgs));
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
