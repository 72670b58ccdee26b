// Visitor statistics charts (ECharts). Data comes from json_script nodes; every figure is
// also in a table on the page.
(function () {
  "use strict";
  if (typeof echarts === "undefined") return;

  function data(id) {
    const node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  const monthly = data("monthly-chart-data");
  const monthlyNode = document.getElementById("monthly-chart");
  if (monthly && monthlyNode) {
    echarts.init(monthlyNode).setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: { left: 72, right: 16, top: 16, bottom: 80 },
      dataZoom: [{ type: "slider", bottom: 28 }],
      xAxis: { type: "category", data: monthly.labels },
      yAxis: { type: "value" },
      series: monthly.series.map((s) => ({
        name: s.name,
        type: s.key === "visitors" ? "line" : "bar",
        stack: s.key === "visitors" ? undefined : "stays",
        data: s.values,
      })),
    });
  }

  const crowding = data("crowding-chart-data");
  const crowdingNode = document.getElementById("crowding-chart");
  if (crowding && crowdingNode) {
    const max = Math.max(...crowding.cells.map((c) => c[2]), crowding.critical || 0);
    const visualMap = crowding.warning === null
      ? { min: 0, max: max, calculable: true, orient: "horizontal", left: "center", bottom: 0 }
      : {
          type: "piecewise", orient: "horizontal", left: "center", bottom: 0,
          pieces: [
            { lt: crowding.warning, label: crowding.labels.normal, color: "#c6e2f5" },
            { gte: crowding.warning, lt: crowding.critical, label: crowding.labels.warning, color: "#f6c342" },
            { gte: crowding.critical, label: crowding.labels.critical, color: "#d93025" },
          ],
        };
    echarts.init(crowdingNode).setOption({
      animation: false,
      tooltip: {
        formatter: (p) => `${crowding.years[p.value[1]]} ${crowding.months[p.value[0]]}: ${p.value[2]}`,
      },
      grid: { left: 56, right: 16, top: 16, bottom: 64 },
      xAxis: { type: "category", data: crowding.months, splitArea: { show: true } },
      yAxis: { type: "category", data: crowding.years, splitArea: { show: true } },
      visualMap: visualMap,
      series: [{
        name: crowding.labels.value,
        type: "heatmap",
        data: crowding.cells,
        label: { show: true, fontSize: 10 },
      }],
    });
  }
})();
