"""Importing observations: atomic, idempotent, and auditable.

A second import of the same figure is a no-op; a different figure for the same key from a
newer edition replaces it and the change is recorded; a different figure from the same or an
older edition is a conflict: the stored figure stays and the conflict is reported.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from django.db import transaction

from tsunagu.core.cache import cache_model_changed
from tsunagu.core.models import Area, AreaKind
from tsunagu.core.prefectures import PREFECTURE_NAMES_EN
from tsunagu.indicators.importers.base import ImportFileError, RowError, TidyImport
from tsunagu.indicators.models import ImportRun, Observation, ObservationChange, Statistic
from tsunagu.indicators.services.bulk import query_frame, rows_insert

KEY = ["statistic", "area", "year", "disaggregation"]


@dataclass
class ImportSummary:
    file_name: str
    edition: str
    rows: int = 0
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    conflicts: int = 0
    conflict_examples: list[str] = field(default_factory=list)
    dry_run: bool = False

    def __str__(self) -> str:
        text = (
            f"{self.file_name} ({self.edition}): {self.rows} figures — {self.created} new, "
            f"{self.changed} changed, {self.unchanged} unchanged, {self.conflicts} conflicts"
        )
        if self.conflict_examples:
            text += "\n  " + "\n  ".join(self.conflict_examples)
        return text + (" [dry run: nothing written]" if self.dry_run else "")


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check_duplicates(tidy: TidyImport) -> None:
    duplicated = tidy.frame.filter(pl.struct(KEY).is_duplicated()).sort("line")
    if duplicated.height:
        errors = [
            RowError(
                row["line"],
                f"{row['statistic']} / {row['area']} / {row['year']} "
                "appears more than once in this file",
            )
            for row in duplicated.iter_rows(named=True)
        ]
        raise ImportFileError(tidy.file_name, errors)


def _municipalities_register(areas: dict[str, tuple[str, str]]) -> None:
    """Create municipalities an official statistics file lists but the database lacks."""
    existing = set(Area.objects.filter(code__in=areas).values_list("code", flat=True))
    missing = {code: names for code, names in areas.items() if code not in existing}
    if not missing:
        return
    japan, _ = Area.objects.get_or_create(
        code="JP", defaults={"kind": AreaKind.COUNTRY, "name_ja": "日本", "name_en": "Japan"}
    )
    prefectures = {}
    for code, (prefecture_name, _) in missing.items():
        prefecture_code = f"{code[:2]}000"
        if prefecture_code not in prefectures:
            prefectures[prefecture_code], _ = Area.objects.get_or_create(
                code=prefecture_code,
                defaults={
                    "kind": AreaKind.PREFECTURE,
                    "parent": japan,
                    "name_ja": prefecture_name,
                    "name_en": PREFECTURE_NAMES_EN.get(code[:2], ""),
                },
            )
    Area.objects.bulk_create(
        [
            Area(
                code=code,
                kind=AreaKind.MUNICIPALITY,
                parent=prefectures[f"{code[:2]}000"],
                name=name,
                name_ja=name,
            )
            for code, (_, name) in missing.items()
        ]
    )


def _area_ids(tidy: TidyImport) -> dict[str, int]:
    codes = tidy.frame["area"].unique().to_list()
    ids = dict(Area.objects.filter(code__in=codes).values_list("code", "id"))
    unknown = tidy.frame.filter(~pl.col("area").is_in(list(ids))).sort("line")
    if unknown.height:
        first_lines = unknown.group_by("area").agg(pl.col("line").min()).sort("line")
        raise ImportFileError(
            tidy.file_name,
            [
                RowError(row["line"], f"unknown area code {row['area']}")
                for row in first_lines.iter_rows(named=True)
            ],
        )
    return ids


def _statistic_ids(tidy: TidyImport) -> dict[str, int]:
    existing = dict(
        Statistic.objects.filter(code__in=[s.code for s in tidy.statistics]).values_list(
            "code", "id"
        )
    )
    Statistic.objects.bulk_create(
        [
            Statistic(
                code=s.code,
                name=s.name_ja,
                name_ja=s.name_ja,
                name_en=s.name_en or None,
                unit=s.unit,
                source_dataset=tidy.source_dataset,
                credit=tidy.credit_ja,
                credit_ja=tidy.credit_ja,
                credit_en=tidy.credit_en,
            )
            for s in tidy.statistics
            if s.code not in existing
        ]
    )
    cache_model_changed(Statistic)
    return dict(
        Statistic.objects.filter(code__in=[s.code for s in tidy.statistics]).values_list(
            "code", "id"
        )
    )


def _existing(statistic_ids: list[int]) -> pl.DataFrame:
    schema = {
        "id": pl.Int64,
        "statistic_id": pl.Int64,
        "area_id": pl.Int64,
        "year": pl.Int64,
        "disaggregation": pl.Utf8,
        "old_value": pl.Float64,
        "old_edition": pl.Utf8,
        "old_rank": pl.Int64,
    }
    if not statistic_ids:
        return pl.DataFrame(schema=schema)
    placeholders = ",".join(["%s"] * len(statistic_ids))
    return query_frame(
        "SELECT id, statistic_id, area_id, year, disaggregation, value, edition, edition_rank "
        f"FROM indicators_observation WHERE statistic_id IN ({placeholders})",
        statistic_ids,
        schema=schema,
    )


def _insert(frame: pl.DataFrame) -> None:
    columns = [
        "statistic_id",
        "area_id",
        "year",
        "disaggregation",
        "value",
        "status",
        "edition",
        "edition_rank",
        "import_run_id",
    ]
    rows_insert("indicators_observation", columns, frame.select(columns).iter_rows())


@transaction.atomic
def observations_import(
    tidy: TidyImport,
    *,
    sha256: str = "",
    user=None,
    dry_run: bool = False,
    register_areas: bool = False,
) -> ImportSummary:
    """Write a tidy import; raises ImportFileError (nothing written) on any bad row.

    With register_areas, municipalities named by an official file (SSDSE) are created when
    missing; other formats must use area codes the platform already knows.
    """
    _check_duplicates(tidy)
    if register_areas:
        _municipalities_register(tidy.area_names)
    area_ids = _area_ids(tidy)
    statistic_ids = _statistic_ids(tidy)
    run = ImportRun.objects.create(
        importer=tidy.importer,
        file_name=tidy.file_name,
        file_sha256=sha256,
        edition=tidy.edition,
        imported_by=user,
    )
    # The cast keeps the ids integers when there are no rows: polars then leaves an empty
    # mapping's result as text, and the join below would fail on it.
    incoming = tidy.frame.with_columns(
        pl.col("statistic")
        .replace_strict(statistic_ids, return_dtype=pl.Int64)
        .alias("statistic_id"),
        pl.col("area").replace_strict(area_ids, return_dtype=pl.Int64).alias("area_id"),
        pl.lit(tidy.edition).alias("edition"),
        pl.lit(tidy.edition_rank).alias("edition_rank"),
        pl.lit(run.pk).alias("import_run_id"),
    ).cast({"statistic_id": pl.Int64, "area_id": pl.Int64})
    joined = incoming.join(
        _existing(list(statistic_ids.values())),
        on=["statistic_id", "area_id", "year", "disaggregation"],
        how="left",
    )
    same = (pl.col("value") - pl.col("old_value")).abs() <= 1e-9 * pl.max_horizontal(
        pl.col("value").abs(), pl.lit(1.0)
    )
    new = joined.filter(pl.col("id").is_null())
    unchanged = joined.filter(pl.col("id").is_not_null() & same)
    differing = joined.filter(pl.col("id").is_not_null() & ~same)
    changed = differing.filter(pl.col("edition_rank") > pl.col("old_rank"))
    conflicts = differing.filter(pl.col("edition_rank") <= pl.col("old_rank"))

    summary = ImportSummary(
        file_name=tidy.file_name,
        edition=tidy.edition,
        rows=incoming.height,
        created=new.height,
        changed=changed.height,
        unchanged=unchanged.height,
        conflicts=conflicts.height,
        dry_run=dry_run,
        conflict_examples=[
            f"line {r['line']}: {r['statistic']} {r['area']} {r['year']}: file has {r['value']}, "
            f"kept {r['old_value']} from {r['old_edition']}"
            for r in conflicts.head(10).iter_rows(named=True)
        ],
    )
    if dry_run:
        transaction.set_rollback(True)
        return summary

    _insert(new)
    if changed.height:
        ObservationChange.objects.bulk_create(
            [
                ObservationChange(
                    observation_id=r["id"],
                    old_value=r["old_value"],
                    new_value=r["value"],
                    old_edition=r["old_edition"],
                    new_edition=tidy.edition,
                    import_run=run,
                )
                for r in changed.iter_rows(named=True)
            ],
            batch_size=5000,
        )
        Observation.objects.bulk_update(
            [
                Observation(
                    id=r["id"],
                    value=r["value"],
                    edition=tidy.edition,
                    edition_rank=tidy.edition_rank,
                    status=r["status"],
                    import_run=run,
                )
                for r in changed.iter_rows(named=True)
            ],
            ["value", "edition", "edition_rank", "status", "import_run"],
            batch_size=2000,
        )
    ImportRun.objects.filter(pk=run.pk).update(
        rows=summary.rows,
        created=summary.created,
        changed=summary.changed,
        unchanged=summary.unchanged,
        conflicts=summary.conflicts,
    )
    return summary
