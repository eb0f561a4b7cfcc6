package org.cotkit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cotkit} command: turns teacher chains of thought into SFT datasets. */
@Command(
    name = "cotkit",
    mixinStandardHelpOptions = true,
    versionProvider = CotkitCommand.Version.class,
    description = "Turns teacher chain-of-thought generations into SFT datasets that teach a student "
        + "LLM to reason on a budget.",
    subcommands = {CompressCommand.class, LabelCommand.class, BuildCommand.class, VerifyCommand.class,
        PublishCommand.class, StatsCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the run failed (one line says why; nothing was published)",
        "2:bad usage or options", "3:out of memory (the launcher says how to give the JVM more)",
        "143:stopped by Ctrl-C or SIGTERM; nothing was published"})
public final class CotkitCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. 'cotkit compress'");
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new CotkitCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(CotkitCommand::usageError)
        .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
          commandLine.getErr().println("cotkit: " + firstLine(e));
          return 1;
        });
  }

  /**
   * A usage error: its one line and where the options are explained, not the whole usage, which
   * would bury the line under a hundred others.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.printf("Try '%s --help' for the options.%n", commandLine.getCommandSpec().qualifiedName());
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  static String firstLine(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && (cause.getMessage() == null || cause.getMessage().startsWith(cause.getCause().getClass().getName()))) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = CotkitCommand.class.getPackage().getImplementationVersion();
      return new String[] {"cotkit " + (version == null ? "(development build)" : version)};
    }
  }
}
