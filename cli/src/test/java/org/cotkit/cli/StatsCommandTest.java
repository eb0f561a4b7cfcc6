package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cotkit stats} on a real build (TokenSkip and adaptive rows, two splits) and a real
 * compress dataset (TokenSkip rows only): every number of its table equals the same aggregate in
 * DuckDB SQL over the Parquet files; report.html parses, inlines Chart.js and every chart's data,
 * and renders in headless Chromium without a script error.
 */
class StatsCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The percentiles of the table, as DuckDB's nearest-rank quantile_disc takes them (100: max). */
  private static final int[] PERCENTILES = {10, 50, 90, 99, 100};

  @TempDir static Path dir;

  private static Path build;
  private static Path compress;
  private static CliRun buildRun;
  private static CliRun compressRun;

  @BeforeAll
  static void datasets() {
    build = dir.resolve("build");
    compress = dir.resolve("compress");
    buildRun = CliRun.of("build", "--input", CompressCommandTest.SAMPLE.toString(), "--output", build.toString());
    assertEquals(0, buildRun.exitCode(), buildRun.err());
    compressRun = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output",
        compress.toString());
    assertEquals(0, compressRun.exitCode(), compressRun.err());
  }

  @Test
  void theTableOfABuildEqualsDuckDbsAggregates() throws Exception {
    CliRun stats = CliRun.of("stats", build.toString(), "--no-html");
    assertEquals(0, stats.exitCode(), stats.err());
    checkTable(build, stats.out());
    assertTrue(stats.out().contains("CoT lengths in words"), stats.out());
  }

  @Test
  void theTableOfACompressEqualsDuckDbsAggregates() throws Exception {
    CliRun stats = CliRun.of("stats", compress.toString(), "--no-html");
    assertEquals(0, stats.exitCode(), stats.err());
    checkTable(compress, stats.out());
    assertTrue(stats.out().contains("Adaptive       no adaptive rows"), stats.out());
    assertTrue(stats.out().contains("Verified       no row was checked"), stats.out());
  }

  @Test
  void compressAndBuildEndWithTheHeadlineOfTheirRows() throws Exception {
    for (Map.Entry<Path, CliRun> run : Map.of(build, buildRun, compress, compressRun).entrySet()) {
      List<String> all = lengthCells(run.getKey(), "mode = 'tokenskip'", "tokenskip", "all");
      Map<String, Object> sums = Parquet.query(run.getKey(),
          "SELECT sum(cot_tokens - kept_tokens) AS saved, sum(cot_tokens) AS total FROM rows WHERE mode = 'tokenskip'")
          .get(0);
      String headline = String.format(Locale.ROOT,
          "  compression       tokens saved %s (%,d of %,d words) over %s TokenSkip rows; mean |achieved − γ| %s",
          all.get(all.size() - 1), number(sums.get("saved")), number(sums.get("total")), all.get(2),
          all.get(all.size() - 4));
      assertTrue(run.getValue().err().contains(headline + "\n"), headline + "\nnot in\n" + run.getValue().err());
    }
  }

  @Test
  void theReportParsesInlinesChartJsAndEmbedsEveryChart() throws Exception {
    Path report = dir.resolve("reports/build.html");
    CliRun stats = CliRun.of("stats", build.toString(), "--html", report.toString());
    assertEquals(0, stats.exitCode(), stats.err());
    assertTrue(stats.err().contains("report written to " + report), stats.err());
    Document html = Jsoup.parse(report.toFile(), "UTF-8");
    assertEquals("cotkit stats: build", html.title());
    assertEquals(List.of(), html.select("[src], link[href]").eachAttr("outerHtml"), "nothing loaded from outside");
    assertTrue(html.select("script").stream().anyMatch(s -> s.data().contains("Chart.js v4.6.1")), "Chart.js inlined");
    assertEquals(stats.out(), html.selectFirst("pre.table").wholeText(), "the page holds the terminal table");

    Map<String, JsonNode> charts = charts(html);
    List<String> expected = new ArrayList<>();
    for (Map<String, Object> ratio : Parquet.query(build, "SELECT DISTINCT ratio FROM rows WHERE ratio IS NOT NULL ORDER BY ratio")) {
      expected.add("length-" + ratio.get("ratio"));
    }
    expected.addAll(List.of("length-adaptive", "achieved-vs-target", "difficulty", "token-budget", "pass-rate"));
    assertEquals(expected, html.select("canvas").eachAttr("id"), "a canvas per chart, in order");
    assertEquals(expected, new ArrayList<>(charts.keySet()), "each canvas has its chart's data");
    assertEquals(String.valueOf(expected.size()), html.body().attr("data-charts-expected"));
    for (String id : expected) {
      Element figure = html.getElementById("figure-" + id);
      assertNotNull(figure, id);
      assertFalse(figure.selectFirst("figcaption").text().isBlank(), id + " has a caption");
    }

    // each chart's data adds up to the rows it draws
    for (Map<String, Object> ratio : Parquet.query(build,
        "SELECT ratio, count(*) AS n FROM rows WHERE ratio IS NOT NULL GROUP BY ratio ORDER BY ratio")) {
      JsonNode datasets = charts.get("length-" + ratio.get("ratio")).at("/data/datasets");
      assertEquals(2, datasets.size(), "before and after");
      for (JsonNode dataset : datasets) {
        assertEquals(number(ratio.get("n")), sum(dataset.get("data")), dataset.get("label").asText());
      }
    }
    long adaptiveRows = Parquet.count(build, "WHERE mode = 'adaptive'");
    assertEquals(adaptiveRows, sum(charts.get("length-adaptive").at("/data/datasets/0/data")));
    assertEquals(adaptiveRows, sum(charts.get("token-budget").at("/data/datasets/0/data")));
    assertEquals(adaptiveRows, sum(charts.get("pass-rate").at("/data/datasets/0/data")));
    JsonNode difficulty = charts.get("difficulty").get("data");
    for (JsonNode split : difficulty.get("datasets")) {
      for (int i = 0; i < difficulty.get("labels").size(); i++) {
        assertEquals(Parquet.count(build, "WHERE mode = 'adaptive' AND split = '" + split.get("label").asText()
                + "' AND difficulty = '" + difficulty.get("labels").get(i).asText() + "'"),
            split.get("data").get(i).asLong());
      }
    }
    for (Map<String, Object> passRate : Parquet.query(build,
        "SELECT printf('%.2f', pass_rate) AS rate, count(*) AS n FROM rows WHERE mode = 'adaptive' GROUP BY 1 ORDER BY 1")) {
      JsonNode chart = charts.get("pass-rate").get("data");
      int bar = List.of(JSON.convertValue(chart.get("labels"), String[].class)).indexOf(passRate.get("rate"));
      assertEquals(number(passRate.get("n")), chart.at("/datasets/0/data/" + bar).asLong(), "pass rate " + passRate);
    }
    // the scatter's sample: every row while a γ has no more than 300
    assertEquals(Parquet.count(build, "WHERE ratio IS NOT NULL"),
        charts.get("achieved-vs-target").at("/data/datasets/0/data").size());
  }

  @Test
  void aCompressReportSaysItHasNoAdaptiveRows() throws Exception {
    Path report = dir.resolve("compress.html");
    CliRun stats = CliRun.of("stats", compress.toString(), "--html", report.toString());
    assertEquals(0, stats.exitCode(), stats.err());
    Document html = Jsoup.parse(report.toFile(), "UTF-8");
    for (String id : List.of("difficulty", "token-budget", "pass-rate")) {
      Element figure = html.getElementById("figure-" + id);
      assertNull(figure.selectFirst("canvas"), id);
      assertEquals("no adaptive rows", figure.selectFirst("p.no-data").text(), id);
    }
    assertEquals(List.of("length-0.5", "length-0.6", "length-0.7", "length-0.8", "length-0.9", "length-1.0",
        "achieved-vs-target"), new ArrayList<>(charts(html).keySet()));
  }

  @Test
  void theReportRendersInHeadlessChromiumWithoutAScriptError() throws Exception {
    Optional<Path> chromium = onPath("chromium");
    Assumptions.assumeTrue(chromium.isPresent(), "chromium is not on PATH (Debian: apt-get install chromium); "
        + "the report's rendering is not checked");
    Path report = dir.resolve("render/build-report.html");
    assertEquals(0, CliRun.of("stats", build.toString(), "--html", report.toString()).exitCode());
    String expected = Jsoup.parse(report.toFile(), "UTF-8").body().attr("data-charts-expected");

    Chromium dom = chromium(chromium.get(), "--dump-dom", "--enable-logging=stderr", "--v=0", report.toUri().toString());
    Element body = Jsoup.parse(dom.out()).body();
    assertEquals("", body.attr("data-chart-error"), "a chart failed");
    assertEquals(expected, body.attr("data-charts-rendered"), "every chart drawn\n" + dom.err());
    List<String> consoleErrors = dom.err().lines()
        .filter(line -> line.contains("CONSOLE") || line.contains("Uncaught")).toList();
    assertEquals(List.of(), consoleErrors, "no script error or console message");

    Path png = dir.resolve("render/report.png");
    chromium(chromium.get(), "--screenshot=" + png, "--window-size=1280,2400", report.toUri().toString());
    byte[] image = Files.readAllBytes(png);
    assertTrue(image.length > 50_000, "a screenshot with charts on it, " + image.length + " bytes");
    assertEquals(List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'),
        List.of(image[0], image[1], image[2], image[3]));
  }

  @Test
  void theDefaultReportGoesBesideTheFolderWhichStillVerifies() {
    CliRun stats = CliRun.of("stats", compress.toString());
    assertEquals(0, stats.exitCode(), stats.err());
    assertTrue(Files.isRegularFile(dir.resolve("compress-report.html")), stats.err());
    CliRun verify = CliRun.of("verify", compress.toString());
    assertEquals(0, verify.exitCode(), verify.err());
  }

  @Test
  void aReportInsideTheDatasetFolderIsBadUsage() {
    CliRun stats = CliRun.of("stats", compress.toString(), "--html", compress.resolve("report.html").toString());
    assertEquals(2, stats.exitCode());
    assertTrue(stats.err().startsWith("--html " + compress.resolve("report.html") + " is inside the dataset folder"),
        stats.err());
    assertFalse(Files.exists(compress.resolve("report.html")));
    assertEquals(2, CliRun.of("stats", compress.toString(), "--no-html", "--html", "x.html").exitCode());
  }

  @Test
  void aFolderThatFailsVerificationIsRefusedWithItsLine() throws Exception {
    Path copy = dir.resolve("tampered");
    copyTree(compress, copy);
    Files.writeString(copy.resolve("data/notes.txt"), "not listed");
    CliRun stats = CliRun.of("stats", copy.toString(), "--no-html");
    assertEquals(1, stats.exitCode());
    assertEquals("cotkit stats: " + copy + ": data/notes.txt is an extra file: the manifest does not list it\n",
        stats.err());
    assertEquals("", stats.out());

    CliRun missing = CliRun.of("stats", dir.resolve("nothing-here").toString(), "--no-html");
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("manifest.json is missing"), missing.err());
    assertEquals(1, missing.err().lines().count(), missing.err());
  }

  // --- the table against DuckDB ---

  private static void checkTable(Path dataset, String table) throws Exception {
    List<String> lines = table.lines().toList();

    // rows by split, mode, γ and difficulty
    List<List<String>> groups = new ArrayList<>();
    long rows = 0;
    long checked = 0;
    long verified = 0;
    for (Map<String, Object> group : Parquet.query(dataset, "SELECT split, mode, ratio, difficulty, count(*) AS n, "
        + "count(verified) AS checked, count(*) FILTER (WHERE verified) AS ok FROM rows GROUP BY ALL "
        + "ORDER BY split NULLS LAST, mode NULLS LAST, ratio NULLS LAST, difficulty NULLS LAST")) {
      long n = number(group.get("n"));
      groups.add(List.of((String) group.get("split"), (String) group.get("mode"), orNone(group.get("ratio")),
          orNone(group.get("difficulty")), count(n), share(number(group.get("ok")), n, number(group.get("checked")))));
      rows += n;
      checked += number(group.get("checked"));
      verified += number(group.get("ok"));
    }
    int header = lines.indexOf("Rows by split, mode, γ and difficulty");
    assertEquals(List.of("split", "mode", "γ", "difficulty", "rows", "verified"), cells(lines.get(header + 1)));
    List<List<String>> printed = new ArrayList<>();
    for (int i = header + 2; i < header + 2 + groups.size(); i++) {
      printed.add(cells(lines.get(i)));
    }
    assertEquals(groups, printed, table);
    assertEquals(List.of("all", count(rows), share(verified, rows, checked)),
        cells(lines.get(header + 2 + groups.size())));

    // lengths before and after, |achieved − γ| and tokens saved, by mode and γ, then all TokenSkip rows
    int lengths = header + 2 + groups.size() + 2;
    assertTrue(lines.get(lengths).startsWith("CoT length in words: percentiles (nearest rank)"), lines.get(lengths));
    List<List<String>> expected = new ArrayList<>();
    for (Map<String, Object> group : Parquet.query(dataset,
        "SELECT DISTINCT mode, ratio FROM rows ORDER BY ratio NULLS LAST, mode")) {
      String mode = (String) group.get("mode");
      Object ratio = group.get("ratio");
      expected.add(lengthCells(dataset, "mode = '" + mode + "' AND ratio " + (ratio == null ? "IS NULL" : "= " + ratio),
          mode, orNone(ratio)));
    }
    expected.add(lengthCells(dataset, "mode = 'tokenskip'", "tokenskip", "all"));
    List<List<String>> printedLengths = new ArrayList<>();
    for (int i = lengths + 3; i < lengths + 3 + expected.size(); i++) {
      printedLengths.add(cells(lines.get(i)));
    }
    assertEquals(expected, printedLengths, table);

    // verified, adaptive labels and the manifest's counts
    assertTrue(table.contains(checked == 0 ? "Verified       no row was checked (verified is null in every row)\n"
        : String.format(Locale.ROOT, "Verified       %,d of %,d rows correct (%s); %,d not checked%n", verified, rows,
            share(verified, rows, checked), rows - checked)), table);
    long adaptive = Parquet.count(dataset, "WHERE mode = 'adaptive'");
    if (adaptive > 0) {
      List<String> difficulty = new ArrayList<>();
      for (Map<String, Object> d : Parquet.query(dataset,
          "SELECT difficulty, count(*) AS n FROM rows WHERE mode = 'adaptive' GROUP BY ALL ORDER BY difficulty")) {
        difficulty.add(String.format(Locale.ROOT, "%s %,d (%s)", d.get("difficulty"), number(d.get("n")),
            share(number(d.get("n")), adaptive, adaptive)));
      }
      assertTrue(table.contains(String.format(Locale.ROOT, "Adaptive       %,d rows (one per question); difficulty %s%n",
          adaptive, String.join(", ", difficulty))), table);
      assertTrue(table.contains("token budget " + percentiles(dataset, "token_budget", "%d") + " (0 without one)\n"), table);
      assertTrue(table.contains("pass rate " + percentiles(dataset, "pass_rate", "%.2f") + " (0 without one)\n"), table);
    }
    JsonNode counts = JSON.readTree(dataset.resolve("manifest.json").toFile()).get("counts");
    assertTrue(table.contains(String.format(Locale.ROOT, "Filtered       %,d records", counts.get("filtered").asLong())));
    assertTrue(table.contains(String.format(Locale.ROOT, "Dead-lettered  %,d records",
        counts.get("dead_lettered").asLong())));
    assertTrue(table.contains(String.format(Locale.ROOT, "Duplicates     %,d exact, %,d near",
        counts.path("filtered_by_reason").path("duplicate").asLong(),
        counts.path("filtered_by_reason").path("near_duplicate").asLong())), table);
    assertTrue(table.contains(String.format(Locale.ROOT, "Contaminated   %,d",
        counts.path("filtered_by_reason").path("contaminated").asLong())), table);
  }

  /** The printed cells of one length row, from DuckDB: nearest-rank percentiles are quantile_disc. */
  private static List<String> lengthCells(Path dataset, String where, String mode, String ratio) throws Exception {
    StringBuilder select = new StringBuilder("SELECT count(*) AS n");
    for (String column : List.of("cot_tokens", "kept_tokens")) {
      for (int p : PERCENTILES) {
        select.append(", ").append(p == 100 ? "max(" + column + ")" : "quantile_disc(" + column + ", 0." + p + ")")
            .append(" AS ").append(column).append(p);
      }
    }
    select.append(", avg(abs(achieved_ratio - ratio)) AS mean_error, quantile_disc(abs(achieved_ratio - ratio), 0.95) "
        + "AS p95_error, sum(cot_tokens - kept_tokens) AS saved, sum(cot_tokens) AS total FROM rows WHERE ").append(where);
    Map<String, Object> row = Parquet.query(dataset, select.toString()).get(0);
    List<String> cells = new ArrayList<>(List.of(mode, ratio, count(number(row.get("n")))));
    for (String column : List.of("cot_tokens", "kept_tokens")) {
      for (int p : PERCENTILES) {
        cells.add(count(number(row.get(column + p))));
      }
    }
    cells.add(row.get("mean_error") == null ? "-" : String.format(Locale.ROOT, "%.4f", (Double) row.get("mean_error")));
    cells.add(row.get("p95_error") == null ? "-" : String.format(Locale.ROOT, "%.4f", (Double) row.get("p95_error")));
    cells.add(count(number(row.get("saved"))));
    cells.add(share(number(row.get("saved")), number(row.get("total")), 1));
    return cells;
  }

  /** "p10 26, p50 57, p90 107, p99 199, max 244" over the adaptive rows. */
  private static String percentiles(Path dataset, String column, String format) throws Exception {
    List<String> parts = new ArrayList<>();
    for (int p : PERCENTILES) {
      Object value = Parquet.query(dataset, "SELECT " + (p == 100 ? "max(" + column + ")" : "quantile_disc(" + column + ", 0." + p
          + ")") + " AS v FROM rows WHERE mode = 'adaptive'").get(0).get("v");
      parts.add((p == 100 ? "max " : "p" + p + " ") + String.format(Locale.ROOT, format, value));
    }
    return String.join(", ", parts);
  }

  // --- helpers ---

  private static Map<String, JsonNode> charts(Document html) throws Exception {
    Map<String, JsonNode> charts = new LinkedHashMap<>();
    for (JsonNode chart : JSON.readTree(html.getElementById("report-data").data()).get("charts")) {
      charts.put(chart.get("id").asText(), chart.get("config"));
      assertTrue(chart.at("/config/data/datasets").size() > 0, chart.get("id").asText());
    }
    return charts;
  }

  private static List<String> cells(String line) {
    return Arrays.asList(line.strip().split("\\s+"));
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static long sum(JsonNode values) {
    long sum = 0;
    for (JsonNode value : values) {
      sum += value.asLong();
    }
    return sum;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String share(long part, long whole, long checked) {
    return checked == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  private static String orNone(Object value) {
    return value == null ? "-" : value.toString();
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Files.copy(path, to.resolve(from.relativize(path).toString()));
      }
    }
  }

  private static Optional<Path> onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
  }

  private record Chromium(String out, String err) {}

  private static Chromium chromium(Path chromium, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile")));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Path err = Files.createTempFile(dir, "chromium", ".err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s: " + command);
    }
    assertEquals(0, process.exitValue(), Files.readString(err));
    return new Chromium(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
