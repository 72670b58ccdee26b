// Kanazawa's exchanges per year: stacked bars by type and a line of cities reached.
(function () {
  "use strict";
  const node = document.getElementById("network-chart");
  if (!node || typeof echarts === "undefined") return;
  const data = JSON.parse(document.getElementById("network-chart-data").textContent);
  if (!data.years.length) { node.hidden = true; return; }
  const chart = echarts.init(node);
  chart.setOption({
    tooltip: { trigger: "axis" },
    legend: { type: "scroll" },
    xAxis: { type: "category", data: data.years },
    yAxis: { type: "value", minInterval: 1 },
    series: data.series.map((s) => ({ name: s.name, type: "bar", stack: "kinds", data: s.data }))
      .concat([{ name: data.cities_label, type: "line", data: data.cities }]),
  });
  window.addEventListener("resize", () => chart.resize());
})();
