"""Backups round-trip a demo instance: `tsunagu migrate` and `load_demo` build it, `backup`
saves it, `restore` brings it back into a new database and new media directories, and every
table (row count and full content) and every media file must come back identical.

Each instance is a set of subprocesses with its own DATABASE_URL and media directories. The
SQLite and PostgreSQL demos are built side by side, which takes most of the time; PostgreSQL is
used when a server answers at 127.0.0.1:5432 (or DATABASE_URL's server), in two throwaway
databases dropped afterwards.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import psycopg
import pytest
from django.apps import apps
from psycopg import sql

from tsunagu.ops.backups import MANIFEST, BackupError, backup_verify
from tsunagu.ops.selectors import KEY_MODELS

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]
POSTGRES_DEFAULT = "postgres://postgres@127.0.0.1:5432/postgres"


@dataclass
class Instance:
    """A Tsunagu installation of its own: a database and two media directories."""

    root: Path
    database_url: str

    @property
    def media(self) -> Path:
        return self.root / "media"

    @property
    def private_media(self) -> Path:
        return self.root / "private-media"

    def environment(self) -> dict[str, str]:
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in {"TOURISM_EVIDENCE_ROOT", "TOURISM_VIRUS_SCAN", "TSUNAGU_VIRUS_SCAN"}
        }
        environment.update(
            DJANGO_SETTINGS_MODULE="config.settings.local",
            DATABASE_URL=self.database_url,
            MEDIA_ROOT=str(self.media),
            TSUNAGU_PRIVATE_MEDIA_ROOT=str(self.private_media),
            TSUNAGU_DEMO_STATISTICS="false",
            DEBUG="false",
            REDIS_URL="",
            CELERY_BROKER_URL="",
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            LOG_LEVEL="WARNING",
        )
        return environment

    def run(self, *arguments: str) -> subprocess.CompletedProcess:
        """`tsunagu ARGUMENTS` on this instance."""
        return self.python("-m", "tsunagu.manage", *arguments)

    def python(self, *arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, *arguments],
            cwd=ROOT,
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=600,
        )

    def fingerprint(self) -> dict[str, tuple[int, str]]:
        """Every table's row count and a digest of all its rows, read without Django."""
        url = urlparse(self.database_url)
        if url.scheme == "sqlite":
            return _sqlite_fingerprint(Path(url.path))
        return _postgres_fingerprint(self.database_url)

    def media_files(self) -> dict[str, str]:
        return {
            f"{directory.name}/{path.relative_to(directory).as_posix()}": _sha256(path)
            for directory in (self.media, self.private_media)
            for path in sorted(directory.rglob("*"))
            if path.is_file()
        }


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sqlite_fingerprint(path: Path) -> dict[str, tuple[int, str]]:
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        fingerprint = {}
        for table in tables:
            # The names come from sqlite_master.
            cursor = connection.execute(f'SELECT * FROM "{table}"')  # noqa: S608
            rows = sorted(repr(row) for row in cursor)
            fingerprint[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
        return fingerprint
    finally:
        connection.close()


def _postgres_fingerprint(url: str) -> dict[str, tuple[int, str]]:
    with psycopg.connect(url) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        ]
        fingerprint = {}
        for table in tables:
            query = sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
                " FROM public.{} t"
            ).format(sql.Identifier(table))
            count, digest = connection.execute(query).fetchone()
            fingerprint[table] = (count, digest)
        # New rows must not collide with restored ones: the sequences come back too.
        for name, last_value in connection.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
        ):
            fingerprint[f"sequence {name}"] = (last_value, "")
        return fingerprint


# `tsunagu migrate` and `tsunagu load_demo`, in one process to start Django once.
DEMO_BUILD = """
import django
from django.core.management import call_command
django.setup()
call_command("migrate", verbosity=0, skip_checks=True)
call_command("load_demo", verbosity=0)
"""


def _demo_build(instance: Instance) -> Instance:
    result = instance.python("-c", DEMO_BUILD)
    assert result.returncode == 0, result.stderr
    return instance


def _postgres_server() -> str:
    """The admin URL of a reachable PostgreSQL server, or the reason there is none."""
    configured = os.environ.get("DATABASE_URL", "")
    url = configured if configured.startswith("postgres") else POSTGRES_DEFAULT
    admin_url = urlparse(url)._replace(path="/postgres").geturl()
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        return "SKIP: pg_dump/pg_restore are not installed (Debian: postgresql-client)"
    try:
        psycopg.connect(admin_url, connect_timeout=3).close()
    except psycopg.OperationalError as error:
        parts = urlparse(admin_url)
        return f"SKIP: no PostgreSQL server at {parts.hostname}:{parts.port or 5432}: {error}"
    return admin_url


def _postgres_database(admin_url: str, name: str, *, create: bool) -> str:
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        if create:
            connection.execute(
                sql.SQL(
                    "CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' "
                    "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
                ).format(sql.Identifier(name))
            )
    return urlparse(admin_url)._replace(path=f"/{name}").geturl()


@pytest.fixture(scope="module")
def demos(request, tmp_path_factory):
    """engine -> the demo instance being built (a Future), or the reason it is skipped.
    Both are started at once, so PostgreSQL's demo builds while the SQLite tests run."""
    root = tmp_path_factory.mktemp("backups")
    if any("postgresql" in item.name for item in request.session.items):
        server = _postgres_server()
    else:
        server = "SKIP: no PostgreSQL test selected"
    name = f"tsunagu_backup_test_{os.getpid()}"
    databases = []
    with ThreadPoolExecutor(max_workers=2) as pool:
        sqlite_source = Instance(root / "sqlite-source", f"sqlite:///{root}/sqlite-source/db")
        sqlite_source.root.mkdir()
        building: dict[str, Future | str] = {"sqlite": pool.submit(_demo_build, sqlite_source)}
        if server.startswith("SKIP"):
            building["postgresql"] = server
        else:
            try:
                url = _postgres_database(server, f"{name}_source", create=True)
            except psycopg.Error as error:
                building["postgresql"] = f"SKIP: cannot create a throwaway database: {error}"
            else:
                databases = [f"{name}_source", f"{name}_restored"]
                building["postgresql"] = pool.submit(
                    _demo_build, Instance(root / "postgresql-source", url)
                )
        yield building
    for database in databases:
        _postgres_database(server, database, create=False)


def _demo(demos, engine: str) -> Instance:
    building = demos[engine]
    if isinstance(building, str):
        pytest.skip(building.removeprefix("SKIP: "))
    return building.result()


def _round_trip(source: Instance, target: Instance) -> tuple[Path, subprocess.CompletedProcess]:
    made = source.run("backup", str(source.root / "backups"))
    assert made.returncode == 0, made.stderr
    (backup,) = (source.root / "backups").iterdir()
    return backup, target.run("restore", str(backup))


@pytest.fixture(scope="module")
def sqlite_round_trip(demos, tmp_path_factory):
    source = _demo(demos, "sqlite")
    root = tmp_path_factory.mktemp("sqlite-restored")
    target = Instance(root, f"sqlite:///{root}/db")
    backup, restored = _round_trip(source, target)
    return source, backup, target, restored


def _assert_identical(source: Instance, target: Instance, restored) -> None:
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "Verified: the row counts of" in restored.stdout
    before, after = source.fingerprint(), target.fingerprint()
    assert after == before
    tables = {apps.get_model(label)._meta.db_table for label in KEY_MODELS}
    assert all(before[table][0] > 0 for table in tables), "the demo must fill every key table"
    assert target.media_files() == source.media_files()
    assert any(name.startswith("media/") for name in source.media_files())
    assert any(name.startswith("private-media/") for name in source.media_files())


def test_sqlite_round_trip_restores_every_row_and_media_file(sqlite_round_trip):
    source, _backup, target, restored = sqlite_round_trip
    _assert_identical(source, target, restored)


def test_manifest_describes_the_backup(sqlite_round_trip):
    source, backup, _target, _restored = sqlite_round_trip
    manifest = json.loads((backup / MANIFEST).read_text())
    assert manifest["database"] == {
        "engine": "sqlite",
        "file": "database.sqlite3",
        "server": manifest["database"]["server"],
    }
    assert {"created_at", "versions", "migrations"} <= set(manifest)
    assert "core.0001_initial" in manifest["migrations"]
    fingerprint = source.fingerprint()
    assert manifest["tables"] == {
        table: rows for table, (rows, _digest) in fingerprint.items() if table != "sqlite_sequence"
    }
    assert set(manifest["checksums"]) == set(KEY_MODELS)
    files = {path.relative_to(backup).as_posix() for path in backup.rglob("*") if path.is_file()}
    assert set(manifest["files"]) == files - {MANIFEST}
    for name, entry in manifest["files"].items():
        assert _sha256(backup / name) == entry["sha256"]


def _flip_last_byte(path: Path) -> None:
    content = bytearray(path.read_bytes())
    content[-1] ^= 0xFF
    path.write_bytes(bytes(content))


def _manifest_edit(path: Path) -> None:
    manifest = json.loads(path.read_text())
    manifest["tables"]["accounts_user"] += 1
    path.write_text(json.dumps(manifest))


TAMPERINGS = {
    "database changed": (
        lambda backup: _flip_last_byte(backup / "database.sqlite3"),
        "checksum mismatch: database.sqlite3",
    ),
    "media file changed": (
        lambda backup: _flip_last_byte(next((backup / "media" / "public").rglob("*.jpg"))),
        "checksum mismatch: media/public/",
    ),
    "media file removed": (
        lambda backup: next((backup / "media" / "tourism-evidence").iterdir()).unlink(),
        "missing: media/tourism-evidence/",
    ),
    "file added": (
        lambda backup: (backup / "media" / "public" / "extra.txt").write_text("x"),
        "not in the manifest: media/public/extra.txt",
    ),
    "manifest edited": (lambda backup: _manifest_edit(backup / MANIFEST), "was modified"),
}


@pytest.mark.parametrize("tampering", TAMPERINGS)
def test_a_tampered_backup_fails_verification(sqlite_round_trip, tmp_path, tampering):
    _source, backup, _target, _restored = sqlite_round_trip
    copy = shutil.copytree(backup, tmp_path / backup.name)
    backup_verify(copy)
    change, message = TAMPERINGS[tampering]
    change(copy)
    with pytest.raises(BackupError, match=message):
        backup_verify(copy)


def test_restore_refuses_a_tampered_backup_and_touches_nothing(sqlite_round_trip, tmp_path):
    _source, backup, _target, _restored = sqlite_round_trip
    copy = shutil.copytree(backup, tmp_path / backup.name)
    _flip_last_byte(copy / "database.sqlite3")
    target = Instance(tmp_path / "target", f"sqlite:///{tmp_path}/target/db")
    result = target.run("restore", str(copy))
    assert result.returncode != 0
    assert "is corrupted, nothing was restored: checksum mismatch: database.sqlite3" in (
        result.stderr
    )
    assert not target.root.exists()


def test_restore_refuses_a_database_that_is_not_empty(sqlite_round_trip):
    source, backup, _target, _restored = sqlite_round_trip
    before, media = source.fingerprint(), source.media_files()
    result = source.run("restore", str(backup))
    assert result.returncode != 0
    assert "the target database is not empty: " in result.stderr
    assert source.fingerprint() == before
    assert source.media_files() == media


def test_postgresql_round_trip_restores_every_row_and_media_file(demos, tmp_path):
    source = _demo(demos, "postgresql")
    name = f"tsunagu_backup_test_{os.getpid()}_restored"
    url = _postgres_database(
        urlparse(source.database_url)._replace(path="/postgres").geturl(), name, create=True
    )
    target = Instance(tmp_path / "restored", url)
    backup, restored = _round_trip(source, target)
    assert json.loads((backup / MANIFEST).read_text())["database"]["file"] == "database.dump"
    _assert_identical(source, target, restored)
