package org.cotkit.cli;

import java.io.PrintWriter;

/**
 * Stops a run whose launcher is gone. The launcher script runs the JVM as its child (so that it can
 * explain an out-of-memory exit); a {@code kill -9} of the script cannot be passed on, and the
 * orphaned JVM would otherwise run on and publish a dataset nobody waits for. The script names
 * itself in {@code COTKIT_LAUNCHER_PID}; once that process is gone, the JVM exits as on SIGTERM,
 * through {@link RunStop}, publishing nothing.
 */
final class LauncherWatch {

  static final String PID_VARIABLE = "COTKIT_LAUNCHER_PID";
  private static final long POLL_MILLIS = 500;

  private LauncherWatch() {}

  /** Starts watching when the launcher named itself; returns at once. */
  static void start(String command, PrintWriter err) {
    String pid = System.getenv(PID_VARIABLE);
    if (pid == null || !pid.matches("\\d+")) {
      return;
    }
    ProcessHandle launcher = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
    if (launcher == null || ProcessHandle.current().parent().map(p -> p.pid() != launcher.pid()).orElse(true)) {
      return; // not started by that launcher (the variable was inherited): nothing to watch
    }
    Thread watch = new Thread(() -> {
      while (launcher.isAlive()) {
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
      err.printf("%ncotkit %s: the launcher (pid %s) was killed; stopping%n", command, pid);
      err.flush();
      System.exit(PipelineJob.STOPPED);
    }, "cotkit-launcher-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
