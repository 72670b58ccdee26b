// Observation pages: taxon autocomplete, the location map of the form, the detail map.
(function () {
  "use strict";

  // Taxon autocomplete: a text box that fills the hidden taxon id next to it.
  document.querySelectorAll("[data-taxon-picker]").forEach((box) => {
    const input = box.querySelector("input[type=text]");
    const hidden = box.querySelector("input[type=hidden]");
    const list = box.querySelector("[role=listbox]");
    let timer = null;
    let controller = null;
    const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); };
    const choose = (item) => {
      hidden.value = item.id;
      input.value = item.label;
      close();
      input.dispatchEvent(new CustomEvent("taxon-chosen", { bubbles: true, detail: item }));
    };
    const show = (items) => {
      list.replaceChildren();
      items.forEach((item, index) => {
        const option = document.createElement("li");
        option.setAttribute("role", "option");
        option.id = `${input.id}-option-${index}`;
        option.dataset.taxonId = item.id;
        option.textContent = item.label;
        option.addEventListener("mousedown", (event) => { event.preventDefault(); choose(item); });
        list.appendChild(option);
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      list._items = items;
    };
    input.addEventListener("input", () => {
      hidden.value = "";
      clearTimeout(timer);
      const q = input.value.trim();
      if (!q) { show([]); return; }
      timer = setTimeout(async () => {
        if (controller) controller.abort();
        controller = new AbortController();
        try {
          const url = `${box.dataset.url}?q=${encodeURIComponent(q)}&limit=10`;
          const response = await fetch(url, { signal: controller.signal });
          if (response.ok) show(await response.json());
        } catch (error) {
          if (error.name !== "AbortError") throw error;
        }
      }, 150);
    });
    input.addEventListener("keydown", (event) => {
      const options = [...list.querySelectorAll("[role=option]")];
      if (!options.length || list.hidden) return;
      let index = options.findIndex((o) => o.getAttribute("aria-selected") === "true");
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        index = event.key === "ArrowDown" ? Math.min(index + 1, options.length - 1) : Math.max(index - 1, 0);
        options.forEach((o, i) => o.setAttribute("aria-selected", i === index ? "true" : "false"));
        input.setAttribute("aria-activedescendant", options[index].id);
      } else if (event.key === "Enter" && index >= 0) {
        event.preventDefault();
        choose(list._items[index]);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 100));
  });

  const blankStyle = {
    version: 8, sources: {},
    layers: [{ id: "bg", type: "background", paint: { "background-color": "#e8f0e8" } }],
  };
  const graticule = (west, south, east, north, step) => {
    const features = [];
    for (let x = Math.ceil(west / step) * step; x <= east; x += step) {
      features.push({ type: "Feature", geometry: { type: "LineString", coordinates: [[x, south], [x, north]] } });
    }
    for (let y = Math.ceil(south / step) * step; y <= north; y += step) {
      features.push({ type: "Feature", geometry: { type: "LineString", coordinates: [[west, y], [east, y]] } });
    }
    return { type: "FeatureCollection", features };
  };
  const addGrid = (map) => {
    map.addSource("grid", { type: "geojson", data: graticule(135.5, 35.5, 138.5, 38.5, 0.02) });
    map.addLayer({ id: "grid", type: "line", source: "grid", paint: { "line-color": "#c3d3c3", "line-width": 0.5 } });
  };

  // The form's map: a click sets latitude and longitude; typed coordinates move the marker.
  const formMap = document.getElementById("observation-form-map");
  if (formMap && typeof maplibregl !== "undefined") {
    const lat = document.getElementById("id_latitude");
    const lon = document.getElementById("id_longitude");
    const start = [Number(formMap.dataset.lon), Number(formMap.dataset.lat)];
    const map = new maplibregl.Map({ container: formMap, style: blankStyle, center: start, zoom: 11, attributionControl: false });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
    const marker = new maplibregl.Marker({ draggable: true });
    const place = (lngLat, write) => {
      marker.setLngLat(lngLat).addTo(map);
      if (write) {
        lat.value = lngLat.lat.toFixed(6);
        lon.value = lngLat.lng.toFixed(6);
      }
    };
    map.on("load", () => {
      addGrid(map);
      if (lat.value && lon.value) place({ lng: Number(lon.value), lat: Number(lat.value) }, false);
    });
    map.on("click", (event) => place(event.lngLat, true));
    marker.on("dragend", () => place(marker.getLngLat(), true));
    const typed = () => {
      if (lat.value && lon.value && !Number.isNaN(Number(lat.value)) && !Number.isNaN(Number(lon.value))) {
        place({ lng: Number(lon.value), lat: Number(lat.value) }, false);
      }
    };
    lat.addEventListener("change", typed);
    lon.addEventListener("change", typed);
  }

  // The detail page's map: one point (the public one unless the viewer may see the true one)
  // and, when generalised, the grid cell it stands for.
  const detailMap = document.getElementById("observation-map");
  if (detailMap && typeof maplibregl !== "undefined") {
    const point = [Number(detailMap.dataset.lon), Number(detailMap.dataset.lat)];
    const map = new maplibregl.Map({ container: detailMap, style: blankStyle, center: point, zoom: detailMap.dataset.cell ? 9 : 13, attributionControl: false, interactive: true });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
    map.on("load", () => {
      addGrid(map);
      if (detailMap.dataset.cell) {
        const [s, w, n, e] = detailMap.dataset.cell.split(",").map(Number);
        map.addSource("cell", { type: "geojson", data: { type: "Feature", geometry: { type: "Polygon", coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } } });
        map.addLayer({ id: "cell", type: "fill", source: "cell", paint: { "fill-color": "#b36b00", "fill-opacity": 0.15 } });
        map.addLayer({ id: "cell-line", type: "line", source: "cell", paint: { "line-color": "#b36b00" } });
      } else {
        new maplibregl.Marker().setLngLat(point).addTo(map);
      }
    });
  }
})();
