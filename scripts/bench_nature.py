"""`make bench-nature`: the observation map and the Darwin Core export at 1.2 million rows.

In PostgreSQL ($BENCH_DATABASE_URL), generates 1.2 million observations around Kanazawa
(most in the city, the rest in Noto, Kaga and Hakusan; 5 % of sensitive taxa with generalised
public points; mixed grades and years; 85 % research grade), kept for later runs. Then
rebuilds the map cells, times 240 requests to the cluster endpoint (city-wide and prefecture
views, varied filters; target p95 <= 200 ms for the city-wide view) and exports every
research-grade record as a Darwin Core Archive in a child process (target <= 60 s; its peak
RSS is printed, the generation's memory not counted).
"""

# ruff: noqa: S311  (synthetic data and request mixes, not cryptography)
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import uuid
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tsunagu_bench_nature"
)
TOTAL = 1_200_000
RESEARCH_SHARE = 17  # of every 20 rows: 1.02 million research grade
SENSITIVE_SHARE = 0.05
MAP_TARGET_MS, EXPORT_TARGET_S = 200.0, 60.0
CITY = (136.5, 36.45, 136.85, 36.7)
PREFECTURE = (136.2, 36.0, 137.4, 37.6)
# (share, sampler) of where observations are made; the city's points crowd its centre.
REGIONS = [
    (0.70, lambda r: (r.gauss(36.56, 0.05), r.gauss(136.66, 0.06))),  # Kanazawa
    (0.12, lambda r: (r.uniform(36.9, 37.5), r.uniform(136.7, 137.35))),  # Noto
    (0.10, lambda r: (r.uniform(36.25, 36.45), r.uniform(136.3, 136.55))),  # Kaga
    (0.08, lambda r: (r.uniform(36.05, 36.3), r.uniform(136.55, 136.8))),  # Hakusan
]
ENV = {
    "DATABASE_URL": DATABASE_URL,
    "DJANGO_SETTINGS_MODULE": "config.settings.local",
    "DEBUG": "False",  # no query log growing with a million inserts
    "ALLOWED_HOSTS": "testserver,127.0.0.1",
}


def django_setup() -> None:
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def database_prepare() -> None:
    import psycopg

    parts = urlparse(DATABASE_URL)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if not exists:
        subprocess.run(
            [sys.executable, str(ROOT / "scripts/pg_create_database.py"), DATABASE_URL], check=True
        )
    subprocess.run(
        [str(ROOT / ".venv/bin/tsunagu"), "migrate", "-v", "0"],
        env={**os.environ, **ENV},
        check=True,
    )


def taxa_prepare() -> tuple[list[int], list[int], list[int], list[int]]:
    """Bench taxa: two families, five genera, forty species (four sensitive). Returns the
    ordinary and sensitive species ids, and the genus and family ids."""
    from tsunagu.nature.models import Taxon

    def get(name: str, rank: str, parent=None, **fields) -> Taxon:
        taxon = Taxon.objects.filter(scientific_name=name, rank=rank).first()
        return taxon or Taxon.objects.create(
            scientific_name=name, rank=rank, parent=parent, source="bench-nature", **fields
        )

    kingdom = get("Benchlife", "kingdom")
    ordinary, sensitive, genera, families = [], [], [], []
    for f in range(2):
        family = get(f"Benchidae{f}", "family", kingdom)
        families.append(family.pk)
        for g in range(f * 3, f * 3 + (3 if f == 0 else 2)):
            genus = get(f"Benchia{g}", "genus", family)
            genera.append(genus.pk)
            for s in range(8):
                is_sensitive = s == 7 and g < 4
                species = get(f"Benchia{g} species{s}", "species", genus, is_sensitive=is_sensitive)
                (sensitive if is_sensitive else ordinary).append(species.pk)
    return ordinary, sensitive, genera, families


def campaigns_prepare() -> list[int]:
    from tsunagu.nature.models import Campaign

    return [
        Campaign.objects.get_or_create(
            slug=f"bench-survey-{n}", defaults={"title": f"Bench survey {n}"}
        )[0].pk
        for n in range(3)
    ]


def observations_generate(taxa, campaign_ids: list[int]) -> float:
    """COPY 1.2 million rows; returns the seconds it took."""
    from django.db import connection

    from tsunagu.nature.models import QualityGrade
    from tsunagu.nature.services.geoprivacy import random_point_in_cell

    ordinary, sensitive, _genera, _families = taxa
    rng = random.Random(20240610)
    region_weights = [share for share, _ in REGIONS]
    columns = [
        "uuid", "occurrence_id", "recorded_by", "observed_at", "latitude", "longitude",
        "uncertainty_m", "public_latitude", "public_longitude", "location_generalised",
        "locality", "count", "life_stage", "is_cultivated", "notes", "licence",
        "basis_of_record", "taxon_id", "community_taxon_id", "quality_grade", "is_hidden",
        "campaign_id", "source", "dwc_extra", "created_at", "updated_at",
    ]  # fmt: skip
    now = datetime.now(UTC)
    start = time.perf_counter()
    connection.ensure_connection()
    copy_sql = f"COPY nature_observation ({', '.join(columns)}) FROM STDIN"
    with connection.connection.cursor() as cursor, cursor.copy(copy_sql) as copy:
        for i in range(TOTAL):
            region = rng.choices(REGIONS, region_weights)[0][1]
            lat, lon = region(rng)
            lat = round(min(max(lat, 36.0), 37.6), 6)
            lon = round(min(max(lon, 136.2), 137.4), 6)
            is_sensitive = rng.random() < SENSITIVE_SHARE
            taxon = rng.choice(sensitive if is_sensitive else ordinary)
            public = random_point_in_cell(lat, lon) if is_sensitive else (lat, lon)
            grade = (
                QualityGrade.RESEARCH
                if i % 20 < RESEARCH_SHARE
                else (QualityGrade.NEEDS_ID if i % 20 < 19 else QualityGrade.CASUAL)
            )
            year = 2015 + min(10, int(rng.triangular(0, 11, 10)))
            observed = datetime(year, 1, 1, 11, tzinfo=UTC) + timedelta(
                days=rng.randrange(365), minutes=rng.randrange(600)
            )
            observation_uuid = uuid.UUID(int=rng.getrandbits(128), version=4)
            copy.write_row(
                (
                    observation_uuid, f"urn:uuid:{observation_uuid}",
                    f"Bench observer {i % 5000}", observed, lat, lon, rng.choice((10, 30, 100)),
                    public[0], public[1], is_sensitive, "", rng.randint(1, 20), "", False, "",
                    "CC-BY-4.0", "HumanObservation", taxon,
                    taxon if grade == QualityGrade.RESEARCH else None, grade,
                    rng.random() < 0.003,
                    rng.choice(campaign_ids) if rng.random() < 0.1 else None,
                    "", "{}", now, now,
                )
            )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE nature_observation")
    return time.perf_counter() - start


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def map_requests(
    taxa, campaign_slugs: list[str], count: int = 240
) -> list[tuple[str, str, float, int, str]]:
    """(view, filters label, ms, status, path) per request; two in three are city-wide."""
    from django.test import Client

    ordinary, sensitive, genera, _families = taxa
    rng = random.Random(7)
    filters = [
        ("none", {}),
        ("grade=research", {"grade": "research"}),
        ("grade=needs_id,casual", {"grade": "needs_id,casual"}),
        ("years 2020-2024", {"date_from": "2020-01-01", "date_to": "2024-12-31"}),
        ("year 2023 research",
         {"grade": "research", "date_from": "2023-01-01", "date_to": "2023-12-31"}),
        ("June-July 2023", {"date_from": "2023-06-01", "date_to": "2023-07-31"}),
        ("species", lambda: {"taxon": rng.choice(ordinary + sensitive)}),
        ("genus", lambda: {"taxon": rng.choice(genera)}),
        ("campaign", lambda: {"campaign": rng.choice(campaign_slugs)}),
        ("species+research", lambda: {"taxon": rng.choice(ordinary), "grade": "research"}),
    ]  # fmt: skip
    views = [("city z11", CITY, 11), ("city z12", CITY, 12), ("prefecture z8", PREFECTURE, 8),
             ("prefecture z9", PREFECTURE, 9)]  # fmt: skip
    client = Client()
    results = []
    for n in range(count):
        view, box, zoom = views[2 + (n // 3) % 2] if n % 3 == 2 else views[n % 2]
        label, params = filters[(n // 2) % len(filters)]
        params = params() if callable(params) else dict(params)
        dx, dy = rng.uniform(-0.03, 0.03), rng.uniform(-0.02, 0.02)  # a user pans a little
        bbox = ",".join(f"{v:.5f}" for v in (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy))
        start = time.perf_counter()
        response = client.get("/api/v1/nature/map/clusters", {"bbox": bbox, "zoom": zoom, **params})
        elapsed = (time.perf_counter() - start) * 1000
        path = response.json().get("source", "error") if response.status_code == 200 else "error"
        results.append((view, label, elapsed, response.status_code, path))
    return results


def export_child(path: str) -> None:
    """Run in a fresh process: export, then report time, peak RSS and the row count."""
    django_setup()
    try:
        try:
            from tsunagu.nature.dwca.export import dwca_export_write
        except ImportError:
            from tsunagu.nature.dwca.writer import dwca_export_write
    except ImportError:
        print(json.dumps({"available": False}))
        return
    start = time.perf_counter()
    dwca_export_write(path)
    seconds = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    with zipfile.ZipFile(path) as archive, archive.open("occurrence.txt") as data:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: data.read(1 << 20), b""))
    print(json.dumps({"available": True, "seconds": seconds, "rss_mb": rss_mb,
                      "records": lines - 1, "bytes": os.path.getsize(path)}))  # fmt: skip


def main() -> int:
    database_prepare()
    django_setup()
    from django.db import connection
    from django.db.models import Count

    from tsunagu.nature.models import Campaign, MapCell, Observation, QualityGrade
    from tsunagu.nature.services.map_cells import map_cells_rebuild

    taxa = taxa_prepare()
    campaign_ids = campaigns_prepare()
    existing = Observation.objects.count()
    if existing >= TOTAL:
        print(f"observations: {existing:,} already present, reused")
    else:
        with connection.cursor() as cursor:  # a partial earlier run
            cursor.execute("TRUNCATE nature_observation CASCADE")
        seconds = observations_generate(taxa, campaign_ids)
        print(f"observations: {TOTAL:,} generated in {seconds:.1f} s")
    grades = dict(
        Observation.objects.values_list("quality_grade").annotate(n=Count("pk")).order_by()
    )
    print("  by grade: " + ", ".join(f"{g} {n:,}" for g, n in sorted(grades.items())))

    start = time.perf_counter()
    cells = map_cells_rebuild()
    rebuild_s = time.perf_counter() - start
    print(f"map cells: {cells:,} rebuilt in {rebuild_s:.1f} s ({MapCell.objects.count():,} rows)")

    slugs = list(Campaign.objects.filter(pk__in=campaign_ids).values_list("slug", flat=True))
    map_requests(taxa, slugs, count=20)  # warm the database's caches and the connection
    results = map_requests(taxa, slugs)
    errors = [r for r in results if r[3] != 200]

    def line(name: str, rows) -> tuple[str, float, float, float, int]:
        times = [r[2] for r in rows]
        return name, percentile(times, 50), percentile(times, 95), max(times), len(times)

    city = [r for r in results if r[0].startswith("city")]
    table = [
        line("city-wide (all filters)", city),
        line("  city, MapCell path", [r for r in city if r[4] == "cells"]),
        line("  city, raw-row path", [r for r in city if r[4] == "observations"]),
        line("prefecture (all filters)", [r for r in results if r[0].startswith("prefecture")]),
    ]
    labels = sorted({r[1] for r in city})
    table += [line(f"  city, {label}", [r for r in city if r[1] == label]) for label in labels]
    city_p95 = table[0][2]

    export_path = ROOT / "var" / "bench-nature-dwca.zip"
    export_path.parent.mkdir(exist_ok=True)
    research = Observation.objects.filter(
        quality_grade=QualityGrade.RESEARCH, is_hidden=False, source=""
    ).count()
    child = subprocess.run(
        [sys.executable, __file__, "--export-child", str(export_path)],
        capture_output=True,
        text=True,
        env={**os.environ, **ENV},
    )
    if child.returncode == 0:
        export = json.loads(child.stdout.strip().splitlines()[-1])
    else:
        error = (child.stderr.strip().splitlines() or ["no output"])[-1]
        export = {"available": True, "failed": error}

    print()
    print(f"{'map cluster endpoint':32} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'n':>5}")
    for name, p50, p95, worst, n in table:
        print(f"{name:32} {p50:8.1f} {p95:8.1f} {worst:8.1f} {n:5d}")
    map_ok = city_p95 <= MAP_TARGET_MS and not errors
    print(
        f"city-wide p95 {city_p95:.1f} ms (target <= {MAP_TARGET_MS:.0f} ms), "
        f"{len(errors)} errors: {'PASS' if map_ok else 'FAIL'}"
    )
    print()
    if not export.get("available"):
        print("DwC-A export: export not available")
        export_ok = False
    elif "failed" in export:
        print(f"DwC-A export: FAILED in the exporter: {export['failed']}")
        export_ok = False
    else:
        export_ok = export["seconds"] <= EXPORT_TARGET_S and export["records"] >= 1_000_000
        print(
            f"DwC-A export: {export['records']:,} records (research grade in the database: "
            f"{research:,}) in {export['seconds']:.1f} s (target <= {EXPORT_TARGET_S:.0f} s), "
            f"peak RSS {export['rss_mb']:.0f} MB, file {export['bytes'] / 1e6:.0f} MB: "
            f"{'PASS' if export_ok else 'FAIL'}"
        )
    return 0 if map_ok and export_ok else 1


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--export-child":
        export_child(sys.argv[2])
        sys.exit(0)
    sys.exit(main())
