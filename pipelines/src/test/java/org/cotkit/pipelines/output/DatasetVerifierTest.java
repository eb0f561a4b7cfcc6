package org.cotkit.pipelines.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cotkit verify}'s checks: each way a dataset can differ from its manifest is named. */
class DatasetVerifierTest {

  @TempDir Path dir;
  Path dataset;

  @BeforeEach
  void writeDataset() throws Exception {
    dataset = dir.resolve("ds");
    DatasetFolders.write(dataset, 3, 4, 2, "run-a");
  }

  private String problem() throws IOException {
    return DatasetVerifier.verify(dataset.toString()).problem();
  }

  @Test
  void anIntactDatasetPasses() throws Exception {
    DatasetVerifier.Result result = DatasetVerifier.verify(dataset.toString());
    assertEquals(null, result.problem());
    assertEquals(4, result.files());
    assertEquals(12, result.dataRows());
    assertEquals(2, result.deadLetters());
  }

  @Test
  void aDeletedFileIsMissing() throws Exception {
    Files.delete(dataset.resolve("data/part-1.jsonl"));
    assertEquals("data/part-1.jsonl is missing (the manifest lists it)", problem());
  }

  @Test
  void anAppendedByteIsAChange() throws Exception {
    Files.write(dataset.resolve("data/part-2.jsonl"), new byte[] {'x'}, StandardOpenOption.APPEND);
    assertTrue(problem().startsWith("data/part-2.jsonl has changed: "), problem());
  }

  @Test
  void aShorterFileIsTruncated() throws Exception {
    Path file = dataset.resolve("errors/dead-letters-0.jsonl");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
    assertTrue(problem().startsWith("errors/dead-letters-0.jsonl is truncated (or replaced by a shorter file): "),
        problem());
  }

  @Test
  void anotherRunsFileOfTheSameNameAndSizeIsAChange() throws Exception {
    Path other = dir.resolve("other");
    DatasetFolders.write(other, 1, 4, 0, "run-b"); // same length of tag: the same size, other bytes
    Files.copy(other.resolve("data/part-0.jsonl"), dataset.resolve("data/part-0.jsonl"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertEquals("data/part-0.jsonl has changed: its SHA-256 differs from the manifest's", problem());
  }

  @Test
  void aFileTheManifestDoesNotListIsExtra() throws Exception {
    Files.writeString(dataset.resolve("data/part-9.jsonl"), "{}\n");
    assertEquals("data/part-9.jsonl is an extra file: the manifest does not list it", problem());
  }

  @Test
  void aListedFileReplacedByALinkIsNamed() throws Exception {
    Path file = dataset.resolve("data/part-1.jsonl");
    Path elsewhere = Files.move(file, dir.resolve("part-1.jsonl"));
    Files.createSymbolicLink(file, elsewhere);
    assertEquals("data/part-1.jsonl is a symbolic link: a dataset holds plain files only", problem());
  }

  @Test
  void aFolderWithoutAManifestIsNotAComplete() throws Exception {
    Files.delete(dataset.resolve("manifest.json"));
    assertTrue(problem().startsWith("manifest.json is missing: not a complete cotkit dataset"), problem());
  }

  @Test
  void rowsThatDoNotMatchTheEntryAreNamed() throws Exception {
    editManifest(manifest -> ((ObjectNode) manifest.withArray("files").get(0)).put("rows", 5));
    assertEquals("data/part-0.jsonl holds 4 rows, the manifest says 5", problem());
  }

  @Test
  void countsThatDoNotBalanceAreNamed() throws Exception {
    editManifest(manifest -> ((ObjectNode) manifest.get("counts")).put("records_read", 15));
    assertTrue(problem().startsWith("the manifest's counts do not balance: 15 records read, 12 written"), problem());
  }

  @Test
  void countsThatDisagreeWithTheFilesAreNamed() throws Exception {
    editManifest(manifest -> ((ObjectNode) manifest.get("counts")).put("records_written", 11).put("records_read", 13));
    assertEquals("the data files hold 12 rows, the manifest's records_written says 11", problem());
  }

  private void editManifest(java.util.function.Consumer<ObjectNode> edit) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode manifest = (ObjectNode) json.readTree(dataset.resolve("manifest.json").toFile());
    edit.accept(manifest);
    json.writeValue(dataset.resolve("manifest.json").toFile(), manifest);
  }
}
