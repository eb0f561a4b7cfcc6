package org.cotkit.pipelines.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run's output reaches its target only complete, replaces only a dataset cotkit wrote, one run at
 * a time, and what killed runs left is removed by the next one.
 */
class StagedOutputTest {

  @TempDir Path dir;

  private StagedOutput open(Path target, boolean overwrite, StagedOutput.Publication publication) throws Exception {
    return StagedOutput.open(target.toString(), StagedOutput.newRunId(), overwrite, "label", publication);
  }

  /** Stages a run's files, as a pipeline would write them, into the staging folder. */
  private static void stage(StagedOutput staged, String tag) throws Exception {
    DatasetFolders.write(Path.of(staged.staging()), 2, 3, 1, tag);
  }

  @ParameterizedTest
  @EnumSource(StagedOutput.Publication.class)
  void nothingAppearsAtTheTargetUntilTheRunIsPublished(StagedOutput.Publication publication) throws Exception {
    Path target = dir.resolve("ds");
    try (StagedOutput staged = open(target, false, publication)) {
      Path staging = Path.of(staged.staging());
      assertEquals(dir, staging.getParent(), "the staging folder is beside the target, on its file system");
      assertTrue(staging.getFileName().toString().startsWith(".ds.cotkit-staging-"), staging.toString());
      stage(staged, "new");
      assertFalse(Files.exists(target), "a data/*.parquet glob at the target finds nothing while the run runs");
      staged.publish();
      assertFalse(Files.exists(staging), "the staging folder became the dataset");
    }
    assertTrue(DatasetVerifier.verify(target.toString()).ok());
    assertEquals(Map.of(), leftovers(), "nothing but the lock file is left beside the dataset");
  }

  @ParameterizedTest
  @EnumSource(StagedOutput.Publication.class)
  void overwriteReplacesAnEarlierDatasetOnlyOnceTheNewOneIsComplete(StagedOutput.Publication publication)
      throws Exception {
    Path target = dir.resolve("ds");
    DatasetFolders.write(target, 3, 2, 0, "old");
    Map<String, String> before = DatasetFolders.snapshot(target);
    try (StagedOutput staged = open(target, true, publication)) {
      stage(staged, "new");
      assertEquals(before, DatasetFolders.snapshot(target), "the earlier dataset is untouched while the run runs");
      staged.publish();
    }
    Map<String, String> after = DatasetFolders.snapshot(target);
    assertFalse(after.containsKey("data/part-2.jsonl"), "files only the earlier dataset had are gone: " + after.keySet());
    assertTrue(after.get("data/part-0.jsonl").contains("new-row"), after.toString());
    assertTrue(DatasetVerifier.verify(target.toString()).ok(), DatasetVerifier.verify(target.toString()).problem());
    assertEquals(Map.of(), leftovers());
  }

  @Test
  void anEarlierDatasetIsRefusedWithoutOverwrite() throws Exception {
    Path target = dir.resolve("ds");
    DatasetFolders.write(target, 1, 1, 0, "old");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> open(target, false, StagedOutput.Publication.RENAME_FOLDER));
    assertTrue(e.getMessage().contains("already holds a dataset (cotkit label); pass --overwrite"), e.getMessage());
  }

  @Test
  void aFileTheManifestDoesNotListIsNeverReplaced() throws Exception {
    Path target = dir.resolve("ds");
    DatasetFolders.write(target, 1, 1, 0, "old");
    Files.writeString(target.resolve("data/mine.parquet"), "not cotkit's");
    Map<String, String> before = DatasetFolders.snapshot(target);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> open(target, true, StagedOutput.Publication.RENAME_FOLDER));
    assertTrue(e.getMessage().contains("holds data/mine.parquet, which its manifest does not list"), e.getMessage());
    assertEquals(before, DatasetFolders.snapshot(target));
  }

  @Test
  void aLinkInsideTheTargetIsRefusedNotFollowed() throws Exception {
    Path target = dir.resolve("ds");
    DatasetFolders.write(target, 1, 1, 0, "old");
    Path elsewhere = dir.resolve("elsewhere");
    DatasetFolders.write(elsewhere, 1, 1, 0, "theirs");
    Map<String, String> theirs = DatasetFolders.snapshot(elsewhere);
    DatasetFiles.deleteLocalTree(target.resolve("data"));
    Files.createSymbolicLink(target.resolve("data"), elsewhere.resolve("data"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> open(target, true, StagedOutput.Publication.RENAME_FOLDER));
    assertTrue(e.getMessage().contains("holds a symbolic link, data;"), e.getMessage());
    assertEquals(theirs, DatasetFolders.snapshot(elsewhere), "the link's target is untouched");
  }

  @Test
  void aTargetThatIsALinkIsRefused() throws Exception {
    Path real = dir.resolve("real");
    Files.createDirectories(real);
    Path link = Files.createSymbolicLink(dir.resolve("ds"), real);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> open(link, true, StagedOutput.Publication.RENAME_FOLDER));
    assertTrue(e.getMessage().contains("is a symbolic link; give the folder it points to (" + real + ")"),
        e.getMessage());
  }

  @Test
  void aFolderCotkitDidNotWriteIsRefusedEvenWithOverwrite() throws Exception {
    Path target = dir.resolve("notes");
    Files.createDirectories(target);
    Files.writeString(target.resolve("todo.txt"), "mine");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> open(target, true, StagedOutput.Publication.RENAME_FOLDER));
    assertTrue(e.getMessage().contains("holds files but no cotkit manifest.json (e.g. todo.txt)"), e.getMessage());
    assertEquals("mine", Files.readString(target.resolve("todo.txt")));
  }

  @Test
  void anEmptyFolderIsATargetLikeAMissingOne() throws Exception {
    Path target = Files.createDirectories(dir.resolve("empty"));
    try (StagedOutput staged = open(target, false, StagedOutput.Publication.RENAME_FOLDER)) {
      stage(staged, "new");
      staged.publish();
    }
    assertTrue(DatasetVerifier.verify(target.toString()).ok());
  }

  @Test
  void oneRunAtATimeAndTheLockIsFreeOnceReleased() throws Exception {
    Path target = dir.resolve("ds");
    try (StagedOutput first = open(target, false, StagedOutput.Publication.RENAME_FOLDER)) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> open(target, false, StagedOutput.Publication.RENAME_FOLDER));
      assertTrue(e.getMessage().contains("is being written by another cotkit run (pid " + ProcessHandle.current().pid()),
          e.getMessage());
      assertTrue(Files.exists(Path.of(first.staging())), "the refused run touches nothing of the running one");
    }
    open(target, false, StagedOutput.Publication.RENAME_FOLDER).close();
  }

  @Test
  void whatAKilledRunLeftIsRemovedByTheNextRun() throws Exception {
    Path target = dir.resolve("ds");
    Path staging = dir.resolve(".ds.cotkit-staging-20260101T000000Z-dead0000");
    Path old = dir.resolve(".ds.cotkit-old-20260101T000000Z-dead0000");
    DatasetFolders.write(staging, 1, 1, 0, "killed");
    DatasetFolders.write(old, 1, 1, 0, "killed");
    Path otherTarget = dir.resolve(".dsx.cotkit-staging-20260101T000000Z-live0000");
    Files.createDirectories(otherTarget);
    try (StagedOutput staged = open(target, false, StagedOutput.Publication.RENAME_FOLDER)) {
      assertEquals(List.of(old.toString(), staging.toString()), staged.removedLeftovers().stream().sorted().toList());
    }
    assertFalse(Files.exists(staging));
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(otherTarget), "another target's staging folder is not this run's to remove");
  }

  @Test
  void aFailedRunKeepsOnlyItsTraceAndAStoppedOneNothing() throws Exception {
    Path target = dir.resolve("ds");
    try (StagedOutput staged = open(target, false, StagedOutput.Publication.RENAME_FOLDER)) {
      stage(staged, "partial");
      String log = staged.fail(new IllegalStateException("disk on fire"), List.of("cotkit", "label"));
      assertEquals(staged.staging() + "/cotkit.log", log);
      String trace = Files.readString(Path.of(log));
      assertTrue(trace.contains("command line: cotkit label") && trace.contains("disk on fire"), trace);
      assertEquals(List.of("cotkit.log"), DatasetFolders.snapshot(Path.of(staged.staging())).keySet().stream().toList());
      staged.discard();
      assertFalse(Files.exists(Path.of(staged.staging())));
    }
    assertFalse(Files.exists(target));
  }

  @Test
  void aStagingFolderIsHiddenBesideItsTarget() {
    assertEquals("/data/runs/.gsm8k.cotkit-staging-R1", StagedOutput.stagingFolder("/data/runs/gsm8k/", "R1"));
    assertEquals("gs://bucket/runs/.gsm8k.cotkit-staging-R1", StagedOutput.stagingFolder("gs://bucket/runs/gsm8k", "R1"));
    assertEquals("gs://bucket/runs/.gsm8k.cotkit-lock", OutputLock.lockFile("gs://bucket/runs/gsm8k"));
  }

  /** The entries beside the targets, but lock files and the targets. */
  private Map<String, String> leftovers() throws Exception {
    try (var entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith(".") && !name.endsWith(".cotkit-lock"))
          .collect(java.util.stream.Collectors.toMap(name -> name, name -> ""));
    }
  }
}
