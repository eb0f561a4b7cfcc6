package org.cotkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the cotkit command line in-process and captures its exit code and stderr. */
record CliRun(int exitCode, String err) {

  static CliRun of(String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = CotkitCommand.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, err.toString());
  }
}
