// Charts of the yearly statistics page (ECharts). Data comes from <script id="chart-data">
// (json_script); every figure is also in a table on the page.
(function () {
  "use strict";
  const dataNode = document.getElementById("chart-data");
  if (!dataNode || typeof echarts === "undefined") return;
  const data = JSON.parse(dataNode.textContent);

  const eventsNode = document.getElementById("events-chart");
  if (eventsNode && data.years.length) {
    echarts.init(eventsNode, null, { renderer: "svg" }).setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 56 },
      xAxis: { type: "category", data: data.years.map(String) },
      yAxis: { type: "value", minInterval: 1 },
      series: data.kinds.map((kind) => ({
        name: kind.label, type: "bar", stack: "participants", data: kind.participants,
      })),
    });
  }

  const sdgNode = document.getElementById("sdg-chart");
  if (sdgNode && data.goals.length) {
    echarts.init(sdgNode, null, { renderer: "svg" }).setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: "category", data: data.goals.map((g) => String(g.number)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [{
        type: "bar",
        name: "",
        data: data.goals.map((g) => ({ value: g.projects, name: g.title,
                                       itemStyle: { color: g.colour } })),
      }],
    });
  }
})();
