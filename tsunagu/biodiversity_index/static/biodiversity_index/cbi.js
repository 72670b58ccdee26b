// Comparison across years on the City Biodiversity Index page (ECharts). The data comes from
// <script id="cbi-chart-data"> (json_script); every figure is also in the table on the page.
(function () {
  "use strict";
  const dataNode = document.getElementById("cbi-chart-data");
  const chartNode = document.getElementById("cbi-chart");
  if (!dataNode || !chartNode || typeof echarts === "undefined") return;
  const data = JSON.parse(dataNode.textContent);
  if (!data.years.length) return;
  echarts.init(chartNode, null, { renderer: "svg" }).setOption({
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { type: "scroll", bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: "category", data: data.years.map(String) },
    yAxis: { type: "value", max: data.max, minInterval: 1 },
    series: data.components.map((c) => ({
      name: c.label, type: "bar", stack: "cbi", data: c.values,
      label: { show: false },
    })).concat([{
      name: data.total_label, type: "line", data: data.total, label: { show: true, position: "top" },
    }]),
  });
})();
