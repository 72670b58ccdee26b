// Charts for the indicator pages: ECharts for series and distributions, MapLibre for the map.
// Data comes from the page's <script id="chart-data"> (json_script); text alternatives are in
// the page itself (tables and aria-labels), so the charts add nothing a screen reader misses.
(function () {
  "use strict";
  const dataNode = document.getElementById("chart-data");
  if (!dataNode || typeof echarts === "undefined") return;
  const data = JSON.parse(dataNode.textContent);
  const accent = "#8a1c1c";

  document.querySelectorAll(".sparkline[data-series]").forEach((node) => {
    const points = (data.series || {})[node.dataset.series] || [];
    if (points.length < 2) return;
    echarts.init(node, null, { renderer: "svg" }).setOption({
      animation: false, grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: "value", show: false, min: "dataMin", max: "dataMax" },
      yAxis: { type: "value", show: false, scale: true },
      series: [{ type: "line", data: points, symbol: "none", lineStyle: { color: accent } }],
    });
  });

  const distribution = document.getElementById("goal-distribution");
  if (distribution && data.distribution && data.distribution.length) {
    const bins = new Array(20).fill(0);
    data.distribution.forEach((v) => { bins[Math.min(19, Math.floor(v / 5))] += 1; });
    const mine = data.highlight == null ? -1 : Math.min(19, Math.floor(data.highlight / 5));
    echarts.init(distribution, null, { renderer: "svg" }).setOption({
      animation: false,
      xAxis: { type: "category", data: bins.map((_, i) => `${i * 5}–${i * 5 + 5}`) },
      yAxis: { type: "value" },
      series: [{ type: "bar", data: bins.map((count, i) => ({
        value: count, itemStyle: { color: i === mine ? accent : "#9aa5b1" } })) }],
    });
  }

  const series = document.getElementById("indicator-series");
  if (series && data.series) {
    const line = { type: "line", data: data.series, lineStyle: { color: accent },
                   itemStyle: { color: accent } };
    if (data.target != null) {
      line.markLine = { symbol: "none", lineStyle: { type: "dashed", color: "#1e7d32" },
                        data: [{ yAxis: data.target, name: `target ${data.target_year}` }] };
    }
    const withTarget = (v) => (data.target == null ? v : Math.max(v, data.target));
    const belowTarget = (v) => (data.target == null ? v : Math.min(v, data.target));
    echarts.init(series, null, { renderer: "svg" }).setOption({
      animation: false, tooltip: { trigger: "axis" },
      xAxis: { type: "value", min: "dataMin", max: Math.max(2030, ...data.series.map((p) => p[0])),
               minInterval: 1, axisLabel: { formatter: (v) => String(v) } },
      yAxis: { type: "value", scale: true, max: (r) => Math.ceil(withTarget(r.max)),
               min: (r) => Math.floor(belowTarget(r.min)) },
      series: [line],
    });
  }

  const mapNode = document.getElementById("indicator-map");
  if (mapNode && typeof maplibregl !== "undefined" && mapNode.dataset.geojson) {
    const map = new maplibregl.Map({
      container: mapNode, center: [137.5, 37.5], zoom: 4, attributionControl: false,
      style: { version: 8, sources: {}, layers: [{ id: "bg", type: "background",
               paint: { "background-color": "#eef3f7" } }] },
    });
    map.on("load", async () => {
      const geojson = await (await fetch(mapNode.dataset.geojson)).json();
      const bounds = new maplibregl.LngLatBounds();
      const extend = (c) => (typeof c[0] === "number" ? bounds.extend(c) : c.forEach(extend));
      geojson.features.forEach((f) => f.geometry && extend(f.geometry.coordinates));
      if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: 20, animate: false });
      map.addSource("areas", { type: "geojson", data: geojson });
      map.addLayer({ id: "fill", type: "fill", source: "areas", paint: {
        "fill-color": ["interpolate", ["linear"], ["coalesce", ["get", "score"], -1],
          -1, "#dddddd", 0, "#f7e3e3", 50, "#d27a7a", 100, "#5e1313"],
        "fill-outline-color": "#ffffff" } });
      map.addLayer({ id: "selected", type: "line", source: "areas",
        filter: ["==", ["get", "code"], mapNode.dataset.area || ""],
        paint: { "line-color": "#0b4f8a", "line-width": 3 } });
    });
  }
})();
