package org.cotkit.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** report.html keeps text from the data inert, and its charts' bins read and add up. */
class HtmlReportTest {

  private static final String HOSTILE = "</script><img src=x onerror=alert(1)>&\u2028'\"";

  @Test
  void textFromTheDataStaysTextInTheTableAndTheChartData() throws Exception {
    RowTally tally = new RowTally();
    tally.add(new DatasetRow(HOSTILE, "adaptive", null, null, HOSTILE, 0.5, 20, 40, 40, true));
    tally.add(new DatasetRow("train", "tokenskip", 0.5, 0.5, HOSTILE, null, null, 40, 20, null));
    DatasetStatistics stats = tally.statistics("/data/<b>x</b>", "build", "tokens of <i>tok</i>",
        new DatasetStatistics.ManifestCounts(2, 1, Map.of(HOSTILE, 1L), 0, Map.of(), Optional.empty(), Optional.empty()));
    String table = StatisticsTable.render(stats);
    String page = HtmlReport.render(stats, table);
    Document html = Jsoup.parse(page);
    assertEquals(List.of(), html.select("img, b, i").eachAttr("outerHtml"), "no element from the data");
    assertEquals(table, html.selectFirst("pre.table").wholeText());
    assertEquals(3, html.select("script").size(), "the data, Chart.js and the drawing script; none closed early");
    String data = html.getElementById("report-data").data();
    assertFalse(data.contains("<") || data.contains(">") || data.contains("\u2028"), data);
    JsonNode difficulty = null;
    for (JsonNode chart : new ObjectMapper().readTree(data).get("charts")) {
      if (chart.get("id").asText().equals(HtmlReport.DIFFICULTY)) {
        difficulty = chart.get("config");
      }
    }
    assertEquals(HOSTILE, difficulty.at("/data/labels/0").asText(), "the label reaches Chart.js as it was");
    assertEquals(HOSTILE, difficulty.at("/data/datasets/0/label").asText());
    assertTrue(html.title().startsWith("cotkit stats: "), html.title());
  }

  @Test
  void lengthBinsHaveARoundWidthAndCountEveryValue() {
    ChartBins bins = ChartBins.upTo(206);
    assertEquals(21, bins.labels().size());
    assertEquals("0–9", bins.labels().get(0));
    assertEquals("200–209", bins.labels().get(20));
    long[] counts = bins.counts(new int[] {0, 9, 10, 206, -3});
    assertEquals(3, counts[0]);
    assertEquals(1, counts[1]);
    assertEquals(1, counts[20]);
    assertEquals(List.of("0", "1", "2"), ChartBins.upTo(2).labels());
    assertEquals("0–49", ChartBins.upTo(1000).labels().get(0));
  }

  @Test
  void passRatesGetABarEachWhenFewElseTwentyBins() {
    ChartBins.Histogram few = ChartBins.shares(new double[] {0, 0, 0.25, 1.0});
    assertEquals(List.of("0.00", "0.25", "1.00"), few.labels());
    assertEquals(List.of(2L, 1L, 1L), List.of(few.counts()[0], few.counts()[1], few.counts()[2]));
    double[] many = new double[100];
    for (int i = 0; i < many.length; i++) {
      many[i] = i / 99.0;
    }
    ChartBins.Histogram binned = ChartBins.shares(many);
    assertEquals(20, binned.labels().size());
    assertEquals(100, java.util.Arrays.stream(binned.counts()).sum());
    assertEquals("0.95–1.00", binned.labels().get(19));
  }
}
