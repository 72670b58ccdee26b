#!/usr/bin/env bash
# Where Tsunagu looks for the public datasets, what it found, and where to get what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${TSUNAGU_DATA_DIR:-$(cd .. && pwd)/shared/data}"
echo "Data directory: $dir (set TSUNAGU_DATA_DIR to change it)"
check() {  # path, description, where to get it
  if compgen -G "$dir/$1" >/dev/null; then echo "  found    $1  ($2)"; else
    echo "  missing  $1  ($2)"; echo "           get it from: $3"; fi
}
check "ssdse/SSDSE-A-*.csv" "municipal statistics, 出典：独立行政法人統計センター SSDSE-A" \
  "https://www.nstac.go.jp/use/literacy/ssdse/ (SSDSE-A, save as ssdse/SSDSE-A-<edition>.csv)"
check "geo/municipalities-japan-simplified.geojson" "municipal boundaries, 国土数値情報（行政区域）" \
  "https://github.com/smartnews-smri/japan-topography (N03, simplified; save under geo/)"
check "dwca/gbif-results.zip" "Darwin Core Archives for the import tests (GBIF download; python-dwca-reader samples)" \
  "https://www.gbif.org/occurrence/search (Download → Darwin Core Archive) and https://github.com/BelgianBiodiversityPlatform/python-dwca-reader/tree/master/dwca/test/sample_files"
echo "Then: .venv/bin/tsunagu import_ssdse $dir/ssdse/SSDSE-A-*.csv && .venv/bin/tsunagu load_boundaries"
