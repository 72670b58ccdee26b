#!/usr/bin/env bash
# Install what the tests need and run the whole suite: unit/HTTP tests, then browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev

# System packages for browser tests (chromium, a Japanese font) and i18n checks (gettext).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
fc-list 2>/dev/null | grep -qi ipaex || missing+=(fonts-ipaexfont)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
command -v xgettext >/dev/null || missing+=(gettext)
command -v redis-server >/dev/null || missing+=(redis-server)  # throwaway Redis of tests/ops
# Throwaway PostgreSQL clusters of tests/ops (initdb, pg_ctl; Debian keeps them off PATH).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "==> installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "NOTE: browser/i18n tests will be skipped; to enable them: sudo apt-get install ${missing[*]}"
  fi
fi

echo "==> lint (ruff)"
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .

export DJANGO_SETTINGS_MODULE=config.settings.test
.venv/bin/pytest --ignore=tests/e2e "$@"
.venv/bin/pytest tests/e2e "$@"
