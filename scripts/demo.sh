#!/usr/bin/env bash
# Install, migrate, load the Kanazawa demo and serve it at http://127.0.0.1:${PORT:-8000}.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-config.settings.local}"
.venv/bin/tsunagu migrate --noinput -v 0
.venv/bin/tsunagu load_demo --if-empty
.venv/bin/tsunagu ensure_admin
echo "==> Tsunagu is at http://127.0.0.1:${PORT:-8000}/ (English: /en/, admin: /admin/)"
exec .venv/bin/tsunagu runserver "127.0.0.1:${PORT:-8000}"
