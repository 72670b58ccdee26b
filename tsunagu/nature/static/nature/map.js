// The observation map: clusters from /api/v1/nature/map/clusters for the view and filters,
// redrawn on every move; the summary and list below the map say the same in text.
(function () {
  "use strict";
  const node = document.getElementById("nature-map");
  const form = document.getElementById("map-filters");
  if (!node || !form || typeof maplibregl === "undefined") return;
  const strings = JSON.parse(document.getElementById("map-strings").textContent);
  const outlines = JSON.parse(document.getElementById("map-outlines").textContent);
  const summary = document.getElementById("map-summary");
  const list = document.getElementById("map-list");
  const more = document.getElementById("map-list-more");
  const errorNode = document.getElementById("map-error");
  const taxonName = document.getElementById("map-taxon-name");
  const taxonId = document.getElementById("map-taxon");
  const options = document.getElementById("map-taxon-options");
  const lang = document.documentElement.lang || "ja";
  const LISTED = 50;

  const map = new maplibregl.Map({
    container: node,
    center: node.dataset.center.split(",").map(Number),
    zoom: Number(node.dataset.zoom),
    attributionControl: false,
    style: { version: 8, sources: {}, layers: [{ id: "bg", type: "background",
             paint: { "background-color": "#eef3f7" } }] },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }));

  function filters() {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (name !== "taxon_name" && value) params.set(name, value);
    }
    return params;
  }

  // MapLibre draws 512 px tiles; the API counts zoom in 256 px tiles, one level more.
  function viewParams() {
    const b = map.getBounds();
    const clampLon = (v) => Math.max(-180, Math.min(180, v));
    const clampLat = (v) => Math.max(-85, Math.min(85, v));
    const params = filters();
    params.set("bbox", [clampLon(b.getWest()), clampLat(b.getSouth()),
                        clampLon(b.getEast()), clampLat(b.getNorth())]
      .map((v) => v.toFixed(5)).join(","));
    params.set("zoom", String(Math.max(0, Math.min(22, Math.round(map.getZoom()) + 1))));
    return params;
  }

  function describe(p) {
    const parts = [p.taxon || strings.unidentified, p.observed_on || strings.date_unknown,
                   p.grade_label];
    return parts.join(" — ") + (p.generalised ? ` (${strings.generalised})` : "");
  }

  function observationUrl(p) { return `${node.dataset.observationUrl}${p.uuid}/`; }

  function showText(data) {
    summary.dataset.total = data.total;
    summary.dataset.clusters = data.clusters;
    summary.textContent = strings.summary.replace("%(total)s", data.total)
      .replace("%(clusters)s", data.clusters);
    const singles = data.features.filter((f) => f.properties.uuid);
    list.replaceChildren(...singles.slice(0, LISTED).map((f) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = observationUrl(f.properties);
      link.textContent = describe(f.properties);
      item.append(link);
      return item;
    }));
    more.hidden = singles.length <= LISTED;
  }

  let controller = null;
  async function refresh() {
    if (controller) controller.abort();
    controller = new AbortController();
    const params = viewParams();
    let data;
    try {
      const response = await fetch(`${node.dataset.api}?${params}`, {
        signal: controller.signal, headers: { "Accept-Language": lang } });
      data = await response.json();
      if (!response.ok) {
        errorNode.textContent = typeof data.detail === "string" ? data.detail : strings.error;
        errorNode.hidden = false;
        return;
      }
    } catch (error) {
      if (error.name === "AbortError") return;
      errorNode.textContent = strings.error;
      errorNode.hidden = false;
      return;
    }
    errorNode.hidden = true;
    map.getSource("clusters").setData(data);
    showText(data);
  }

  map.on("load", () => {
    map.addSource("outlines", { type: "geojson", data: outlines });
    map.addLayer({ id: "outlines", type: "line", source: "outlines",
                   paint: { "line-color": "#8795a1", "line-width": 1 } });
    map.addSource("clusters", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
    map.addLayer({ id: "clusters", type: "circle", source: "clusters", paint: {
      "circle-radius": ["interpolate", ["linear"], ["sqrt", ["get", "count"]], 1, 6, 10, 18, 100, 40],
      "circle-color": ["case", ["==", ["get", "count"], 1], "#1e7d32", "#0b4f8a"],
      "circle-opacity": ["case", ["to-boolean", ["get", "generalised"]], 0, 0.75],
      "circle-stroke-color": ["case", ["to-boolean", ["get", "generalised"]], "#b35c00", "#ffffff"],
      "circle-stroke-width": ["case", ["to-boolean", ["get", "generalised"]], 3, 1],
    } });
    map.on("click", "clusters", (event) => {
      const feature = event.features[0];
      const p = feature.properties;
      if (!p.uuid) {
        map.easeTo({ center: feature.geometry.coordinates, zoom: map.getZoom() + 2 });
        return;
      }
      const content = document.createElement("div");
      const title = document.createElement("strong");
      title.textContent = p.taxon || strings.unidentified;
      const details = document.createElement("p");
      details.textContent = describe({ ...p, taxon: null }).replace(`${strings.unidentified} — `, "");
      const link = document.createElement("a");
      link.href = observationUrl(p);
      link.textContent = strings.open;
      content.append(title, details, link);
      new maplibregl.Popup().setLngLat(feature.geometry.coordinates).setDOMContent(content).addTo(map);
    });
    map.on("mouseenter", "clusters", () => { map.getCanvas().style.cursor = "pointer"; });
    map.on("mouseleave", "clusters", () => { map.getCanvas().style.cursor = ""; });
    map.on("moveend", refresh);
    refresh();
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!taxonName.value.trim()) taxonId.value = "";
    const query = filters().toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
    refresh();
  });

  let timer = null;
  taxonName.addEventListener("input", () => {
    const chosen = [...options.options].find((o) => o.value === taxonName.value);
    if (chosen) { taxonId.value = chosen.dataset.id; return; }
    taxonId.value = "";
    clearTimeout(timer);
    const q = taxonName.value.trim();
    if (q.length < 1) return;
    timer = setTimeout(async () => {
      const response = await fetch(`${taxonName.dataset.autocomplete}?q=${encodeURIComponent(q)}`,
                                   { headers: { "Accept-Language": lang } });
      if (!response.ok) return;
      const data = await response.json();
      const items = Array.isArray(data) ? data : (data.items || data.results || []);
      options.replaceChildren(...items.map((item) => {
        const option = document.createElement("option");
        option.value = item.label || [item.common_name, item.scientific_name]
          .filter(Boolean).join(" — ");
        option.dataset.id = item.id;
        return option;
      }));
    }, 200);
  });
})();
