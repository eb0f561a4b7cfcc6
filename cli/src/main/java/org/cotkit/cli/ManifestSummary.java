package org.cotkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.cotkit.pipelines.WriteManifest;

/** Prints the counts of a finished run from its manifest.json. */
final class ManifestSummary {

  private ManifestSummary() {}

  /** Prints the summary; returns whether the manifest exists and its counts balance. */
  static boolean print(String outputDirectory, double seconds, PrintWriter err) {
    ResourceId manifestFile = FileSystems.matchNewResource(outputDirectory, true)
        .resolve(WriteManifest.FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
    JsonNode counts;
    try (InputStream in = Channels.newInputStream(FileSystems.open(manifestFile))) {
      counts = new ObjectMapper().readTree(in).path("counts");
    } catch (FileNotFoundException e) {
      err.printf("cotkit: the run finished but wrote no %s%n", manifestFile);
      return false;
    } catch (IOException e) {
      err.printf("cotkit: cannot read %s: %s%n", manifestFile, e.getMessage());
      return false;
    }
    long read = counts.path("records_read").asLong();
    err.printf("cotkit: done in %.1f s (%.0f records/s)%n", seconds, read / Math.max(seconds, 1e-9));
    err.printf("  records read      %,d%n", read);
    err.printf("  records written   %,d  (%,d rows in %s)%n",
        counts.path("records_written").asLong(), counts.path("rows_written").asLong(), outputDirectory + "/data");
    err.printf("  dead-lettered     %,d%s%n", counts.path("dead_lettered").asLong(),
        counts.path("dead_lettered").asLong() > 0 ? "  (reasons in " + outputDirectory + "/errors)" : "");
    err.printf("  filtered          %,d  %s%n", counts.path("filtered").asLong(), counts.path("filtered_by_reason"));
    boolean balanced = counts.path("balanced").asBoolean(false);
    if (!balanced) {
      err.println("cotkit: counts do not balance: records were lost; see " + manifestFile);
    }
    err.flush();
    return balanced;
  }
}
