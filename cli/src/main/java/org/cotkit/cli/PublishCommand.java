package org.cotkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.cotkit.pipelines.io.WrittenFile;
import org.cotkit.pipelines.publish.DatasetPublisher;
import org.cotkit.pipelines.publish.HubUpload;
import org.cotkit.pipelines.publish.PublishFormat;
import org.cotkit.pipelines.publish.PublishSettings;
import org.cotkit.pipelines.publish.PublishedLayout;
import org.cotkit.pipelines.publish.UnpublishableDatasetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cotkit publish}: lays a dataset out as a Hub-ready folder, and uploads it when asked. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
        "Lays out a dataset that compress or build wrote as a folder ready for the Hugging Face Hub: "
            + "data/{config}/{split}-{i:05d}-of-{n:05d}.parquet for the configs tokenskip and adaptive (one per mode "
            + "present), all (every row) and metadata (every row's provenance: id, source_id, split, mode, ratio, "
            + "difficulty, pass_rate, token_budget, cot_tokens, kept_tokens, answer, verified, source…, row-aligned "
            + "with all); a README.md dataset card whose YAML front matter declares the configs, splits, features "
            + "and row counts, with the recipe and quality figures from the dataset's manifest and the table "
            + "'cotkit stats' prints; a LLaMA-Factory "
            + "dataset_info.json with one dataset per config and split; and a manifest.json, so 'cotkit verify' "
            + "checks the folder.",
        "",
        "The dataset must pass 'cotkit verify' first. The folder is staged beside --to and renamed into place "
            + "complete: a publish that fails leaves nothing half-written. Nothing is uploaded unless --upload."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:published (and uploaded, with --upload)",
        "1:the dataset cannot be published (the line names the problem), or writing or the upload failed",
        "2:bad usage, or --to holds something publish must not replace"})
public final class PublishCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DATASET_DIR", description = "The dataset folder to publish (the --output of compress or "
      + "build).")
  String dataset;

  @Option(names = "--to", required = true, paramLabel = "DIR", description = "The folder to lay the Hub-ready dataset "
      + "out in: new, empty, or (with --overwrite) one that publish wrote before.")
  String to;

  @Option(names = "--repo-id", paramLabel = "ORG/NAME", description = "The Hub dataset repository, e.g. "
      + "my-org/gsm8k-tokenskip: names the dataset in the card's loading code and LLaMA-Factory's dataset names, "
      + "and is where --upload uploads. Default: none (the card then reads <org>/<folder name>).")
  String repoId;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "messages", description = "The training "
      + "configs' columns, exactly these and no others: messages (TRL conversational: 'messages', a list of "
      + "{role, content} turns), prompt-completion (TRL standard: 'prompt', 'completion'), alpaca ('instruction', "
      + "'input', 'output', as TokenSkip's LLaMA-Factory files), sharegpt ('conversations', a list of {from, value} "
      + "turns with from system, human, gpt). Default: ${DEFAULT-VALUE}, because trainers then apply the student's "
      + "chat template, as TokenSkip trains through LLaMA-Factory's templates and as the student is prompted; "
      + "choose prompt-completion for a base model without one.")
  String format;

  @Option(names = "--license", paramLabel = "SPDX", defaultValue = "other", description = "The card's licence, as "
      + "the Hub names licences (SPDX identifiers in lower case: mit, apache-2.0, cc-by-4.0…). Default: "
      + "${DEFAULT-VALUE}, since only you know the terms of the teacher data and its source: set it before you "
      + "upload.")
  String license;

  @Option(names = "--rows-per-file", paramLabel = "N", defaultValue = "100000", description = "At most N rows a "
      + "Parquet file; a split with more spreads over ceil(rows / N) files. Default: ${DEFAULT-VALUE}.")
  long rowsPerFile;

  @Option(names = "--upload", description = "After publishing, upload the folder to --repo-id with the Hugging Face "
      + "command line ('hf upload <repo-id> <dir> . --repo-type dataset', or huggingface-cli where hf is missing), "
      + "which uses your login; when neither is on the PATH, print that command instead.")
  boolean upload;

  @Option(names = "--overwrite", description = "Replace a folder that publish wrote before at --to (only one whose "
      + "files are all listed in its manifest.json; never any other folder).")
  boolean overwrite;

  /** The PATH searched for the Hugging Face command line; tests set it. */
  String pathVariable = System.getenv("PATH");

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PublishFormat chosen = PublishFormat.named(format);
    if (chosen == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--format '" + format + "' is not one of "
          + String.join(", ", PublishFormat.names()));
    }
    if (upload && repoId == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--upload needs --repo-id: the repository to "
          + "upload to");
    }
    String source = TeacherInputArgs.localToAbsolute(dataset);
    String target = TeacherInputArgs.localToAbsolute(to);
    List<String> typed = new ArrayList<>();
    typed.add("cotkit");
    typed.addAll(spec.commandLine().getParseResult().originalArgs());
    PublishSettings settings;
    try {
      settings = new PublishSettings(source, target, repoId, chosen, license, rowsPerFile, overwrite, typed);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create()); // registers every file system present
    DatasetPublisher.Published published;
    try {
      published = DatasetPublisher.publish(settings);
    } catch (UnpublishableDatasetException e) {
      err.printf("cotkit publish: %s %s%n", source, e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      err.printf("cotkit publish: %s%n", e.getMessage()); // the folder, not the option's form, is at fault
      return 2;
    } catch (IllegalStateException | IOException e) {
      err.printf("cotkit publish: %s%n", e.getMessage());
      return 1;
    }
    printSummary(published, settings, out);
    return upload ? upload(settings, out, err) : 0;
  }

  private static void printSummary(DatasetPublisher.Published published, PublishSettings settings, PrintWriter out) {
    long bytes = published.files().stream().mapToLong(WrittenFile::bytes).sum();
    out.printf("cotkit publish: %s -> %s (format %s, license %s): %,d files, %,d bytes%n", settings.dataset(),
        published.target(), settings.format().cliName(), settings.license(), published.files().size(), bytes);
    for (PublishedLayout.Config config : published.layout().configs()) {
      List<String> splits = new ArrayList<>();
      config.rowsBySplit().forEach((split, rows) -> splits.add(String.format(Locale.ROOT, "%s %,d (%d %s)", split,
          rows, published.layout().shards(config, split), published.layout().shards(config, split) == 1 ? "file" : "files")));
      out.printf("  %-10s %s%n", config.name(), String.join(", ", splits));
    }
    if (settings.license().equals("other")) {
      out.printf("  note: the card's license is 'other'; pass --license with the data's terms before you upload%n");
    }
  }

  /** Uploads with the Hugging Face command line, or prints the command where there is none. */
  private int upload(PublishSettings settings, PrintWriter out, PrintWriter err) {
    Optional<Path> cli = HubUpload.findCli(pathVariable);
    if (cli.isEmpty()) {
      out.printf("cotkit publish: neither %s is on the PATH; to upload, install huggingface_hub "
          + "(pip install -U huggingface_hub), log in (hf auth login) and run:%n  %s%n",
          String.join(" nor ", HubUpload.CLIS),
          HubUpload.shellLine(HubUpload.command("hf", settings.repoId(), settings.target())));
      return 0;
    }
    List<String> command = HubUpload.command(cli.get().toString(), settings.repoId(), settings.target());
    out.printf("cotkit publish: uploading: %s%n", HubUpload.shellLine(command));
    out.flush();
    int exit;
    try {
      exit = HubUpload.run(command, out);
    } catch (IOException e) {
      err.printf("cotkit publish: cannot run %s: %s; the folder is published at %s%n", cli.get(), e.getMessage(),
          settings.target());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.printf("cotkit publish: the upload was interrupted; the folder is published at %s%n", settings.target());
      return 1;
    }
    if (exit != 0) {
      err.printf("cotkit publish: the upload failed (%s exited %d); the folder is published at %s: run the command "
          + "again once the problem above is fixed%n", cli.get().getFileName(), exit, settings.target());
      return 1;
    }
    out.printf("cotkit publish: uploaded to the Hub dataset %s%n", settings.repoId());
    return 0;
  }
}
