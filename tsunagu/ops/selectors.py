"""What an instance holds: its tables' row counts and key-table checksums, its media files.
Backups record these and a restore is compared with them."""

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder

# Tables whose content, not only their row count, must come back identical: people, what
# they submitted or booked, and what the city publishes or certifies.
KEY_MODELS = [
    "accounts.User",
    "partners.Partner",
    "indicators.Observation",
    "nature.Observation",
    "events.Registration",
    "experiences.Booking",
    "tourism.Certificate",
    "reports.Report",
]
# Media tree in the backup -> the setting naming its root. A root inside another one is
# still its own tree, so that its files go back to wherever that setting points on restore.
MEDIA_TREES = {
    "public": "MEDIA_ROOT",
    "private": "TSUNAGU_PRIVATE_MEDIA_ROOT",
    "tourism-evidence": "TOURISM_EVIDENCE_ROOT",
}


def table_rows_get(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """The row count of every table in the database, found by introspection."""
    connection = connections[using]
    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            # The name comes from the database's own catalogue and is quoted.
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608
            rows[table] = cursor.fetchone()[0]
    return rows


def database_state_get(using: str = DEFAULT_DB_ALIAS) -> dict:
    """Applied migrations, the row count of every table and a checksum of each key table."""
    applied = MigrationRecorder(connections[using]).applied_migrations()
    return {
        "migrations": sorted(f"{app}.{name}" for app, name in applied),
        "tables": table_rows_get(using),
        "checksums": {label: _table_checksum(label, using) for label in KEY_MODELS},
    }


def _table_checksum(label: str, using: str) -> str:
    """sha256 over the table's rows ordered by primary key, each row as a JSON line."""
    model = apps.get_model(label)
    columns = [f.attname for f in model._meta.concrete_fields]
    digest = hashlib.sha256()
    rows = model._base_manager.using(using).order_by("pk").values_list(*columns)
    for row in rows.iterator(chunk_size=2000):
        line = json.dumps(list(row), default=str, ensure_ascii=False, sort_keys=True)
        digest.update(line.encode() + b"\n")
    return digest.hexdigest()


def media_roots_get() -> dict[str, Path]:
    """Each tree's root from the settings; a root named by two settings counts once."""
    roots: dict[str, Path] = {}
    for tree, name in MEDIA_TREES.items():
        root = Path(getattr(settings, name)).resolve()
        if root not in roots.values():
            roots[tree] = root
    return roots


def media_files_list(roots: dict[str, Path]) -> Iterator[tuple[str, Path, Path]]:
    """(tree, path relative to its root, absolute path) of every media file; a file under a
    nested root belongs to that root's tree only."""
    for tree, root in roots.items():
        others = {other for name, other in roots.items() if name != tree}
        for directory, subdirectories, files in os.walk(root):
            subdirectories[:] = sorted(
                name for name in subdirectories if Path(directory, name).resolve() not in others
            )
            for name in sorted(files):
                path = Path(directory, name)
                yield tree, path.relative_to(root), path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
