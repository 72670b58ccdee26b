"""Copy the front-end libraries from node_modules into var/vendor (served as /static/vendor/).

Only the files the site uses are copied; node_modules and var/ are git-ignored, so no
third-party code is committed.
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "var" / "vendor"

FILES = {
    "htmx/htmx.min.js": "htmx.org/dist/htmx.min.js",
    "echarts/echarts.min.js": "echarts/dist/echarts.min.js",
    "maplibre-gl/maplibre-gl.js": "maplibre-gl/dist/maplibre-gl.js",
    # referenced by the bundle's sourceMappingURL; collectstatic's manifest needs it
    "maplibre-gl/maplibre-gl.js.map": "maplibre-gl/dist/maplibre-gl.js.map",
    "maplibre-gl/maplibre-gl.css": "maplibre-gl/dist/maplibre-gl.css",
    "axe-core/axe.min.js": "axe-core/axe.min.js",
    # world basemap (country outlines, Natural Earth via world-atlas) for the network map
    "world-atlas/countries-110m.json": "world-atlas/countries-110m.json",
    "topojson-client/topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
}


def main() -> int:
    missing = [src for src in FILES.values() if not (NODE_MODULES / src).exists()]
    if missing:
        print(f"vendor_assets: missing in node_modules (run npm ci): {missing}", file=sys.stderr)
        return 1
    for dest, src in FILES.items():
        target = VENDOR / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        source = NODE_MODULES / src
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            shutil.copy2(source, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
