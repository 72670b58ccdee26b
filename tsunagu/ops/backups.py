"""Backups that restore: the database, the media trees and a manifest of checksums.

A backup is a directory (not an archive): restore and verification read its files in place,
and tools such as rsync or restic copy only the media files that changed. It holds
`database.dump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3` (SQLite's online
backup API), `media/<tree>/...` and `manifest.json`. It is written as `<name>.partial` and
renamed when complete, so a directory without that suffix is a whole backup.
"""

import hashlib
import json
import os
import platform
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import django
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.backends.postgresql.client import DatabaseClient
from django.db.migrations.executor import MigrationExecutor

from tsunagu.ops.selectors import (
    MEDIA_TREES,
    database_state_get,
    file_sha256,
    media_files_list,
    media_roots_get,
    table_rows_get,
)

FORMAT = "tsunagu-backup/1"
MANIFEST = "manifest.json"
DUMP_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
SNAPSHOT_ALIAS = "tsunagu_backup_snapshot"


class BackupError(Exception):
    """A backup that cannot be made, trusted or restored; the message says why."""


@dataclass
class RestoreReport:
    manifest: dict
    tables: int = 0
    rows: int = 0
    media_files: int = 0
    mismatches: list[str] = field(default_factory=list)
    unapplied_migrations: list[str] = field(default_factory=list)
    unknown_migrations: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


def _manifest_checksum(manifest: dict) -> str:
    body = {key: value for key, value in manifest.items() if key != "manifest_sha256"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _vendor() -> str:
    vendor = connections[DEFAULT_DB_ALIAS].vendor
    if vendor not in DUMP_FILES:
        raise BackupError(f"backups support PostgreSQL and SQLite, not {vendor}")
    return vendor


def _server_version() -> str:
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "postgresql":
        number = connection.pg_version
        return f"PostgreSQL {number // 10000}.{number % 10000}"
    return f"SQLite {sqlite3.sqlite_version}"


def _run(command: list[str], env: dict[str, str]) -> None:
    """Run pg_dump or pg_restore; their arguments come from the settings, not from users."""
    try:
        subprocess.run(  # noqa: S603
            command, env={**os.environ, **env}, check=True, capture_output=True
        )
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} not found: install the PostgreSQL client of the server's version"
        ) from None
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode(errors="replace").strip()
        raise BackupError(f"{command[0]} failed: {message}") from None


def _postgresql_env() -> dict[str, str]:
    settings_dict = connections[DEFAULT_DB_ALIAS].settings_dict
    _args, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    env = env or {}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def _postgresql_dump(target: Path) -> dict:
    """pg_dump and the manifest's figures from one snapshot: a repeatable-read transaction
    exports it and pg_dump reads the same one."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.in_atomic_block:
        raise BackupError("a backup must not run inside a transaction")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        name = connection.settings_dict["NAME"]
        _run(
            ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}", name],
            _postgresql_env(),
        )
        return database_state_get()


def _sqlite_dump(target: Path) -> dict:
    """A consistent copy by the online backup API; the figures are read from the copy."""
    settings_dict = connections[DEFAULT_DB_ALIAS].settings_dict
    source_path = Path(settings_dict["NAME"])
    if not source_path.is_file():
        raise BackupError(f"no SQLite database at {source_path}")
    source = sqlite3.connect(source_path, timeout=20)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        # One self-contained file, without -wal/-shm companions.
        copy.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as error:
        raise BackupError(f"the SQLite backup of {source_path} failed: {error}") from None
    finally:
        copy.close()
        source.close()
    connections.databases[SNAPSHOT_ALIAS] = {**settings_dict, "NAME": str(target), "OPTIONS": {}}
    try:
        return database_state_get(SNAPSHOT_ALIAS)
    finally:
        connections[SNAPSHOT_ALIAS].close()
        del connections[SNAPSHOT_ALIAS]
        del connections.databases[SNAPSHOT_ALIAS]


def backup_create(destination: Path) -> Path:
    """Write a backup into a new directory under `destination`; returns its path."""
    vendor = _vendor()
    destination = Path(destination).resolve()
    roots = media_roots_get()
    if any(destination.is_relative_to(root) for root in roots.values()):
        raise BackupError(f"{destination} is inside a media directory: choose another place")
    destination.mkdir(parents=True, exist_ok=True, mode=0o700)
    created_at = datetime.now(UTC)
    final = destination / f"tsunagu-backup-{created_at:%Y%m%dT%H%M%SZ}"
    work = final.with_name(final.name + ".partial")
    if final.exists() or work.exists():
        raise BackupError(f"{final} already exists")
    work.mkdir(mode=0o700)
    try:
        dump = work / DUMP_FILES[vendor]
        # The database first, then the media: every file a row names is copied.
        state = _postgresql_dump(dump) if vendor == "postgresql" else _sqlite_dump(dump)
        for tree, relative, path in media_files_list(roots):
            copy = work / "media" / tree / relative
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
        files = {
            path.relative_to(work).as_posix(): {
                "size": path.stat().st_size,
                "sha256": file_sha256(path),
            }
            for path in sorted(work.rglob("*"))
            if path.is_file()
        }
        manifest = {
            "format": FORMAT,
            "created_at": created_at.isoformat(),
            "versions": {
                "tsunagu": metadata.version("tsunagu"),
                "django": django.get_version(),
                "python": platform.python_version(),
            },
            "database": {"engine": vendor, "file": dump.name, "server": _server_version()},
            "media": {
                tree: {"setting": MEDIA_TREES[tree], "path": str(root)}
                for tree, root in roots.items()
            },
            **state,
            "files": files,
        }
        manifest["manifest_sha256"] = _manifest_checksum(manifest)
        (work / MANIFEST).write_text(
            json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        work.rename(final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final


def backup_verify(path: Path) -> dict:
    """Check the manifest and every file's size and sha256; returns the manifest, or raises
    BackupError naming what is wrong."""
    path = Path(path)
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"{path} is not a Tsunagu backup: no {MANIFEST}") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path / MANIFEST} is corrupted: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path / MANIFEST} is not a {FORMAT} manifest")
    if manifest.get("manifest_sha256") != _manifest_checksum(manifest):
        raise BackupError(f"{path / MANIFEST} was modified: its checksum does not match")
    listed = manifest["files"]
    present = {
        file.relative_to(path).as_posix()
        for file in path.rglob("*")
        if file.is_file() and file.name != MANIFEST
    }
    problems = [f"missing: {name}" for name in sorted(set(listed) - present)]
    problems += [f"not in the manifest: {name}" for name in sorted(present - set(listed))]
    for name in sorted(present & set(listed)):
        file = path / name
        if (
            file.stat().st_size != listed[name]["size"]
            or file_sha256(file) != listed[name]["sha256"]
        ):
            problems.append(f"checksum mismatch: {name}")
    if problems:
        shown = "; ".join(problems[:10]) + (
            f"; and {len(problems) - 10} more" if len(problems) > 10 else ""
        )
        raise BackupError(f"backup {path} is corrupted, nothing was restored: {shown}")
    return manifest


def _target_check(vendor: str, manifest: dict) -> None:
    """Refuse unless the target database and media roots are empty."""
    if manifest["database"]["engine"] != vendor:
        raise BackupError(
            f"the backup is of a {manifest['database']['engine']} database and the target is "
            f"{vendor}: restore onto the same engine"
        )
    trees = {name.split("/")[1] for name in manifest["files"] if name.startswith("media/")}
    unknown = sorted(trees - set(MEDIA_TREES))
    if unknown:
        raise BackupError(f"the backup holds media trees this version does not know: {unknown}")
    settings_dict = connections[DEFAULT_DB_ALIAS].settings_dict
    if vendor != "sqlite" or Path(settings_dict["NAME"]).exists():
        try:
            filled = [(table, rows) for table, rows in table_rows_get().items() if rows]
        except DatabaseError as error:
            raise BackupError(f"cannot read the target database: {error}") from None
        if filled:
            shown = ", ".join(f"{table} ({rows} rows)" for table, rows in filled[:5])
            raise BackupError(
                f"the target database is not empty: {shown}; restore into a new database "
                "(createdb, or a new SQLite file)"
            )
    for root in _media_targets().values():
        if root.is_dir() and any(path.is_file() for path in root.rglob("*")):
            raise BackupError(f"the target media directory {root} is not empty")


def _postgresql_restore(dump: Path) -> None:
    name = connections[DEFAULT_DB_ALIAS].settings_dict["NAME"]
    connections.close_all()
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-acl",
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={name}",
            str(dump),
        ],
        _postgresql_env(),
    )


def _sqlite_restore(copy: Path) -> None:
    target_path = Path(connections[DEFAULT_DB_ALIAS].settings_dict["NAME"])
    connections.close_all()
    target_path.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(target_path, timeout=20)
    try:
        target.execute("PRAGMA journal_mode=DELETE")
        source.backup(target)
    except sqlite3.Error as error:
        raise BackupError(f"writing {target_path} failed: {error}") from None
    finally:
        target.close()
        source.close()


def _media_targets() -> dict[str, Path]:
    """Where each tree of a backup goes: the root its setting names here."""
    return {tree: Path(getattr(settings, name)).resolve() for tree, name in MEDIA_TREES.items()}


def backup_restore(path: Path) -> RestoreReport:
    """Verify the backup, restore it onto the empty database and media roots, then compare
    the restored row counts, key-table checksums and media files with the manifest."""
    path = Path(path)
    manifest = backup_verify(path)
    vendor = _vendor()
    _target_check(vendor, manifest)
    dump = path / manifest["database"]["file"]
    if vendor == "postgresql":
        _postgresql_restore(dump)
    else:
        _sqlite_restore(dump)
    targets = _media_targets()
    media = {}
    for name, entry in manifest["files"].items():
        if name.startswith("media/"):
            _, tree, relative = name.split("/", 2)
            media[targets[tree] / relative] = (name, entry["sha256"])
    for target, (name, _sha256) in media.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path / name, target)
    return _restore_compare(manifest, media)


def _restore_compare(manifest: dict, media: dict[Path, tuple[str, str]]) -> RestoreReport:
    report = RestoreReport(manifest=manifest, media_files=len(media))
    state = database_state_get()
    for table in sorted(set(manifest["tables"]) | set(state["tables"])):
        expected, found = manifest["tables"].get(table), state["tables"].get(table)
        if expected != found:
            report.mismatches.append(f"table {table}: {found} rows, the backup has {expected}")
    for label, checksum in manifest["checksums"].items():
        if state["checksums"].get(label) != checksum:
            report.mismatches.append(f"content of {label} differs from the backup")
    for target, (name, sha256) in media.items():
        if not target.is_file() or file_sha256(target) != sha256:
            report.mismatches.append(f"media file {name} differs from the backup")
    found = {path for _tree, _relative, path in media_files_list(media_roots_get())}
    report.mismatches += [
        f"media file {path} is not in the backup" for path in sorted(found - set(media))
    ]
    report.tables = len(state["tables"])
    report.rows = sum(state["tables"].values())

    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    report.unapplied_migrations = [f"{m.app_label}.{m.name}" for m, _backwards in plan]
    known = {f"{app}.{name}" for app, name in executor.loader.disk_migrations}
    report.unknown_migrations = [name for name in manifest["migrations"] if name not in known]
    return report
