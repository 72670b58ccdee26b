"""`make bench-import`: all five SSDSE-A editions into an empty PostgreSQL database, then again.

Targets: ≤ 30 s from empty, ≤ 10 s to re-import with zero changes. Needs the SSDSE files
(../shared/data/ssdse or $TSUNAGU_DATA_DIR/ssdse) and PostgreSQL ($BENCH_DATABASE_URL).
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("TSUNAGU_DATA_DIR", ROOT.parent / "shared" / "data")) / "ssdse"
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tsunagu_bench_import"
)


def tsunagu(*args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
    }
    return subprocess.run(
        [str(ROOT / ".venv/bin/tsunagu"), *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )


def main() -> int:
    files = sorted(str(p) for p in DATA.glob("SSDSE-A-*.csv"))
    if not files:
        print(f"bench-import: no SSDSE-A files in {DATA} (see README, Data)")
        return 1
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/pg_create_database.py"), DATABASE_URL], check=True
    )
    tsunagu("migrate", "-v", "0")
    for label, target in (("from empty", 30.0), ("re-import", 10.0)):
        start = time.perf_counter()
        result = tsunagu("import_ssdse", *files, "--no-scores")
        elapsed = time.perf_counter() - start
        summary = [line for line in result.stdout.splitlines() if "figures" in line]
        print(f"import {label}: {elapsed:.1f} s for {len(files)} files (target <= {target:.0f} s)")
        for line in summary:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
