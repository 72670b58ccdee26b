// The world map of the Creative Cities Network: country outlines from world-atlas, member
// cities coloured by field and lines from Kanazawa to its exchange partners. Choosing a field
// filters the map, the count and the table without reloading; the form still works without it.
(function () {
  "use strict";
  const node = document.getElementById("network-map");
  const select = document.getElementById("network-field");
  const count = document.getElementById("network-count");
  if (!node || typeof maplibregl === "undefined") return;
  const points = JSON.parse(document.getElementById("network-points").textContent);
  const lines = JSON.parse(document.getElementById("network-lines").textContent);
  const strings = JSON.parse(document.getElementById("network-strings").textContent);
  const rows = Array.from(document.querySelectorAll("[data-testid=city-table] tbody tr[data-field]"));
  const COLOURS = JSON.parse(document.getElementById("network-colours").textContent);
  const colour = ["match", ["get", "field"]];
  for (const [field, value] of Object.entries(COLOURS)) colour.push(field, value);
  colour.push("#555");

  const map = new maplibregl.Map({
    container: node, center: [60, 25], zoom: 0.8, attributionControl: false,
    style: { version: 8, sources: {}, layers: [{ id: "sea", type: "background",
             paint: { "background-color": "#eaf2f8" } }] },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }));

  function pointFeatures() {
    return { type: "FeatureCollection", features: points.map((p) => ({
      type: "Feature", geometry: { type: "Point", coordinates: [p.lon, p.lat] },
      properties: { slug: p.slug, name: p.name, field: p.field, label: p.field_label } })) };
  }

  // Partners across the antimeridian are reached over the Pacific, not around the world.
  function nearest(from, to) {
    let lon = to[0];
    if (lon - from[0] > 180) lon -= 360;
    if (lon - from[0] < -180) lon += 360;
    return [lon, to[1]];
  }

  function lineFeatures() {
    return { type: "FeatureCollection", features: lines.map((l) => ({
      type: "Feature", geometry: { type: "LineString", coordinates: [l.from, nearest(l.from, l.to)] },
      properties: { slug: l.slug, name: l.name, exchanges: l.exchanges } })) };
  }

  function apply(field) {
    node.dataset.field = field;
    if (map.getLayer("cities")) {
      map.setFilter("cities", field ? ["==", ["get", "field"], field] : null);
    }
    let shown = 0;
    for (const row of rows) {
      row.hidden = Boolean(field) && row.dataset.field !== field;
      if (!row.hidden) shown += 1;
    }
    const mapped = points.filter((p) => !field || p.field === field).length;
    count.dataset.shown = shown;
    count.dataset.mapped = mapped;
    count.textContent = strings.count.replace("%(shown)s", shown).replace("%(mapped)s", mapped);
  }

  map.on("load", async () => {
    try {
      const world = await (await fetch(node.dataset.world)).json();
      const countries = topojson.feature(world, world.objects.countries);
      // Antarctica (ISO 3166 numeric 010) stretches along the map's lower edge; leave it out.
      countries.features = countries.features.filter((f) => f.id !== "010");
      map.addSource("countries", { type: "geojson", data: countries });
      map.addLayer({ id: "land", type: "fill", source: "countries",
        paint: { "fill-color": "#f7f4ee", "fill-outline-color": "#b9b2a6" } });
    } catch (error) {
      node.dataset.basemapError = String(error);
    }
    map.addSource("lines", { type: "geojson", data: lineFeatures() });
    map.addLayer({ id: "exchange-lines", type: "line", source: "lines",
      paint: { "line-color": "#c0392b", "line-width": ["min", 6, ["+", 1, ["get", "exchanges"]]],
               "line-opacity": 0.7 } });
    map.addSource("cities", { type: "geojson", data: pointFeatures() });
    map.addLayer({ id: "cities", type: "circle", source: "cities",
      paint: { "circle-radius": 4, "circle-color": colour,
               "circle-stroke-color": "#fff", "circle-stroke-width": 1 } });
    map.on("click", "cities", (event) => {
      const p = event.features[0].properties;
      window.location.href = `${window.location.pathname}cities/${p.slug}/`;
    });
    map.on("mouseenter", "cities", () => { map.getCanvas().style.cursor = "pointer"; });
    map.on("mouseleave", "cities", () => { map.getCanvas().style.cursor = ""; });
    apply(select.value);
    node.dataset.ready = "true";
  });

  select.addEventListener("change", () => {
    apply(select.value);
    const url = new URL(window.location.href);
    if (select.value) url.searchParams.set("field", select.value);
    else url.searchParams.delete("field");
    window.history.replaceState(null, "", url);
  });
})();
