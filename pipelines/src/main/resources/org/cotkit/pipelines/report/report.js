// Draws the charts of report.html: every chart's Chart.js configuration is in the report-data JSON,
// computed by HtmlReport; this only hands each to Chart.js. The body's data-charts-rendered says how
// many were drawn (data-chart-error why one was not), for headless checks.
(function () {
  var report = JSON.parse(document.getElementById('report-data').textContent);
  var rendered = 0;
  Chart.defaults.animation = false; // drawn at once: a screenshot or a print shows the final chart
  Chart.defaults.font.family = 'system-ui, sans-serif';
  try {
    report.charts.forEach(function (chart) {
      new Chart(document.getElementById(chart.id), chart.config);
      rendered++;
    });
  } catch (e) {
    document.body.dataset.chartError = String((e && e.message) || e);
  }
  document.body.dataset.chartsRendered = String(rendered);
})();
