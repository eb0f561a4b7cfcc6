package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus as hostile as real teacher dumps get: about 10% of its records are broken in every way
 * this repository knows of (malformed JSON, wrong types, no question, bytes that are not UTF-8, a
 * line over --max-record-bytes, NUL and unpaired surrogates from escapes, JSON arrays, truncated
 * last lines, a Parquet file whose schema does not map, a ".parquet" file that is not Parquet), and
 * the rest is good, some of it awkward but valid (a byte-order mark, CRLF line ends, 1,500 levels of
 * nesting, a 5 MB chain of thought). One glob over JSONL and Parquet files is compressed; every
 * good record must be written, every bad one must be in errors/ with its file, line and reason, the
 * counts must add up, and {@code cotkit verify} must pass. Then copies of the dataset are tampered
 * with, one way each, and verify must name the problem. The corpus also goes through build and
 * label once each.
 */
class HostileCorpusTest {

  static final Path SAMPLE = Path.of("..", "samples", "gsm8k-teacher.jsonl");
  static final Path GSM8K_TRAIN = Path.of("..", "testdata", "gsm8k", "train.jsonl");
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Above the 5 MB chain of thought, below the oversized lines: the limit must cut only the latter.
   * (A much smaller limit, as a user might set, would also cut the valid 5 MB record.)
   */
  static final long MAX_RECORD_BYTES = 6_000_000;
  static final int BIG_COT_CHARS = 5_000_000;
  static final int OVERSIZED_BYTES = 6_300_000;
  static final int NESTING_DEPTH = 1_500;
  /** Two ratios, not the default six: pruning the 5 MB CoT costs seconds per ratio. */
  static final String RATIOS = "0.5,1.0";

  @TempDir static Path dir;
  static Path corpus;
  /** Ids of the records that must be written. */
  static final Set<String> good = new TreeSet<>();
  /** file name → line → the key words its dead letter's reason must hold. */
  static final Map<String, Map<Long, String>> planted = new TreeMap<>();
  static long blankLines;
  static long linesRead;

  static Path compressed;
  static CliRun compressRun;
  static Path built;
  static CliRun buildRun;
  static Path labelled;
  static CliRun labelRun;

  @BeforeAll
  static void writeCorpusAndRunEveryCommand() throws Exception {
    corpus = Files.createDirectories(dir.resolve("corpus"));
    List<String> sample = Files.readAllLines(SAMPLE);
    List<String> gsm8k = Files.readAllLines(GSM8K_TRAIN).subList(0, 200);

    // the first 100 sample records, as a Windows tool writes them: a byte-order mark and CRLF
    try (Corpus a = new Corpus("a-windows.jsonl", "\r\n", true)) {
      for (int i = 0; i < 100; i++) {
        a.good(sample.get(i));
        a.plantEvery(i, 20);
      }
    }
    // the other 100, with the awkward but valid records, a blank line, and a truncated last line
    try (Corpus b = new Corpus("b-awkward.jsonl", "\n", false)) {
      for (int i = 100; i < 200; i++) {
        b.good(sample.get(i));
        b.plantEvery(i, 20);
        if (i == 150) {
          b.blank();
          b.good(deeplyNested(), "deep-nesting");
          b.good(hugeCot(), "huge-cot");
        }
      }
      b.truncatedLast("{\"id\":\"cut-b\",\"question\":\"How many eggs are le");
    }
    // GSM8K train in canonical form: another shape of question and CoT
    try (Corpus c = new Corpus("c-gsm8k.jsonl", "\n", false)) {
      for (int i = 0; i < gsm8k.size(); i++) {
        c.good(canonical(i, JSON.readTree(gsm8k.get(i))));
        c.plantEvery(i, 25);
      }
      c.blank();
      c.truncatedLast("{\"id\":\"cut-c\",\"question\":\"Natalia sold clips to 48 of her frie");
    }
    // a Parquet file from another tool whose question is a number and whose CoT is in a field no
    // mapping names: every row is read, and every row is refused for its type
    Path wrongSchema = corpus.resolve("d-wrong-schema.parquet");
    Parquet.execute("COPY (SELECT i AS question, 'step ' || i AS reasoning, i * 2 AS id FROM range(1, 6) t(i)) TO '"
        + wrongSchema + "' (FORMAT PARQUET)");
    Map<Long, String> wrongRows = new TreeMap<>();
    for (long row = 1; row <= 5; row++) {
      wrongRows.put(row, "field 'question' must be a string");
    }
    planted.put(wrongSchema.getFileName().toString(), wrongRows);
    linesRead += 5;
    // one whose columns no mapping names at all (another dataset's shape, read without --map)
    Path unmapped = corpus.resolve("d-unmapped.parquet");
    Parquet.execute("COPY (SELECT 'Problem ' || i AS problem, 'Solution ' || i AS solution FROM range(1, 4) t(i)) TO '"
        + unmapped + "' (FORMAT PARQUET)");
    planted.put(unmapped.getFileName().toString(), new TreeMap<>(Map.of(
        1L, "missing required field 'question'", 2L, "missing required field 'question'",
        3L, "missing required field 'question'")));
    linesRead += 3;
    // a file that only its name says is Parquet: one dead letter for the file, at line 0
    Path notParquet = corpus.resolve("e-not-parquet.parquet");
    Files.writeString(notParquet, sample.get(0) + "\n");
    planted.put(notParquet.getFileName().toString(), new TreeMap<>(Map.of(0L, "cannot read file")));
    linesRead += 1;

    // --input-format auto decides per file (.parquet is Parquet), so one glob reads both formats;
    // about 10% is bad on purpose, over the default --max-error-rate of 1%
    String glob = corpus + "/*";
    String[] common = {"--input", glob, "--max-record-bytes", Long.toString(MAX_RECORD_BYTES),
        "--max-error-rate", "0.5", "--records-per-batch", "50", "--quiet"};
    compressed = dir.resolve("compressed");
    compressRun = CliRun.of(concat(new String[] {"compress", "--output", compressed.toString(), "--ratios", RATIOS}, common));
    built = dir.resolve("built");
    buildRun = CliRun.of(concat(new String[] {"build", "--output", built.toString(), "--ratios", RATIOS}, common));
    labelled = dir.resolve("labelled");
    labelRun = CliRun.of(concat(new String[] {"label", "--output", labelled.toString()}, common));
  }

  @Test
  void compressSucceedsAndWritesEveryGoodRecord() throws Exception {
    assertEquals(0, compressRun.exitCode(), compressRun.err());
    Set<String> written = new TreeSet<>();
    for (Map<String, Object> row : Parquet.query(compressed, "SELECT DISTINCT source_id FROM rows")) {
      written.add((String) row.get("source_id"));
    }
    assertEquals(good, written);
    assertEquals(2L * good.size(), Parquet.count(compressed, ""));
  }

  @Test
  void theAwkwardButValidRecordsAreReadWhole() throws Exception {
    assertEquals(0, compressRun.exitCode(), compressRun.err());
    // the byte-order mark is not part of the first record's id, and CRLF not part of its text
    Map<String, Object> first = Parquet.query(compressed,
        "SELECT prompt, completion FROM rows WHERE source_id = 'gsm8k-test-0000' AND ratio = 1.0").get(0);
    assertTrue(((String) first.get("prompt")).startsWith("Janet’s ducks"), first.toString());
    assertTrue(!((String) first.get("completion")).contains("\r"), first.toString());
    // the whole 5 MB CoT is kept at ratio 1.0 and pruned at 0.5
    Map<String, Object> huge = Parquet.query(compressed,
        "SELECT max(length(completion)) FILTER (WHERE ratio = 1.0) AS whole, "
            + "max(length(completion)) FILTER (WHERE ratio = 0.5) AS half FROM rows WHERE source_id = 'huge-cot'")
        .get(0);
    assertTrue(((Number) huge.get("whole")).longValue() >= BIG_COT_CHARS, huge.toString());
    assertTrue(((Number) huge.get("half")).longValue() < BIG_COT_CHARS * 0.8, huge.toString());
    assertEquals(2, Parquet.count(compressed, "WHERE source_id = 'deep-nesting'"));
  }

  @Test
  void everyPlantedRecordIsDeadLetteredWithItsFileLineAndReason() throws Exception {
    Map<String, Map<Long, String>> reasons = new TreeMap<>();
    for (JsonNode letter : deadLetters(compressed)) {
      String file = Path.of(letter.get("file").asText()).getFileName().toString();
      String previous = reasons.computeIfAbsent(file, f -> new TreeMap<>())
          .put(letter.get("line").asLong(), letter.get("reason").asText());
      assertEquals(null, previous, "two dead letters for one line: " + letter);
      if (letter.get("reason").asText().contains("--max-record-bytes")) {
        // one huge line must not make errors/ huge: its dead letter keeps a prefix
        assertTrue(letter.get("raw").asText().length() <= 1024, "raw of an oversized record: "
            + letter.get("raw").asText().length() + " chars");
      }
    }
    assertEquals(keysOf(planted), keysOf(reasons), "dead-lettered lines");
    planted.forEach((file, lines) -> lines.forEach((line, words) -> {
      String reason = reasons.get(file).get(line);
      assertTrue(reason.contains(words), file + ":" + line + " should say '" + words + "', says: " + reason);
    }));
  }

  @Test
  void manifestCountsAddUp() throws Exception {
    JsonNode counts = manifest(compressed).get("counts");
    long dead = plantedCount();
    assertEquals(linesRead, counts.get("records_read").asLong(), counts.toString());
    assertEquals(good.size(), counts.get("records_written").asLong(), counts.toString());
    assertEquals(dead, counts.get("dead_lettered").asLong(), counts.toString());
    assertEquals(blankLines, counts.get("filtered").asLong(), counts.toString());
    assertEquals(blankLines, counts.at("/filtered_by_reason/blank_line").asLong(), counts.toString());
    assertEquals(counts.get("records_read").asLong(), counts.get("records_written").asLong()
        + counts.get("dead_lettered").asLong() + counts.get("filtered").asLong());
    assertTrue(counts.get("balanced").asBoolean(), counts.toString());
    // about 10% of what was read is bad: the share the error rate reports
    double share = manifest(compressed).at("/error_rate/dead_lettered_share").asDouble();
    assertEquals(dead / (double) linesRead, share, 1e-9);
    assertTrue(share > 0.08 && share < 0.15, "share " + share);
  }

  @Test
  void manifestListsExactlyTheFilesOnDiskWithTheirSizesChecksumsAndRows() throws Exception {
    assertManifestMatchesDisk(compressed);
  }

  @Test
  void verifyPassesOnCompressAndBuildOutput() {
    assertEquals(0, compressRun.exitCode(), compressRun.err());
    assertEquals(0, buildRun.exitCode(), buildRun.err());
    for (Path output : List.of(compressed, built)) {
      CliRun verified = verify(output);
      assertEquals(0, verified.exitCode(), output + ": " + verified.err());
      assertTrue(verified.out().contains(": OK: "), verified.out());
      assertEquals("", verified.err());
    }
  }

  @Test
  void buildAccountsForTheSameBadRecords() throws Exception {
    JsonNode counts = manifest(built).get("counts");
    assertEquals(linesRead, counts.get("records_read").asLong(), counts.toString());
    assertEquals(plantedCount(), counts.get("dead_lettered").asLong(), counts.toString());
    assertTrue(counts.get("balanced").asBoolean(), counts.toString());
    assertManifestMatchesDisk(built);
    assertEquals(1, Parquet.count(built, "WHERE source_id = 'huge-cot' AND mode = 'adaptive'"));
  }

  @Test
  void labelWritesEveryGoodRecordAndVerifies() throws Exception {
    // label writes JSONL by re-reading each record: it must do so under the parser's limits (the
    // 1,500-level record), and a failure while writing must fail the run, not pass as a read error
    assertEquals(0, labelRun.exitCode(), labelRun.err());
    JsonNode counts = manifest(labelled).get("counts");
    // label filters nothing: every good record is written, the deep and the huge one too
    assertEquals(good.size(), counts.get("records_written").asLong(), counts.toString());
    assertEquals(linesRead, counts.get("records_read").asLong(), counts.toString());
    assertEquals(plantedCount(), counts.get("dead_lettered").asLong(), counts.toString());
    assertTrue(counts.get("balanced").asBoolean(), counts.toString());
    assertManifestMatchesDisk(labelled);
    CliRun verified = verify(labelled);
    assertEquals(0, verified.exitCode(), verified.err());
  }

  // --- tampering: each on its own copy of the compressed dataset ---

  @Test
  void verifyNamesADeletedDataFile() throws Exception {
    Path copy = copyOfCompressed("deleted");
    String file = dataFiles(copy).get(0);
    Files.delete(copy.resolve(file));
    assertVerifyFails(copy, file + " is missing");
  }

  @Test
  void verifyNamesADeletedErrorFile() throws Exception {
    Path copy = copyOfCompressed("deleted-errors");
    String file = files(copy, "errors").get(0);
    Files.delete(copy.resolve(file));
    assertVerifyFails(copy, file + " is missing");
  }

  @Test
  void verifyNamesADataFileWithAByteAppended() throws Exception {
    Path copy = copyOfCompressed("appended");
    String file = dataFiles(copy).get(0);
    Files.write(copy.resolve(file), new byte[] {0}, StandardOpenOption.APPEND);
    assertVerifyFails(copy, file + " has changed");
  }

  @Test
  void verifyNamesATruncatedDataFile() throws Exception {
    Path copy = copyOfCompressed("truncated");
    String file = dataFiles(copy).get(0);
    try (FileChannel channel = FileChannel.open(copy.resolve(file), StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() / 2);
    }
    assertVerifyFails(copy, file + " is truncated");
  }

  @Test
  void verifyNamesADataFileWithOneByteChangedInPlace() throws Exception {
    Path copy = copyOfCompressed("flipped");
    String file = dataFiles(copy).get(0);
    byte[] bytes = Files.readAllBytes(copy.resolve(file));
    bytes[bytes.length / 2] ^= 1; // same size: only the checksum can tell
    Files.write(copy.resolve(file), bytes);
    assertVerifyFails(copy, file + " has changed: its SHA-256 differs");
  }

  @Test
  void verifyNamesADataFileSwappedForAnotherRunsFileOfTheSameName() throws Exception {
    Path copy = copyOfCompressed("other-run");
    String file = dataFiles(copy).get(0);
    // a valid Parquet file of cotkit's schema, from the build run on the same corpus; the largest,
    // so that it is longer than the one it replaces (verify calls a shorter file "truncated")
    Path other = dataFiles(built).stream().map(built::resolve).max(Comparator.comparingLong(HostileCorpusTest::size))
        .orElseThrow();
    assertTrue(size(other) > size(copy.resolve(file)), other + " is longer than " + file);
    Files.copy(other, copy.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    assertVerifyFails(copy, file + " has changed");
  }

  @Test
  void verifyNamesTwoDataFilesWhoseContentsWereSwapped() throws Exception {
    Path copy = copyOfCompressed("swapped");
    List<String> files = dataFiles(copy);
    assertTrue(files.size() >= 2, "--records-per-batch 50 writes several data files: " + files);
    Path first = copy.resolve(files.get(0));
    Path second = copy.resolve(files.get(1));
    Path aside = copy.resolve("aside");
    Files.move(first, aside);
    Files.move(second, first);
    Files.move(aside, second);
    // which of the two is named first depends on the manifest's order, and a file now shorter than
    // the manifest says is called truncated: verify checks sizes before checksums
    assertVerifyFails(copy, Pattern.compile("(" + Pattern.quote(files.get(0)) + "|" + Pattern.quote(files.get(1))
        + ") (has changed|is truncated)"));
  }

  @Test
  void verifyNamesAnExtraFileInData() throws Exception {
    Path copy = copyOfCompressed("extra");
    Files.copy(copy.resolve(dataFiles(copy).get(0)), copy.resolve("data/part-extra.parquet"));
    assertVerifyFails(copy, "data/part-extra.parquet is an extra file");
  }

  @Test
  void verifyNamesADeletedManifest() throws Exception {
    Path copy = copyOfCompressed("no-manifest");
    Files.delete(copy.resolve("manifest.json"));
    assertVerifyFails(copy, "manifest.json is missing");
  }

  @Test
  void verifyNamesManifestCountsThatNoLongerBalance() throws Exception {
    Path copy = copyOfCompressed("counts");
    ObjectNode manifest = (ObjectNode) manifest(copy);
    ObjectNode counts = (ObjectNode) manifest.get("counts");
    counts.put("records_read", counts.get("records_read").asLong() + 1);
    JSON.writerWithDefaultPrettyPrinter().writeValue(copy.resolve("manifest.json").toFile(), manifest);
    assertVerifyFails(copy, "counts do not balance");
  }

  // --- the corpus ---

  /**
   * One JSONL file of the corpus being written: good records and, every so often, one bad record
   * of each kind, with the line numbers and reasons that the dead letters must show.
   */
  static final class Corpus implements AutoCloseable {
    private final String name;
    private final String lineEnd;
    private final OutputStream out;
    private final Map<Long, String> bad = new TreeMap<>();
    private long line;
    private int planted;

    Corpus(String name, String lineEnd, boolean byteOrderMark) throws IOException {
      this.name = name;
      this.lineEnd = lineEnd;
      this.out = Files.newOutputStream(corpus.resolve(name));
      if (byteOrderMark) {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
    }

    void good(String json) throws IOException {
      good(json, JSON.readTree(json).get("id").asText());
    }

    /** For records too deep for a default JSON reader (this test's own). */
    void good(String json, String id) throws IOException {
      good.add(id);
      write(json.getBytes(StandardCharsets.UTF_8));
    }

    void blank() throws IOException {
      blankLines++;
      write(new byte[0]);
    }

    /** After every {@code every}-th good record, one bad record, cycling through the kinds. */
    void plantEvery(int index, int every) throws IOException {
      if (index % every != every - 1) {
        return;
      }
      for (int i = 0; i < 2; i++) {
        plantNext();
      }
    }

    private void plantNext() throws IOException {
      String id = "bad-" + name + "-" + planted;
      switch (planted++ % 9) {
        case 0 -> bad("{\"id\":\"" + id + "\",\"question\":\"Is this closed?\",\"long_cot\":\"no\"", "not valid JSON");
        case 1 -> bad("{\"id\":\"" + id + "\",\"question\":42,\"long_cot\":\"forty-two as a number\"}",
            "field 'question' must be a string, got number");
        case 2 -> bad("{\"id\":\"" + id + "\",\"problem\":\"Where is the question?\",\"long_cot\":\"3 + 4 = 7\"}",
            "missing required field 'question'");
        case 3 -> {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          bytes.writeBytes(("{\"id\":\"" + id + "\",\"question\":\"caf").getBytes(StandardCharsets.US_ASCII));
          bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}); // a broken sequence, a never-byte
          bytes.writeBytes("?\",\"long_cot\":\"x\"}".getBytes(StandardCharsets.US_ASCII));
          bad(bytes.toByteArray(), "not valid UTF-8");
        }
        case 4 -> bad("{\"id\":\"" + id + "\",\"question\":\"Long?\",\"long_cot\":\"" + "7 ".repeat(OVERSIZED_BYTES / 2)
            + "\"}", "over the --max-record-bytes limit");
        case 5 -> bad("{\"id\":\"" + id + "\",\"question\":\"What is 2 + 2?\",\"long_cot\":\"2 + 2 = 4\\u0000 so 4\"}",
            "control character U+0000");
        case 6 -> bad("{\"id\":\"" + id + "\",\"question\":\"Half a character \\ud83d?\",\"long_cot\":\"1 + 1 = 2\"}",
            "unpaired surrogate");
        case 7 -> bad("{\"id\":\"" + id + "\",\"question\":\"Where is the CoT?\",\"long_cot\":{\"text\":\"3 + 4 = 7\"}}",
            "field 'long_cot' must be a string, got object");
        default -> bad("[{\"id\":\"" + id + "\",\"question\":\"In an array?\",\"long_cot\":\"1 + 2 = 3\"}]",
            "not a JSON object");
      }
    }

    void truncatedLast(String cut) throws IOException {
      bad.put(++line, "not valid JSON");
      linesRead++;
      out.write(cut.getBytes(StandardCharsets.UTF_8)); // no line end: the writer died here
    }

    private void bad(String json, String reason) throws IOException {
      bad(json.getBytes(StandardCharsets.UTF_8), reason);
    }

    private void bad(byte[] bytes, String reason) throws IOException {
      write(bytes);
      bad.put(line, reason);
    }

    private void write(byte[] bytes) throws IOException {
      line++;
      linesRead++;
      out.write(bytes);
      out.write(lineEnd.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
      out.close();
      HostileCorpusTest.planted.put(name, bad);
    }
  }

  /** A good record with an extra field nested {@link #NESTING_DEPTH} arrays deep (under the 2,000 limit). */
  static String deeplyNested() {
    return "{\"id\":\"deep-nesting\",\"question\":\"What is 3 + 4?\",\"answer\":\"7\",\"long_cot\":\"We add 3 and 4: "
        + "3 + 4 = 7.\",\"meta\":" + "[".repeat(NESTING_DEPTH) + "1" + "]".repeat(NESTING_DEPTH) + "}";
  }

  /** A good record whose chain of thought is {@link #BIG_COT_CHARS} characters of varied reasoning. */
  static String hugeCot() {
    StringBuilder cot = new StringBuilder(BIG_COT_CHARS + 100);
    for (int step = 1; cot.length() < BIG_COT_CHARS; step++) {
      cot.append("Step ").append(step).append(": we carry the ").append(step % 9 + 1)
          .append(" apples over, so the basket now holds ").append(step * 3).append(" apples in total. ");
    }
    cot.append("So the answer is 7.");
    return "{\"id\":\"huge-cot\",\"question\":\"How many apples are left at the end?\",\"answer\":\"7\","
        + "\"long_cot\":" + quote(cot.toString()) + "}";
  }

  /** A GSM8K train record in canonical form: its solution as the CoT, the number after #### as the answer. */
  static String canonical(int index, JsonNode gsm8k) throws IOException {
    String solution = gsm8k.get("answer").asText();
    int hashes = solution.lastIndexOf("####");
    Map<String, String> record = new LinkedHashMap<>();
    record.put("id", String.format("gsm8k-train-%04d", index));
    record.put("question", gsm8k.get("question").asText());
    record.put("answer", solution.substring(hashes + 4).strip());
    record.put("long_cot", solution.substring(0, hashes).replaceAll("<<[^>]*>>", "").strip());
    return JSON.writeValueAsString(record);
  }

  // --- reading the output back ---

  static CliRun verify(Path dataset) {
    return CliRun.of("verify", dataset.toString());
  }

  static void assertVerifyFails(Path dataset, String problem) {
    assertVerifyFails(dataset, Pattern.compile(Pattern.quote(problem)));
  }

  /** Verify exits 1 with one line on stderr, nothing on stdout, and the line says {@code problem}. */
  static void assertVerifyFails(Path dataset, Pattern problem) {
    CliRun verified = verify(dataset);
    assertEquals(1, verified.exitCode(), verified.out() + verified.err());
    assertEquals("", verified.out());
    assertEquals(1, verified.err().lines().count(), "one line: " + verified.err());
    assertTrue(problem.matcher(verified.err()).find(), "should say '" + problem + "': " + verified.err());
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each file the manifest lists is on disk with its size, SHA-256 and rows, and no other file is. */
  static void assertManifestMatchesDisk(Path output) throws Exception {
    JsonNode manifest = manifest(output);
    Set<String> onDisk = new TreeSet<>(files(output, "data"));
    onDisk.addAll(files(output, "errors"));
    Set<String> listed = new TreeSet<>();
    long dataRows = 0;
    long errorLines = 0;
    for (JsonNode entry : manifest.get("files")) {
      String path = entry.get("path").asText();
      listed.add(path);
      Path file = output.resolve(path);
      assertTrue(Files.isRegularFile(file), path);
      assertEquals(Files.size(file), entry.get("bytes").asLong(), path);
      assertEquals(sha256(file), entry.get("sha256").asText(), path);
      long rows = path.endsWith(".parquet") ? parquetRows(file) : Files.readAllLines(file).size();
      assertEquals(rows, entry.get("rows").asLong(), path);
      if (path.startsWith("data/")) {
        dataRows += rows;
      } else {
        errorLines += rows;
      }
    }
    assertEquals(onDisk, listed, output.toString());
    try (Stream<Path> top = Files.list(output)) {
      assertEquals(Set.of("data", "errors", "manifest.json"),
          new HashSet<>(top.map(p -> p.getFileName().toString()).toList()), output.toString());
    }
    JsonNode counts = manifest.get("counts");
    assertEquals(counts.has("rows_written") ? counts.get("rows_written").asLong()
        : counts.get("records_written").asLong(), dataRows, output.toString());
    assertEquals(counts.get("dead_lettered").asLong(), errorLines, output.toString());
  }

  static long parquetRows(Path file) throws Exception {
    try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var statement = connection.createStatement();
        var result = statement.executeQuery("SELECT count(*) FROM read_parquet('" + file.toAbsolutePath() + "')")) {
      result.next();
      return result.getLong(1);
    }
  }

  static List<JsonNode> deadLetters(Path output) throws IOException {
    List<JsonNode> letters = new ArrayList<>();
    for (String file : files(output, "errors")) {
      for (String line : Files.readAllLines(output.resolve(file))) {
        letters.add(JSON.readTree(line));
      }
    }
    return letters;
  }

  static JsonNode manifest(Path output) throws IOException {
    return JSON.readTree(output.resolve("manifest.json").toFile());
  }

  static List<String> dataFiles(Path output) throws IOException {
    List<String> files = files(output, "data");
    assertTrue(!files.isEmpty(), "no data files in " + output);
    return files;
  }

  /** The files under {@code output/folder}, as paths relative to {@code output}, sorted. */
  static List<String> files(Path output, String folder) throws IOException {
    if (!Files.isDirectory(output.resolve(folder))) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(output.resolve(folder))) {
      return walk.filter(Files::isRegularFile)
          .map(file -> output.relativize(file).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** A fresh copy of the compressed dataset, to tamper with. */
  static Path copyOfCompressed(String name) throws IOException {
    assertEquals(0, compressRun.exitCode(), compressRun.err());
    Path copy = dir.resolve("tampered-" + name);
    try (Stream<Path> walk = Files.walk(compressed)) {
      for (Path from : walk.toList()) {
        Files.copy(from, copy.resolve(compressed.relativize(from).toString()));
      }
    }
    CliRun before = verify(copy);
    assertEquals(0, before.exitCode(), "the copy verifies before it is tampered with: " + before.err());
    return copy;
  }

  static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (var in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static long plantedCount() {
    return planted.values().stream().mapToLong(Map::size).sum();
  }

  static Map<String, Set<Long>> keysOf(Map<String, Map<Long, String>> byFile) {
    Map<String, Set<Long>> keys = new TreeMap<>();
    byFile.forEach((file, lines) -> keys.put(file, new TreeSet<>(lines.keySet())));
    return keys;
  }

  static String[] concat(String[] first, String[] second) {
    String[] all = new String[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
