package org.cotkit.pipelines.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders {@link DatasetStatistics} as one self-contained HTML page: the terminal table, and
 * Chart.js charts of the lengths before and after pruning per γ, achieved against target ratio,
 * and the adaptive rows' difficulty, token budgets and pass rates. Chart.js and the charts' data
 * are inlined, so the file opens offline; each chart is a {@code <canvas>} with a stable id. Only
 * aggregates reach the page, never a question or a CoT.
 */
public final class HtmlReport {

  /** Chart ids: one {@code length-<γ>} (or {@code length-<mode>}) per length group, then these. */
  public static final String ACHIEVED_VS_TARGET = "achieved-vs-target";
  public static final String DIFFICULTY = "difficulty";
  public static final String TOKEN_BUDGET = "token-budget";
  public static final String PASS_RATE = "pass-rate";

  /** What a chart of the adaptive rows says instead, on a dataset without them. */
  public static final String NO_ADAPTIVE_ROWS = "no adaptive rows";

  /** Points of the achieved-vs-target scatter per γ: a sample, so a large dataset keeps a small page. */
  static final int SCATTER_POINTS_PER_RATIO = 300;

  private static final String BEFORE_COLOUR = "rgba(150, 150, 150, 0.55)";
  private static final String AFTER_COLOUR = "rgba(37, 99, 235, 0.7)";
  private static final String[] SPLIT_COLOURS = {"rgba(37, 99, 235, 0.75)", "rgba(234, 88, 12, 0.75)",
      "rgba(22, 163, 74, 0.75)", "rgba(147, 51, 234, 0.75)"};

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private HtmlReport() {}

  /** The id of the length histogram of one group. */
  public static String lengthChartId(DatasetStatistics.Lengths lengths) {
    return "length-" + (lengths.ratio() != null ? lengths.ratio().toString() : lengths.mode());
  }

  /** The whole page; {@code table} is {@link StatisticsTable#render} of the same statistics. */
  public static String render(DatasetStatistics stats, String table) {
    List<Figure> figures = figures(stats);
    ArrayNode charts = JSON.arrayNode();
    figures.stream().filter(f -> f.config() != null)
        .forEach(f -> charts.addObject().put("id", f.id()).set("config", f.config()));
    ObjectNode data = JSON.objectNode();
    data.set("charts", charts);

    String name = stats.folder().replaceAll("/+$", "");
    name = name.substring(name.lastIndexOf('/') + 1);
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>cotkit stats: ").append(escape(name)).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n")
        .append("<body data-charts-expected=\"").append(charts.size()).append("\">\n")
        .append("<h1>cotkit stats: ").append(escape(name)).append("</h1>\n")
        .append("<p class=\"summary\">").append(escape(String.format(Locale.ROOT,
            "%s dataset at %s: %,d rows; CoT lengths in %s.", stats.command(), stats.folder(), stats.rows(),
            stats.lengthUnit()))).append("</p>\n");
    StatisticsTable.headline(stats).ifPresent(line ->
        html.append("<p class=\"headline\">").append(escape(line)).append("</p>\n"));
    html.append("<h2>Figures</h2>\n<pre class=\"table\">").append(escape(table)).append("</pre>\n")
        .append("<h2>Charts</h2>\n<section class=\"charts\">\n");
    for (Figure figure : figures) {
      html.append("<figure id=\"figure-").append(escape(figure.id())).append("\">\n<figcaption>")
          .append(escape(figure.caption())).append("</figcaption>\n");
      if (figure.config() != null) {
        html.append("<div class=\"chart\"><canvas id=\"").append(escape(figure.id())).append("\" role=\"img\" aria-label=\"")
            .append(escape(figure.caption())).append("\"></canvas></div>\n");
      } else {
        html.append("<p class=\"no-data\">").append(escape(figure.empty())).append("</p>\n");
      }
      html.append("</figure>\n");
    }
    html.append("</section>\n")
        .append("<script type=\"application/json\" id=\"report-data\">").append(scriptSafeJson(data))
        .append("</script>\n")
        .append("<script>\n").append(chartJs()).append("\n</script>\n")
        .append("<script>\n").append(resource("report.js")).append("</script>\n")
        .append("</body>\n</html>\n");
    return html.toString();
  }

  /** One chart: its Chart.js configuration, or null and what it says instead. */
  private record Figure(String id, String caption, ObjectNode config, String empty) {}

  private static List<Figure> figures(DatasetStatistics stats) {
    List<Figure> figures = new ArrayList<>();
    String unit = stats.lengthUnit();
    int max = 0;
    for (DatasetStatistics.Lengths lengths : stats.lengths()) {
      max = Math.max(max, Math.max(last(lengths.before), last(lengths.after)));
    }
    ChartBins bins = ChartBins.upTo(max); // the same bins for every γ, so the charts compare
    for (DatasetStatistics.Lengths lengths : stats.lengths()) {
      boolean pruned = lengths.ratio() != null;
      ArrayNode datasets = JSON.arrayNode();
      datasets.add(dataset(pruned ? "before pruning (cot_tokens)" : "CoT (cot_tokens)", bins.counts(lengths.before),
          BEFORE_COLOUR));
      if (pruned) {
        datasets.add(dataset("after pruning (kept_tokens)", bins.counts(lengths.after), AFTER_COLOUR));
        // before and after share a bin's place, the translucent one over the other
        datasets.forEach(dataset -> ((ObjectNode) dataset).put("grouped", false));
      }
      figures.add(new Figure(lengthChartId(lengths),
          (pruned ? "CoT length at γ " + lengths.ratio() + ", before and after pruning"
              : "CoT length of the " + lengths.mode() + " rows (not pruned)")
              + String.format(Locale.ROOT, " (%,d rows)", lengths.rows()),
          bar(bins.labels(), datasets, "CoT length (" + unit + ")", "rows", false), null));
    }
    figures.add(achievedVsTarget(stats));
    figures.addAll(adaptive(stats));
    return figures;
  }

  private static Figure achievedVsTarget(DatasetStatistics stats) {
    String caption = "Achieved ratio (kept_tokens / cot_tokens) against target γ";
    List<DatasetStatistics.Lengths> pruned = stats.lengths().stream().filter(l -> l.ratio() != null).toList();
    if (pruned.stream().allMatch(l -> l.achieved.length == 0)) {
      return new Figure(ACHIEVED_VS_TARGET, caption, null, "no rows with a γ");
    }
    ArrayNode points = JSON.arrayNode();
    double low = Double.MAX_VALUE;
    double high = -Double.MAX_VALUE;
    for (DatasetStatistics.Lengths lengths : pruned) {
      double[] achieved = lengths.achieved;
      int k = Math.min(achieved.length, SCATTER_POINTS_PER_RATIO);
      for (int i = 0; i < k; i++) {
        // evenly spaced through the sorted values: the sample keeps the spread, tails included
        int index = k == 1 ? 0 : (int) ((long) i * (achieved.length - 1) / (k - 1));
        double jitter = ((i * 7) % 21 - 10) * 0.0015; // spreads a γ's column so its points do not all overlap
        points.addObject().put("x", lengths.ratio() + jitter).put("y", achieved[index]);
      }
      low = Math.min(low, Math.min(lengths.ratio(), achieved.length > 0 ? achieved[0] : lengths.ratio()));
      high = Math.max(high, Math.max(lengths.ratio(), achieved.length > 0 ? achieved[achieved.length - 1] : 0));
    }
    ArrayNode datasets = JSON.arrayNode();
    ObjectNode rows = datasets.addObject();
    rows.put("label", "rows (up to " + SCATTER_POINTS_PER_RATIO + " a γ, spread across its range)");
    rows.set("data", points);
    rows.put("pointRadius", 2).put("backgroundColor", AFTER_COLOUR).put("borderColor", AFTER_COLOUR);
    ObjectNode diagonal = datasets.addObject();
    diagonal.put("type", "line").put("label", "achieved = γ");
    diagonal.set("data", JSON.arrayNode().add(point(low - 0.02)).add(point(high + 0.02)));
    diagonal.put("borderColor", "rgba(80, 80, 80, 0.8)").put("pointRadius", 0).put("borderWidth", 1);
    diagonal.set("borderDash", JSON.arrayNode().add(4).add(4));
    ObjectNode config = JSON.objectNode().put("type", "scatter");
    config.set("data", JSON.objectNode().set("datasets", datasets));
    ObjectNode options = options();
    ObjectNode scales = options.putObject("scales");
    scales.set("x", axis("target γ").put("type", "linear"));
    scales.set("y", axis("achieved ratio"));
    config.set("options", options);
    return new Figure(ACHIEVED_VS_TARGET, caption, config, null);
  }

  private static List<Figure> adaptive(DatasetStatistics stats) {
    DatasetStatistics.Adaptive adaptive = stats.adaptive();
    String difficultyCaption = "Difficulty of the adaptive rows (one per question), by split";
    String budgetCaption = "Token budget of the adaptive rows (" + stats.lengthUnit() + ")";
    String passRateCaption = "Pass rate of the teacher samples, adaptive rows";
    if (adaptive.rows() == 0) {
      return List.of(new Figure(DIFFICULTY, difficultyCaption, null, NO_ADAPTIVE_ROWS),
          new Figure(TOKEN_BUDGET, budgetCaption, null, NO_ADAPTIVE_ROWS),
          new Figure(PASS_RATE, passRateCaption, null, NO_ADAPTIVE_ROWS));
    }
    List<Figure> figures = new ArrayList<>();
    TreeSet<String> difficulties = new TreeSet<>();
    adaptive.difficultyBySplit().values().forEach(bySplit -> difficulties.addAll(bySplit.keySet()));
    List<String> labels = new ArrayList<>(difficulties);
    ArrayNode datasets = JSON.arrayNode();
    int colour = 0;
    for (Map.Entry<String, Map<String, Long>> split : adaptive.difficultyBySplit().entrySet()) {
      long[] counts = new long[labels.size()];
      for (int i = 0; i < labels.size(); i++) {
        counts[i] = split.getValue().getOrDefault(labels.get(i), 0L);
      }
      datasets.add(dataset(split.getKey(), counts, SPLIT_COLOURS[colour++ % SPLIT_COLOURS.length]));
    }
    figures.add(new Figure(DIFFICULTY, difficultyCaption, bar(labels, datasets, "difficulty", "rows", true), null));

    if (adaptive.tokenBudgets().length == 0) {
      figures.add(new Figure(TOKEN_BUDGET, budgetCaption, null, "no adaptive row has a token budget"));
    } else {
      ChartBins bins = ChartBins.upTo(last(adaptive.tokenBudgets()));
      figures.add(new Figure(TOKEN_BUDGET, budgetCaption + String.format(Locale.ROOT, " (%,d without one)",
          adaptive.withoutBudget()), bar(bins.labels(), JSON.arrayNode().add(dataset("rows",
              bins.counts(adaptive.tokenBudgets()), AFTER_COLOUR)), "token budget (" + stats.lengthUnit() + ")",
              "rows", false), null));
    }
    if (adaptive.passRates().length == 0) {
      figures.add(new Figure(PASS_RATE, passRateCaption, null, "no adaptive row has a pass rate"));
    } else {
      ChartBins.Histogram histogram = ChartBins.shares(adaptive.passRates());
      figures.add(new Figure(PASS_RATE, passRateCaption + String.format(Locale.ROOT, " (%,d without one)",
          adaptive.withoutPassRate()), bar(histogram.labels(), JSON.arrayNode().add(dataset("rows",
              histogram.counts(), AFTER_COLOUR)), "pass rate", "rows", false), null));
    }
    return figures;
  }

  private static ObjectNode bar(List<String> labels, ArrayNode datasets, String xTitle, String yTitle,
      boolean stacked) {
    ObjectNode config = JSON.objectNode().put("type", "bar");
    ObjectNode data = config.putObject("data");
    ArrayNode labelArray = data.putArray("labels");
    labels.forEach(labelArray::add);
    data.set("datasets", datasets);
    ObjectNode options = options();
    ObjectNode scales = options.putObject("scales");
    scales.set("x", axis(xTitle).put("stacked", stacked));
    scales.set("y", axis(yTitle).put("stacked", stacked).put("beginAtZero", true));
    config.set("options", options);
    return config;
  }

  private static ObjectNode options() {
    ObjectNode options = JSON.objectNode().put("responsive", true).put("maintainAspectRatio", false);
    options.putObject("plugins").putObject("legend").put("position", "bottom");
    return options;
  }

  private static ObjectNode axis(String title) {
    ObjectNode axis = JSON.objectNode();
    axis.putObject("title").put("display", true).put("text", title);
    return axis;
  }

  private static ObjectNode dataset(String label, long[] counts, String colour) {
    ObjectNode dataset = JSON.objectNode().put("label", label).put("backgroundColor", colour)
        .put("borderColor", colour).put("borderWidth", 1);
    ArrayNode data = dataset.putArray("data");
    for (long count : counts) {
      data.add(count);
    }
    dataset.put("barPercentage", 1.0).put("categoryPercentage", 0.9); // the bars of a histogram touch
    return dataset;
  }

  private static ObjectNode point(double value) {
    return JSON.objectNode().put("x", value).put("y", value);
  }

  private static int last(int[] sorted) {
    return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
  }

  /** JSON that cannot close its {@code <script>} element: {@code <}, {@code >} and {@code &} escaped. */
  static String scriptSafeJson(Object value) {
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().setCharacterEscapes(new CharacterEscapes() {
      private final int[] ascii = standardAsciiEscapesForJSON();

      {
        ascii['<'] = ESCAPE_STANDARD;
        ascii['>'] = ESCAPE_STANDARD;
        ascii['&'] = ESCAPE_STANDARD;
      }

      @Override
      public int[] getEscapeCodesForAscii() {
        return ascii;
      }

      @Override
      public SerializableString getEscapeSequence(int ch) {
        // line and paragraph separators end a line in older JavaScript
        return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
      }
    });
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Text for HTML content and attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Chart.js as the npm package ships it, less its source-map comment: the map is not shipped, and a
   * browser's developer tools would report it missing.
   */
  private static String chartJs() {
    return resource("chart.umd.min.js").replaceAll("(?m)^//# sourceMappingURL=.*$", "").strip();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the cotkit jar lacks its resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String STYLE = """
      body { font-family: system-ui, sans-serif; margin: 24px 32px; color: #1f2937; background: #fff; }
      h1 { font-size: 22px; margin: 0 0 6px; }
      h2 { font-size: 17px; margin: 24px 0 8px; }
      p.summary, p.headline { margin: 4px 0; }
      p.headline { font-weight: 600; }
      pre.table { font-size: 12px; line-height: 1.35; background: #f8fafc; border: 1px solid #e5e7eb;
        padding: 10px 12px; overflow-x: auto; }
      section.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 20px; }
      figure { margin: 0; border: 1px solid #e5e7eb; padding: 10px 12px; }
      figcaption { font-size: 14px; font-weight: 600; margin-bottom: 6px; }
      div.chart { position: relative; height: 280px; }
      p.no-data { height: 80px; display: flex; align-items: center; justify-content: center; color: #6b7280;
        font-style: italic; margin: 0; }
      """;
}
