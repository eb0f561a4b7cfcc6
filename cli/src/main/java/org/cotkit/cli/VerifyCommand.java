package org.cotkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.cotkit.pipelines.output.DatasetVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cotkit verify}: checks a dataset folder against its manifest. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
        "Checks a dataset that compress, label or build wrote against its manifest.json: every file the manifest "
            + "lists is there with its byte size, SHA-256 and row count, no other file is, and the counts balance "
            + "(records read = written + dead-lettered + filtered; the data files' rows and the error files' lines "
            + "equal the manifest's counts).",
        "",
        "A folder without manifest.json is not a complete dataset: the manifest is written last, and on object "
            + "stores it is what says a dataset is complete. Works on local folders and on any file system Beam "
            + "has on the class path (gs:// in a -Pdataflow build)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every check holds", "1:a check failed; the line names the first problem and the file",
        "2:bad usage"})
public final class VerifyCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DATASET_DIR", description = "The dataset folder (the --output of the run).")
  String dataset;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String folder = TeacherInputArgs.localToAbsolute(dataset); // as --output names it
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create()); // registers every file system present
    DatasetVerifier.Result result;
    try {
      result = DatasetVerifier.verify(folder);
    } catch (IOException e) {
      err.printf("cotkit verify: %s: %s%n", folder, e.getMessage());
      return 1;
    }
    if (!result.ok()) {
      err.printf("cotkit verify: %s: %s%n", folder, result.problem());
      return 1;
    }
    out.printf("cotkit verify: %s: OK: %,d %s, %,d data rows, %,d dead letters; sizes, checksums, rows and "
        + "counts match the manifest%n", folder, result.files(), result.files() == 1 ? "file" : "files",
        result.dataRows(), result.deadLetters());
    if (result.errorRateExceeded()) {
      out.printf("  note: the run dead-lettered more than its --max-error-rate (the manifest's error_rate)%n");
    }
    return 0;
  }
}
