#!/usr/bin/env bash
# Install what Tsunagu needs into .venv and var/; fast when nothing changed.
# Usage: scripts/setup.sh [dev]
set -euo pipefail
cd "$(dirname "$0")/.."

extras="${1:-}"
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "Tsunagu needs Python 3.11 (found $("$PYTHON" --version)); set PYTHON=/path/to/python3.11" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  "$PYTHON" -m venv .venv
fi

# Reinstall Python packages only when pyproject.toml changed.
spec="pyproject:$(sha256sum pyproject.toml | cut -c1-16):${extras}"
stamp=".venv/.tsunagu-installed${extras:+-$extras}"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$spec" ]; then
  echo "==> installing Python dependencies${extras:+ ($extras)}"
  .venv/bin/python -m pip install --quiet --upgrade pip
  if [ -n "$extras" ]; then
    .venv/bin/python -m pip install --quiet -e ".[$extras]"
  else
    .venv/bin/python -m pip install --quiet -e .
  fi
  echo "$spec" > "$stamp"
fi

# Front-end libraries from the npm registry, exactly as locked.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> installing front-end libraries (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
.venv/bin/python scripts/vendor_assets.py
.venv/bin/python scripts/compile_messages.py
mkdir -p var
