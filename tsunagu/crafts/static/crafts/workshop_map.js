// Workshop page: one marker on the GSI basemap (MapLibre). The address is also on the page.
(function () {
  "use strict";
  const node = document.getElementById("workshop-map");
  const dataNode = document.getElementById("workshop-map-data");
  if (!node || !dataNode || typeof maplibregl === "undefined") return;
  const data = JSON.parse(dataNode.textContent);
  const point = [data.longitude, data.latitude];
  const map = new maplibregl.Map({
    container: node, center: point, zoom: 15,
    style: { version: 8,
      sources: { base: { type: "raster", tiles: [data.tiles], tileSize: 256,
                         attribution: data.attribution } },
      layers: [{ id: "bg", type: "background", paint: { "background-color": "#eef3f7" } },
               { id: "base", type: "raster", source: "base" }] },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
  new maplibregl.Marker({ color: "#b58900" }).setLngLat(point).addTo(map);
})();
