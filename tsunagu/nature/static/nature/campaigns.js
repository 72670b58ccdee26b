// Survey campaign pages: the sites map (MapLibre), the season and night charts (ECharts),
// and the delete confirmation of the visit form. Data comes from json_script blocks; every
// figure is also in a table on the page.
(function () {
  "use strict";

  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });

  const palette = ["#0b6e4f", "#c0392b", "#2e86c1", "#b9770e", "#7d3c98", "#17a589", "#5d6d7e"];

  const mapNode = document.getElementById("campaign-map");
  const mapData = document.getElementById("campaign-map-data");
  if (mapNode && mapData && typeof maplibregl !== "undefined") {
    const geo = JSON.parse(mapData.textContent);
    const map = new maplibregl.Map({
      container: mapNode, center: [136.656, 36.561], zoom: 13,
      style: { version: 8,
        sources: { base: { type: "raster", tiles: [geo.tiles], tileSize: 256,
                           attribution: geo.attribution } },
        layers: [{ id: "bg", type: "background", paint: { "background-color": "#eef3f7" } },
                 { id: "base", type: "raster", source: "base" }] },
    });
    map.on("load", () => {
      const data = { type: "FeatureCollection", features: geo.features };
      const bounds = new maplibregl.LngLatBounds();
      geo.features.forEach((f) => {
        const c = f.geometry.coordinates;
        (f.geometry.type === "Point" ? [c] : c).forEach((p) => bounds.extend(p));
      });
      if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: 48, maxZoom: 16, animate: false });
      map.addSource("sites", { type: "geojson", data });
      map.addLayer({ id: "transects", type: "line", source: "sites",
        filter: ["==", ["geometry-type"], "LineString"],
        paint: { "line-color": "#0b6e4f", "line-width": 4 } });
      map.addLayer({ id: "points", type: "circle", source: "sites",
        filter: ["==", ["geometry-type"], "Point"],
        paint: { "circle-radius": 7, "circle-color": "#c0392b",
                 "circle-stroke-color": "#fff", "circle-stroke-width": 2 } });
      map.on("click", "points", (e) => {
        const p = e.features[0].properties;
        const text = document.createElement("span");
        text.textContent = `${p.code} · ${p.name} (${p.kind})`;
        new maplibregl.Popup().setLngLat(e.lngLat).setDOMContent(text).addTo(map);
      });
    });
  }

  const chartData = document.getElementById("campaign-chart-data");
  const seasonNode = document.getElementById("season-chart");
  const nightNode = document.getElementById("night-chart");
  if (!chartData || !seasonNode || typeof echarts === "undefined") return;
  const data = JSON.parse(chartData.textContent);
  const taxonSelect = document.getElementById("chart-taxon");
  const measureSelect = document.getElementById("chart-measure");
  const seasonChart = echarts.init(seasonNode, null, { renderer: "canvas" });
  const nightChart = nightNode ? echarts.init(nightNode, null, { renderer: "canvas" }) : null;
  const round = (v) => (v == null ? null : Math.round(v * 10) / 10);

  function draw() {
    const taxon = taxonSelect ? taxonSelect.value : "all";
    const measure = measureSelect ? measureSelect.value : "mean";
    const years = data.years.map(String);
    const seasonSeries = data.sites.map((site, i) => {
      const byYear = new Map(data.seasons
        .filter((r) => r.site === site.code && r.taxon === taxon)
        .map((r) => [String(r.year), round(r[measure])]));
      return { name: site.name, type: "line", connectNulls: false, symbolSize: 6,
               itemStyle: { color: palette[i % palette.length] },
               data: years.map((y) => (byYear.has(y) ? byYear.get(y) : null)) };
    });
    seasonChart.setOption({
      animation: false, tooltip: { trigger: "axis" },
      legend: { type: "scroll", bottom: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 56 },
      title: { text: data.labels[measure], textStyle: { fontSize: 13 } },
      xAxis: { type: "category", data: years },
      yAxis: { type: "value", min: 0 },
      series: seasonSeries,
    }, true);
    if (!nightChart) return;
    const nightSeries = data.sites.map((site, i) => ({
      name: site.name, type: "line", symbolSize: 7,
      itemStyle: { color: palette[i % palette.length] },
      data: data.nights.filter((r) => r.site === site.code && r.taxon === taxon)
        .map((r) => [r.date, r.total]),
    }));
    nightChart.setOption({
      animation: false, tooltip: { trigger: "axis" },
      legend: { type: "scroll", bottom: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 56 },
      title: { text: `${data.labels.night} (${data.current_year})`, textStyle: { fontSize: 13 } },
      xAxis: { type: "time" },
      yAxis: { type: "value", min: 0, minInterval: 1 },
      series: nightSeries,
    }, true);
  }

  draw();
  [taxonSelect, measureSelect].forEach((node) => node && node.addEventListener("change", draw));
  window.addEventListener("resize", () => { seasonChart.resize(); nightChart && nightChart.resize(); });
})();
