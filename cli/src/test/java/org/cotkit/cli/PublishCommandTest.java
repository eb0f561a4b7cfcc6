package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code cotkit publish} end to end: a real dataset built from the sample once, published in each
 * format, and the published folder read back with DuckDB (and with the Python {@code datasets}
 * package where it is installed): the card's YAML against the files, each format's columns, the
 * LLaMA-Factory entries, the metadata's alignment, and the refusals.
 */
class PublishCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final YAMLMapper YAML = new YAMLMapper();

  /** The columns of each format, as the README documents them, and nothing else. */
  static final Map<String, List<String>> FORMAT_COLUMNS = Map.of(
      "messages", List.of("messages"),
      "prompt-completion", List.of("prompt", "completion"),
      "alpaca", List.of("instruction", "input", "output"),
      "sharegpt", List.of("conversations"));

  static final List<String> METADATA_COLUMNS = List.of("id", "source_id", "split", "mode", "ratio", "achieved_ratio",
      "difficulty", "difficulty_source", "pass_rate", "token_budget", "cot_tokens", "kept_tokens", "answer",
      "answer_source", "verified", "source", "budget_scale");

  @TempDir static Path dir;
  static Path source;

  @BeforeAll
  static void buildAndPublish() throws Exception {
    source = dir.resolve("built");
    CliRun build = CliRun.of("build", "--input", CompressCommandTest.SAMPLE.toString(), "--output", source.toString(),
        "--quiet");
    assertEquals(0, build.exitCode(), build.err());
    for (String format : FORMAT_COLUMNS.keySet()) {
      CliRun publish = CliRun.of("publish", source.toString(), "--to", published(format).toString(), "--format", format,
          "--repo-id", "cotkit-test/gsm8k-" + format, "--license", "MIT");
      assertEquals(0, publish.exitCode(), publish.err());
    }
  }

  static Path published(String format) {
    return dir.resolve("published-" + format);
  }

  // ---------------------------------------------------------------- the card against the files

  @ParameterizedTest
  @ValueSource(strings = {"messages", "prompt-completion", "alpaca", "sharegpt"})
  void cardFeaturesSplitsAndCountsAreWhatDuckDbReads(String format) throws Exception {
    Path folder = published(format);
    JsonNode card = frontMatter(folder);
    assertEquals("mit", card.path("license").asText());
    assertEquals(List.of("text-generation"), strings(card.path("task_categories")));
    assertTrue(strings(card.path("tags")).containsAll(List.of("chain-of-thought", "tokenskip", "reasoning", "sft",
        "cotkit")), card.path("tags").toString());

    Map<String, JsonNode> infos = new LinkedHashMap<>();
    card.path("dataset_info").forEach(info -> infos.put(info.path("config_name").asText(), info));
    List<String> configs = new ArrayList<>();
    for (JsonNode config : card.path("configs")) {
      String name = config.path("config_name").asText();
      configs.add(name);
      JsonNode info = infos.get(name);
      Map<String, Long> declared = new LinkedHashMap<>();
      info.path("splits").forEach(split -> declared.put(split.path("name").asText(), split.path("num_examples").asLong()));
      Map<String, Long> read = new LinkedHashMap<>();
      long bytes = 0;
      for (JsonNode dataFile : config.path("data_files")) {
        String split = dataFile.path("split").asText();
        String glob = folder.resolve(dataFile.path("path").asText()).toString();
        read.put(split, count("SELECT count(*) FROM read_parquet('" + glob + "')"));
        assertEquals(featuresAsDuckDb(info.path("features")), describe(glob), name + "/" + split);
        try (Stream<Path> files = Files.list(folder.resolve("data").resolve(name))) {
          for (Path file : files.filter(f -> f.getFileName().toString().startsWith(split + "-")).toList()) {
            bytes += Files.size(file);
          }
        }
      }
      assertEquals(read, declared, name);
      assertEquals(bytes, info.path("download_size").asLong(), name);
    }
    assertEquals(List.of("tokenskip", "adaptive", "all", "metadata"), configs);

    // every row of the source is in its mode's config and in all, in its split
    for (String split : List.of("train", "validation")) {
      long sourceRows = count("SELECT count(*) FROM " + sourceRows() + " WHERE split = '" + split + "'");
      assertEquals(sourceRows, count("SELECT count(*) FROM read_parquet('" + folder + "/data/all/" + split + "-*.parquet')"));
      assertEquals(sourceRows, count("SELECT count(*) FROM read_parquet('" + folder + "/data/metadata/" + split
          + "-*.parquet')"));
      for (String mode : List.of("tokenskip", "adaptive")) {
        assertEquals(count("SELECT count(*) FROM " + sourceRows() + " WHERE split = '" + split + "' AND mode = '" + mode
            + "'"), count("SELECT count(*) FROM read_parquet('" + folder + "/data/" + mode + "/" + split + "-*.parquet')"));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"messages", "prompt-completion", "alpaca", "sharegpt"})
  void eachFormatHasExactlyItsDocumentedColumns(String format) throws Exception {
    Path folder = published(format);
    for (String config : List.of("tokenskip", "adaptive", "all")) {
      assertEquals(FORMAT_COLUMNS.get(format), columnNames(folder + "/data/" + config + "/*.parquet"), config);
    }
    assertEquals(METADATA_COLUMNS, columnNames(folder + "/data/metadata/*.parquet"));
  }

  @Test
  void trainingTextsAreTheSourceRowsAndMetadataIsRowAlignedWithAll() throws Exception {
    // prompt-completion: the prompt and completion of row i of all are those of the source row whose
    // id is row i of metadata
    Path folder = published("prompt-completion");
    String aligned = "SELECT count(*) FROM read_parquet('" + folder + "/data/all/train-*.parquet', file_row_number = true) a "
        + "JOIN read_parquet('" + folder + "/data/metadata/train-*.parquet', file_row_number = true) m "
        + "USING (file_row_number) JOIN " + sourceRows() + " s ON s.id = m.id "
        + "WHERE a.prompt = s.prompt AND a.completion = s.completion AND m.mode = s.mode AND m.split = 'train'";
    long train = count("SELECT count(*) FROM " + sourceRows() + " WHERE split = 'train'");
    assertEquals(train, count(aligned));
    assertEquals(train, count("SELECT count(DISTINCT id) FROM read_parquet('" + folder + "/data/metadata/train-*.parquet')"));

    // messages: each row's turns are the source row's
    Path messages = published("messages");
    assertEquals(train, count("SELECT count(*) FROM read_parquet('" + messages + "/data/all/train-*.parquet', "
        + "file_row_number = true) a JOIN read_parquet('" + messages + "/data/metadata/train-*.parquet', "
        + "file_row_number = true) m USING (file_row_number) JOIN " + sourceRows() + " s ON s.id = m.id "
        + "WHERE to_json(a.messages) = to_json(s.messages)"));

    // alpaca: LLaMA-Factory's user turn (instruction, a line break, input when there is one) is the prompt
    Path alpaca = published("alpaca");
    assertEquals(train, count("SELECT count(*) FROM read_parquet('" + alpaca + "/data/all/train-*.parquet', "
        + "file_row_number = true) a JOIN read_parquet('" + alpaca + "/data/metadata/train-*.parquet', "
        + "file_row_number = true) m USING (file_row_number) JOIN " + sourceRows() + " s ON s.id = m.id "
        + "WHERE (CASE WHEN a.input = '' THEN a.instruction ELSE a.instruction || chr(10) || a.input END) = s.prompt "
        + "AND a.output = s.completion"));

    // sharegpt: human then gpt, with the source's texts
    Path sharegpt = published("sharegpt");
    assertEquals(List.of(Map.of("roles", "human,gpt")), query("SELECT DISTINCT array_to_string(list_transform("
        + "conversations, t -> t.\"from\"), ',') AS roles FROM read_parquet('" + sharegpt + "/data/all/*.parquet')"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"messages", "prompt-completion", "alpaca", "sharegpt"})
  void llamaFactoryEntriesPointAtFilesWithTheirColumns(String format) throws Exception {
    Path folder = published(format);
    JsonNode info = JSON.readTree(folder.resolve("dataset_info.json").toFile());
    List<String> names = new ArrayList<>();
    info.fieldNames().forEachRemaining(names::add);
    List<String> expected = new ArrayList<>();
    for (String config : List.of("tokenskip", "adaptive", "all")) {
      for (String split : List.of("train", "validation")) {
        expected.add("gsm8k_" + format.replace('-', '_') + "_" + config + "_" + split);
      }
    }
    assertEquals(expected, names);
    for (Iterator<Map.Entry<String, JsonNode>> it = info.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      Path file = folder.resolve(entry.getValue().path("file_name").asText());
      assertTrue(Files.isRegularFile(file), entry.getKey() + ": " + file);
      List<String> columns = columnNames(file.toString());
      entry.getValue().path("columns").forEach(column -> assertTrue(columns.contains(column.asText()),
          entry.getKey() + " names column " + column + ", the file has " + columns));
      boolean chat = format.equals("messages") || format.equals("sharegpt");
      assertEquals(chat ? "sharegpt" : "alpaca", entry.getValue().path("formatting").asText());
      if (chat) {
        JsonNode tags = entry.getValue().path("tags");
        String messages = entry.getValue().path("columns").path("messages").asText();
        String role = tags.path("role_tag").asText();
        List<Map<String, Object>> roles = query("SELECT DISTINCT t.\"" + role + "\" AS role FROM (SELECT unnest(\""
            + messages + "\") AS t FROM read_parquet('" + file + "'))");
        for (Map<String, Object> row : roles) {
          assertTrue(List.of(tags.path("user_tag").asText(), tags.path("assistant_tag").asText(),
              tags.path("system_tag").asText()).contains(row.get("role")), entry.getKey() + ": " + row);
        }
      }
    }
  }

  @Test
  void publishedFolderPassesVerifyAndItsManifestListsEveryFile() throws Exception {
    Path folder = published("messages");
    CliRun verify = CliRun.of("verify", folder.toString());
    assertEquals(0, verify.exitCode(), verify.err());
    JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
    assertEquals("publish", manifest.path("command").asText());
    assertEquals("messages", manifest.at("/options/format").asText());
    try (Stream<Path> files = Files.walk(folder)) {
      assertEquals(files.filter(Files::isRegularFile).count() - 1, manifest.path("files").size());
    }
    try (Stream<Path> siblings = Files.list(dir)) {
      assertFalse(siblings.anyMatch(p -> p.getFileName().toString().contains("cotkit-staging")), "a staging folder stayed");
    }
  }

  // ---------------------------------------------------------------- shards

  @Test
  void aSplitOverRowsPerFileSpreadsOverNumberedShards() throws Exception {
    Path folder = dir.resolve("sharded");
    CliRun run = CliRun.of("publish", source.toString(), "--to", folder.toString(), "--rows-per-file", "500");
    assertEquals(0, run.exitCode(), run.err());
    try (Stream<Path> files = Files.list(folder.resolve("data/all"))) {
      assertEquals(List.of("train-00000-of-00003.parquet", "train-00001-of-00003.parquet", "train-00002-of-00003.parquet",
          "validation-00000-of-00001.parquet"), files.map(f -> f.getFileName().toString()).sorted().toList());
    }
    assertEquals(500, count("SELECT count(*) FROM read_parquet('" + folder + "/data/all/train-00000-of-00003.parquet')"));
    assertEquals(500, count("SELECT count(*) FROM read_parquet('" + folder + "/data/metadata/train-00001-of-00003.parquet')"));
    JsonNode info = JSON.readTree(folder.resolve("dataset_info.json").toFile());
    assertEquals("data/all/train-00002-of-00003.parquet", info.at("/sharded_all_train_00002/file_name").asText());
    assertFalse(info.has("sharded_all_train"));
    String card = Files.readString(folder.resolve("README.md"));
    assertTrue(card.contains("dataset: sharded_tokenskip_train_00000,sharded_tokenskip_train_00001,"
        + "sharded_tokenskip_train_00002\n"), card);
  }

  @Test
  void theCardEndsWithTheFiguresCotkitStatsPrints() throws Exception {
    String card = Files.readString(published("messages").resolve("README.md"));
    CliRun stats = CliRun.of("stats", source.toString(), "--no-html");
    assertEquals(0, stats.exitCode(), stats.err());
    String table = stats.out().strip();
    // the table's first line names the folder the command was given; the rest is the same
    String figures = table.substring(table.indexOf('\n') + 1);
    assertTrue(card.contains(figures), "card:\n" + card + "\nstats:\n" + table);
    assertTrue(figures.contains("tokenskip  0.5"), figures);
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void refusesAFolderThatHoldsADatasetUntilOverwriteAndThenOnlyItsOwn() throws Exception {
    Path folder = dir.resolve("again");
    assertEquals(0, CliRun.of("publish", source.toString(), "--to", folder.toString()).exitCode());
    CliRun again = CliRun.of("publish", source.toString(), "--to", folder.toString(), "--format", "alpaca");
    assertEquals(2, again.exitCode());
    assertEquals("cotkit publish: --to '" + folder + "' already holds a published dataset; pass --overwrite to replace it\n",
        again.err());

    CliRun overwrite = CliRun.of("publish", source.toString(), "--to", folder.toString(), "--format", "alpaca",
        "--overwrite");
    assertEquals(0, overwrite.exitCode(), overwrite.err());
    assertEquals(FORMAT_COLUMNS.get("alpaca"), columnNames(folder + "/data/all/*.parquet"));

    Files.writeString(folder.resolve("notes.txt"), "mine");
    CliRun foreign = CliRun.of("publish", source.toString(), "--to", folder.toString(), "--overwrite");
    assertEquals(2, foreign.exitCode());
    assertTrue(foreign.err().contains("holds notes.txt, which publish did not write"), foreign.err());
    assertTrue(Files.exists(folder.resolve("notes.txt")));

    CliRun inside = CliRun.of("publish", source.toString(), "--to", source.resolve("hub").toString());
    assertEquals(2, inside.exitCode());
    assertTrue(inside.err().contains("is inside the dataset it publishes"), inside.err());
    Path built = dir.resolve("a-build");
    copyTree(source, built);
    CliRun overBuild = CliRun.of("publish", source.toString(), "--to", built.toString(), "--overwrite");
    assertEquals(2, overBuild.exitCode());
    assertTrue(overBuild.err().contains("holds a dataset of cotkit build, not a published one"), overBuild.err());
    CliRun build = CliRun.of("publish", published("messages").toString(), "--to", dir.resolve("x").toString());
    assertEquals(1, build.exitCode());
    assertTrue(build.err().contains("is a folder cotkit publish wrote"), build.err());
    CliRun intoBuild = CliRun.of("publish", source.toString(), "--to", CompressCommandTest.SAMPLE.getParent().toString(),
        "--overwrite");
    assertEquals(2, intoBuild.exitCode());
    assertTrue(intoBuild.err().contains("holds files that cotkit publish did not write"), intoBuild.err());
  }

  @Test
  void refusesADatasetThatFailsVerifyNamingTheProblemAndWritesNothing() throws Exception {
    Path copy = dir.resolve("tampered");
    copyTree(source, copy);
    Path dataFile;
    try (Stream<Path> files = Files.walk(copy.resolve("data"))) {
      dataFile = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.write(dataFile, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
    Path target = dir.resolve("never");
    CliRun run = CliRun.of("publish", copy.toString(), "--to", target.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("cotkit publish: " + copy + " fails cotkit verify: "
        + copy.relativize(dataFile) + " has changed"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(Files.exists(target));
  }

  @Test
  void badUsageIsOneLineAndExitCodeTwo() {
    CliRun format = CliRun.of("publish", source.toString(), "--to", dir.resolve("bad").toString(), "--format", "chatml");
    assertEquals(2, format.exitCode());
    assertTrue(format.err().startsWith("--format 'chatml' is not one of messages, prompt-completion, alpaca, sharegpt\n"),
        format.err());
    CliRun upload = CliRun.of("publish", source.toString(), "--to", dir.resolve("bad").toString(), "--upload");
    assertEquals(2, upload.exitCode());
    assertTrue(upload.err().startsWith("--upload needs --repo-id"), upload.err());
    CliRun repo = CliRun.of("publish", source.toString(), "--to", dir.resolve("bad").toString(), "--repo-id", "noslash");
    assertEquals(2, repo.exitCode());
    assertTrue(repo.err().startsWith("--repo-id 'noslash' must be ORG/NAME"), repo.err());
    CliRun rows = CliRun.of("publish", source.toString(), "--to", dir.resolve("bad").toString(), "--rows-per-file", "0");
    assertEquals(2, rows.exitCode());
    assertFalse(Files.exists(dir.resolve("bad")));
  }

  // ---------------------------------------------------------------- upload

  @Test
  void uploadWithoutTheHubCommandLinePrintsTheCommandToRun() throws Exception {
    Path folder = dir.resolve("upload-printed");
    CliRun run = publishWithPath("", "publish", source.toString(), "--to", folder.toString(), "--repo-id",
        "cotkit-test/demo", "--upload");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("neither hf nor huggingface-cli is on the PATH"), run.out());
    assertTrue(run.out().contains("\n  hf upload cotkit-test/demo " + folder + " . --repo-type dataset\n"), run.out());
    assertTrue(Files.isRegularFile(folder.resolve("README.md")));
  }

  @Test
  void uploadRunsTheHubCommandLineFoundOnThePath() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path calls = dir.resolve("hf-calls.txt");
    Path cli = bin.resolve("huggingface-cli"); // the older name, used where hf is missing
    Files.writeString(cli, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + calls + "'\necho uploaded\n");
    Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path folder = dir.resolve("upload-run");
    CliRun run = publishWithPath(bin.toString(), "publish", source.toString(), "--to", folder.toString(), "--repo-id",
        "cotkit-test/demo", "--upload");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of("upload", "cotkit-test/demo", folder.toString(), ".", "--repo-type", "dataset"),
        Files.readAllLines(calls));
    assertTrue(run.out().contains("\nuploaded\n"), run.out());

    Files.writeString(cli, "#!/bin/sh\necho 'not logged in' >&2\nexit 3\n");
    CliRun failed = publishWithPath(bin.toString(), "publish", source.toString(), "--to", folder.toString(),
        "--repo-id", "cotkit-test/demo", "--upload", "--overwrite");
    assertEquals(1, failed.exitCode());
    assertTrue(failed.out().contains("not logged in"), failed.out());
    assertTrue(failed.err().contains("the upload failed (huggingface-cli exited 3)"), failed.err());
  }

  // ---------------------------------------------------------------- a real consumer

  @Test
  void theDatasetsPackageLoadsEveryConfigWithTheCardsSplitsAndCounts() throws Exception {
    Assumptions.assumeTrue(python("import datasets").exitCode == 0,
        "the Python datasets package is not installed: pip install datasets");
    Path folder = published("messages");
    Path script = dir.resolve("load.py");
    Files.writeString(script, String.join("\n",
        "import json, sys",
        "import datasets",
        "datasets.disable_progress_bars()",
        "counts = {}",
        "for config in sys.argv[2:]:",
        "    loaded = datasets.load_dataset(sys.argv[1], config, cache_dir=sys.argv[1] + '-cache')",
        "    counts[config] = {split: [len(rows), rows.column_names] for split, rows in loaded.items()}",
        "print(json.dumps(counts))", ""));
    PythonRun run = python(null, script.toString(), folder.toString(), "tokenskip", "adaptive", "all", "metadata");
    assertEquals(0, run.exitCode, run.output);
    JsonNode loaded = JSON.readTree(run.output.lines().reduce((a, b) -> b).orElse("{}"));
    JsonNode card = frontMatter(folder);
    for (JsonNode info : card.path("dataset_info")) {
      String config = info.path("config_name").asText();
      for (JsonNode split : info.path("splits")) {
        JsonNode got = loaded.path(config).path(split.path("name").asText());
        assertEquals(split.path("num_examples").asLong(), got.path(0).asLong(), config + ": " + loaded);
        assertEquals(config.equals("metadata") ? METADATA_COLUMNS : FORMAT_COLUMNS.get("messages"), strings(got.path(1)));
      }
      assertEquals(info.path("splits").size(), loaded.path(config).size(), config);
    }
  }

  // ---------------------------------------------------------------- helpers

  /** The published card's YAML front matter, parsed. */
  static JsonNode frontMatter(Path folder) throws IOException {
    String card = Files.readString(folder.resolve("README.md"));
    assertTrue(card.startsWith("---\n"), card);
    int end = card.indexOf("\n---\n", 4);
    return YAML.readTree(card.substring(4, end + 1));
  }

  /** The card's features as DuckDB names the types of the columns they describe. */
  static List<String> featuresAsDuckDb(JsonNode features) {
    List<String> columns = new ArrayList<>();
    for (JsonNode feature : features) {
      columns.add(feature.path("name").asText() + " " + duckDbType(feature));
    }
    return columns;
  }

  private static String duckDbType(JsonNode feature) {
    if (feature.has("list")) {
      List<String> fields = new ArrayList<>();
      for (JsonNode field : feature.path("list")) {
        fields.add("\"" + field.path("name").asText() + "\" " + duckDbType(field));
      }
      return "STRUCT(" + String.join(", ", fields) + ")[]";
    }
    return switch (feature.path("dtype").asText()) {
      case "string" -> "VARCHAR";
      case "float64" -> "DOUBLE";
      case "int32" -> "INTEGER";
      case "int64" -> "BIGINT";
      case "bool" -> "BOOLEAN";
      default -> throw new AssertionError("unexpected dtype in the card: " + feature);
    };
  }

  /** {@code name TYPE} of each column DuckDB reads from {@code glob}. */
  static List<String> describe(String glob) throws SQLException {
    List<String> columns = new ArrayList<>();
    for (Map<String, Object> row : query("DESCRIBE SELECT * FROM read_parquet('" + glob + "')")) {
      columns.add(row.get("column_name") + " " + row.get("column_type"));
    }
    return columns;
  }

  static List<String> columnNames(String glob) throws SQLException {
    return describe(glob).stream().map(column -> column.substring(0, column.indexOf(' '))).toList();
  }

  static String sourceRows() {
    return "read_parquet('" + source + "/data/**/*.parquet')";
  }

  static long count(String sql) throws SQLException {
    return ((Number) query(sql).get(0).values().iterator().next()).longValue();
  }

  static List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        Map<String, Object> row = new TreeMap<>();
        for (int i = 1; i <= columns; i++) {
          row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  /** Runs publish in-process with {@code path} as the PATH it searches for the Hub command line. */
  private static CliRun publishWithPath(String path, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = CotkitCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    ((PublishCommand) commandLine.getSubcommands().get("publish").getCommand()).pathVariable = path;
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  @Test
  void theDatasetsPackageLoadsABuildFolderItselfWithOneSplitPerFolder() throws Exception {
    Assumptions.assumeTrue(python("import datasets").exitCode == 0,
        "the Python datasets package is not installed: pip install datasets");
    Path script = dir.resolve("load-build.py");
    Files.writeString(script, String.join("\n",
        "import json, sys",
        "import datasets",
        "datasets.disable_progress_bars()",
        "loaded = datasets.load_dataset(sys.argv[1], cache_dir=sys.argv[2])",
        "print(json.dumps({split: len(rows) for split, rows in loaded.items()}))", ""));
    PythonRun run = python(null, script.toString(), source.toString(), dir.resolve("build-cache").toString());
    assertEquals(0, run.exitCode, run.output);
    JsonNode loaded = JSON.readTree(run.output.lines().reduce((a, b) -> b).orElse("{}"));
    JsonNode bySplit = JSON.readTree(source.resolve("manifest.json").toFile()).at("/examples/split");
    assertEquals(2, loaded.size(), loaded.toString());
    for (String split : List.of("train", "validation")) {
      assertEquals(bySplit.path(split).asLong(), loaded.path(split).asLong(), split + ": " + loaded);
    }
    assertEquals(0, CliRun.of("verify", source.toString()).exitCode(), "loading wrote nothing into the folder");
  }

  private record PythonRun(int exitCode, String output) {}

  private static PythonRun python(String code) throws Exception {
    return python(code, (String[]) null);
  }

  private static PythonRun python(String code, String... script) throws Exception {
    List<String> command = new ArrayList<>(List.of("python3"));
    if (code != null) {
      command.addAll(List.of("-c", code));
    } else {
      command.addAll(List.of(script));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("HF_DATASETS_OFFLINE", "1");
    builder.environment().put("HF_HUB_OFFLINE", "1");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new PythonRun(127, "python3 cannot be run: " + e.getMessage());
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      return new PythonRun(124, output);
    }
    return new PythonRun(process.exitValue(), output);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
