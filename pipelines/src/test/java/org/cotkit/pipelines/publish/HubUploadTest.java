package org.cotkit.pipelines.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubUploadTest {

  @TempDir Path dir;

  @Test
  void findsHfBeforeHuggingfaceCliAndNothingOnAnEmptyPath() throws Exception {
    assertEquals(Optional.empty(), HubUpload.findCli(""));
    assertEquals(Optional.empty(), HubUpload.findCli(null));
    Path old = executable(Files.createDirectories(dir.resolve("a")).resolve("huggingface-cli"));
    Path folderB = Files.createDirectories(dir.resolve("b"));
    assertEquals(Optional.of(old), HubUpload.findCli(dir.resolve("a") + ":" + folderB));
    Path hf = executable(folderB.resolve("hf"));
    assertEquals(Optional.of(hf), HubUpload.findCli(dir.resolve("a") + ":" + folderB));
    Files.writeString(dir.resolve("a").resolve("hf"), "not executable");
    assertEquals(Optional.of(hf), HubUpload.findCli(dir.resolve("a") + ":" + folderB));
  }

  @Test
  void theCommandUploadsTheWholeFolderAsADatasetAndQuotesForAShell() {
    List<String> command = HubUpload.command("hf", "my-org/gsm8k", "/data/my set");
    assertEquals(List.of("hf", "upload", "my-org/gsm8k", "/data/my set", ".", "--repo-type", "dataset"), command);
    assertEquals("hf upload my-org/gsm8k '/data/my set' . --repo-type dataset", HubUpload.shellLine(command));
    assertTrue(HubUpload.shellLine(List.of("it's")).equals("'it'\\''s'"));
  }

  private static Path executable(Path file) throws Exception {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
