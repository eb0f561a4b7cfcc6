package org.cotkit.cli;

import java.io.PrintWriter;
import org.apache.beam.sdk.PipelineResult;
import org.cotkit.pipelines.output.StagedOutput;

/**
 * What Ctrl-C or SIGTERM does to a run, as a shutdown hook: cancels the pipeline, removes the
 * staging folder and releases the output's lock, so the run stops within seconds and leaves no
 * partial dataset; an earlier dataset at the target stays as it was. A run that is publishing
 * finishes publishing first (it takes a rename).
 */
final class RunStop extends Thread {

  /** How long a stop waits for the runner to cancel before it removes the staging folder anyway. */
  private static final long CANCEL_WAIT_MILLIS = 2_000;

  private final String command;
  private final StagedOutput staged;
  private final PrintWriter err;
  private volatile PipelineResult result;
  private volatile boolean stopping;
  private boolean published;

  RunStop(String command, StagedOutput staged, PrintWriter err) {
    super("cotkit-stop");
    this.command = command;
    this.staged = staged;
    this.err = err;
  }

  /** The running pipeline, to cancel on a stop. */
  void watch(PipelineResult running) {
    this.result = running;
  }

  /** Whether a stop has begun: the JVM is exiting, and the run must neither publish nor report. */
  boolean stopping() {
    return stopping;
  }

  /** Called, holding this object's monitor, once the dataset is in place: a stop then only exits. */
  void published() {
    published = true;
  }

  /** No stop once the run ended by itself. */
  void disarm() {
    try {
      Runtime.getRuntime().removeShutdownHook(this);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: this hook is running or has run
    }
  }

  @Override
  public void run() {
    stopping = true;
    synchronized (this) {
      if (published) {
        return;
      }
      cancel();
      staged.discard();
      try {
        staged.close();
      } catch (Exception e) {
        // the operating system releases a local lock as the process ends
      }
      err.printf("%ncotkit %s: stopped (Ctrl-C or SIGTERM); nothing was published to %s%n", command, staged.target());
      err.flush();
    }
  }

  private void cancel() {
    PipelineResult running = result;
    if (running == null) {
      return;
    }
    Thread canceller = new Thread(() -> {
      try {
        running.cancel();
      } catch (Exception e) {
        // a runner that cannot cancel stops with the JVM
      }
    }, "cotkit-cancel");
    canceller.setDaemon(true);
    canceller.start();
    try {
      canceller.join(CANCEL_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
