"""A Celery worker killed (SIGKILL) in the middle of a statistics import leaves no half-import.

The statistics upload of the admin (preview, then "Confirm import") runs in a worker when a
broker is configured. Here the file is a real one: SSDSE-A 2024 as a tidy CSV of about
200,000 figures over the 2018 edition (imported first with `tsunagu import_ssdse`). The worker
is killed while the import's transaction is open; then nothing of that import may be in the
database, no import record may claim it happened, the staged file must still be there, and
confirming again with a fresh worker must import exactly what the preview announced.
"""

import os
import re
import time
from pathlib import Path

import polars as pl
import psycopg
import pytest
from django.conf import settings

from tests.ops.conftest import ADMIN_EMAIL, ADMIN_PASSWORD
from tests.ops.processes import HttpClient, Server, Worker

pytestmark = [pytest.mark.ops, pytest.mark.needs_data]

UPLOAD = "/admin/indicators/importrun/upload/"
CONFIRM = "/admin/indicators/importrun/upload/confirm/"
EDITION = "SSDSE-A 2024 (ops test)"
TOKEN = re.compile(r'name="token" value="([^"]+)"')
# The preview's table: figures in the file, new, changed, unchanged, conflicts.
SUMMARY = re.compile(r'id="import-summary">.*?' + r".*?<td>(\d+)</td>" * 5, re.DOTALL)


def _ssdse_dir() -> Path:
    path = Path(os.environ.get("TSUNAGU_DATA_DIR", settings.TSUNAGU_DATA_DIR)) / "ssdse"
    if not (path / "SSDSE-A-2018.csv").is_file() or not (path / "SSDSE-A-2024.csv").is_file():
        pytest.skip(f"SSDSE-A 2018 and 2024 not found in {path}: set TSUNAGU_DATA_DIR (README)")
    return path


def _tidy_csv(path: Path, known_areas: set[str]) -> bytes:
    """An SSDSE-A edition rewritten as the tidy CSV the admin upload takes, for the areas
    the platform knows (a few municipalities were created after the 2018 edition)."""
    from tsunagu.indicators.importers import ssdse

    edition = ssdse.read(path)
    names = pl.DataFrame(
        {
            "statistic": [meta.code for meta in edition.statistics],
            "statistic_name_ja": [meta.name_ja for meta in edition.statistics],
        }
    )
    frame = (
        edition.frame.filter(pl.col("area").is_in(known_areas))
        .select("statistic", "area", "year", "disaggregation", "value")
        .join(names, on="statistic", how="left")
    )
    return frame.write_csv().encode()


@pytest.fixture(scope="module")
def site(installation_create, redis):
    ssdse_dir = _ssdse_dir()
    installation = installation_create("worker_killed", redis.url)
    installation.manage("import_ssdse", str(ssdse_dir / "SSDSE-A-2018.csv"), "--no-scores")
    server = Server("web", installation, workers=1)
    server.start()
    known_areas = {code for (code,) in _query(installation, "SELECT code FROM core_area")}
    yield installation, server, _tidy_csv(ssdse_dir / "SSDSE-A-2024.csv", known_areas)
    server.stop()


def _query(installation, sql: str, *params) -> list[tuple]:
    with psycopg.connect(installation.database_url) as connection:
        return connection.execute(sql, params).fetchall()


def _observations_digest(installation) -> tuple[int, str]:
    """How many figures are stored, and a digest of every one of them."""
    return _query(
        installation,
        "SELECT count(*), md5(string_agg(concat_ws(':', id, value, edition, import_run_id), ',' "
        "ORDER BY id)) FROM indicators_observation",
    )[0]


def _import_in_progress(installation) -> bool:
    """An import's transaction is open: its import record is written but not committed."""
    return bool(
        _query(
            installation,
            "SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            "WHERE c.relname = 'indicators_importrun' AND l.mode = 'RowExclusiveLock' "
            "AND NOT l.pid = pg_backend_pid()",
        )
    )


def _staged_files(installation) -> list[Path]:
    directory = installation.root / "media" / "indicators" / "staged-uploads"
    return list(directory.iterdir()) if directory.exists() else []


def test_a_killed_import_writes_nothing_and_runs_again_in_full(site):
    installation, server, content = site
    before = _observations_digest(installation)
    runs_before = _query(installation, "SELECT count(*) FROM indicators_importrun")[0][0]
    assert before[0] > 100_000
    assert _query(installation, "SELECT count(*) FROM indicators_observationchange")[0][0] == 0

    client = HttpClient(server)
    client.log_in(ADMIN_EMAIL, ADMIN_PASSWORD)
    preview = client.post_multipart(
        UPLOAD,
        {"edition": EDITION, "credit_ja": "SSDSE", "credit_en": "SSDSE", "dry_run": "on"},
        {"file": ("ssdse-a-2024-tidy.csv", content)},
        timeout=120,
    )
    assert preview.status == 200, preview.text[:2000]
    token = TOKEN.search(preview.text).group(1)
    _rows, *counts = (int(n) for n in SUMMARY.search(preview.text).groups())
    announced = tuple(counts)  # new, changed, unchanged, conflicts
    assert announced[0] + announced[1] > 10_000  # enough work to be killed in the middle

    worker = Worker("worker", installation)
    worker.start()
    queued = client.post_form(CONFIRM, {"token": token}, form_page=UPLOAD)
    assert queued.status == 302
    deadline = time.monotonic() + 60
    while not _import_in_progress(installation):
        assert time.monotonic() < deadline, worker.log_text()[-3000:]
        time.sleep(0.05)
    time.sleep(0.5)
    worker.kill()

    assert _observations_digest(installation) == before
    assert _query(installation, "SELECT count(*) FROM indicators_importrun")[0][0] == runs_before
    assert _query(installation, "SELECT count(*) FROM indicators_observationchange")[0][0] == 0
    assert not _query(
        installation, "SELECT 1 FROM indicators_observation WHERE edition = %s", EDITION
    )
    assert len(_staged_files(installation)) == 1  # kept for the next attempt

    fresh = Worker("fresh-worker", installation)
    fresh.start()
    try:
        again = client.post_form(CONFIRM, {"token": token}, form_page=UPLOAD)
        assert again.status == 302
        fresh.wait_for_log(r"statistics_upload_import\[[^\]]+\] succeeded", timeout=120)
    finally:
        fresh.stop()
    runs = _query(
        installation,
        "SELECT created, changed, unchanged, conflicts FROM indicators_importrun "
        "WHERE edition = %s",
        EDITION,
    )
    assert runs == [announced]
    updated = _query(
        installation, "SELECT count(*) FROM indicators_observation WHERE edition = %s", EDITION
    )[0][0]
    assert updated == announced[0] + announced[1]
    assert _staged_files(installation) == []
