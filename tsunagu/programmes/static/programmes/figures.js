// Chart of the programme figures per year (ECharts); the same figures are in the table.
(function () {
  "use strict";
  const dataNode = document.getElementById("figures-data");
  const chartNode = document.getElementById("figures-chart");
  if (!dataNode || !chartNode || typeof echarts === "undefined") return;
  const data = JSON.parse(dataNode.textContent);
  if (!data.years.length) return;
  echarts.init(chartNode).setOption({
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: "category", data: data.years.map(String) },
    yAxis: { type: "value", minInterval: 1 },
    series: data.series.map((s) => ({ name: s.name, type: "bar", data: s.data })),
  });
})();
