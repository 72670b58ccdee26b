// The biocultural graph (ECharts graph series, force layout). Data comes from
// <script id="graph-data"> (json_script); every link is also in the table on the page.
(function () {
  "use strict";
  const dataNode = document.getElementById("graph-data");
  const container = document.getElementById("biocultural-graph");
  if (!dataNode || !container || typeof echarts === "undefined") return;
  const data = JSON.parse(dataNode.textContent);
  const categoryIndex = {};
  data.categories.forEach((c, i) => { categoryIndex[c.key] = i; });
  const labelled = new Set(["element", "place"]);

  // Start from a circle instead of random points, so the layout is the same on every load.
  const nodes = data.nodes.map((n, i) => ({
    id: n.id,
    x: 300 * Math.cos((2 * Math.PI * i) / data.nodes.length),
    y: 300 * Math.sin((2 * Math.PI * i) / data.nodes.length),
    name: n.name,
    url: n.url,
    category: categoryIndex[n.category],
    symbolSize: 10 + 4 * Math.sqrt(n.degree),
    label: { show: labelled.has(n.category) },
    cursor: n.url ? "pointer" : "default",
  }));
  const edges = data.edges.map((e) => ({
    source: e.source,
    target: e.target,
    lineStyle: e.relation === "within" ? { type: "dashed", opacity: 0.5 } : {},
  }));

  const chart = echarts.init(container); // canvas renderer
  chart.setOption({
    animation: false,
    tooltip: { formatter: (p) => (p.dataType === "node"
      ? `${echarts.format.encodeHTML(p.data.name)}<br>${echarts.format.encodeHTML(data.categories[p.data.category].name)}`
      : "") },
    legend: [{ data: data.categories.map((c) => c.name), top: 0 }],
    series: [{
      type: "graph",
      layout: "force",
      // computed at once (no animation): the nodes stay where a click expects them
      force: { repulsion: 200, edgeLength: [35, 100], gravity: 0.12, layoutAnimation: false },
      roam: true,
      draggable: true,
      top: 50,
      bottom: 10,
      categories: data.categories.map((c) => ({ name: c.name })),
      data: nodes,
      links: edges,
      label: { position: "right", fontSize: 11 },
      emphasis: { focus: "adjacency", label: { show: true } },
      lineStyle: { color: "source", curveness: 0.1, opacity: 0.7 },
    }],
  });
  chart.on("click", (params) => {
    if (params.dataType === "node" && params.data.url) window.location.assign(params.data.url);
  });
  window.addEventListener("resize", () => chart.resize());

  // graph/#<element slug> (from an element page) highlights that element and its neighbours.
  const slug = decodeURIComponent(window.location.hash.slice(1));
  const index = nodes.findIndex((n) => n.id === `element:${slug}`);
  if (index >= 0) {
    chart.dispatchAction({ type: "highlight", seriesIndex: 0, dataIndex: index });
    chart.dispatchAction({ type: "showTip", seriesIndex: 0, dataIndex: index });
  }
})();
