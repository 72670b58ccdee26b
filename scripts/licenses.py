"""List the licences of Tsunagu's Python and front-end dependencies; fail on GPL/AGPL
or on a licence nobody has reviewed.

LGPL is reported but allowed: it applies to libraries used unmodified at run time
(psycopg), which is compatible with distributing Tsunagu under Apache-2.0.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Packages whose metadata omits the licence, with the licence checked by hand.
REVIEWED = {
    # fork of zaach/jsonlint (MIT); its package.json has no licence field
    "@mapbox/jsonlint-lines-primitives": "MIT (reviewed: fork of zaach/jsonlint)",
}
FORBIDDEN = re.compile(r"(?<!L)(?<!Lesser )\b(A?GPL|GNU General Public|Affero)", re.IGNORECASE)


def python_licences() -> list[tuple[str, str, str]]:
    out = subprocess.run(
        [str(ROOT / ".venv/bin/pip-licenses"), "--format=json", "--from=mixed"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [(p["Name"], p["Version"], p["License"]) for p in json.loads(out)]


def npm_licences() -> list[tuple[str, str, str]]:
    rows = []
    for package_json in sorted((ROOT / "node_modules").glob("**/package.json")):
        if package_json.parent.parent.name not in ("node_modules",) and not (
            package_json.parent.parent.name.startswith("@")
        ):
            continue
        data = json.loads(package_json.read_text(encoding="utf-8"))
        if "name" in data and "version" in data:
            licence = data.get("license") or REVIEWED.get(data["name"], "UNKNOWN")
            rows.append((data["name"], data["version"], str(licence)))
    return rows


def main() -> int:
    failures = []
    for title, rows in (("Python", python_licences()), ("npm", npm_licences())):
        print(f"## {title}")
        for name, version, licence in sorted(rows, key=lambda r: r[0].lower()):
            print(f"{name:40} {version:14} {licence}")
            forbidden = FORBIDDEN.search(licence) and "LGPL" not in licence.upper()
            if forbidden or licence == "UNKNOWN":
                failures.append(f"{name} {version}: {licence}")
    if failures:
        print("\nIncompatible with Apache-2.0:\n  " + "\n  ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
