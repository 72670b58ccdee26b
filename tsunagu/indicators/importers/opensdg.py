"""Open SDG data repositories: data/indicator_*.csv + meta/*.md|yml (read by scoring.opensdg).

Each indicator becomes a statistic `OSDG_<goal>_<target>_<n>`; its disaggregation columns
(Units and Series included) form the observation's disaggregation key; a period label such as
`2016-2017` is stored under its first year with `period=2016-2017` in the key. A file with a
bad row is rejected whole, with its line numbers; the other files of the repository import.
The starter template's placeholder files are reported and skipped, never imported.
"""

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from tsunagu.indicators.importers.base import (
    TIDY_SCHEMA,
    RowError,
    StatisticMeta,
    TidyImport,
)
from tsunagu.scoring.opensdg import (
    OpenSdgFormatError,
    Problem,
    read_indicator_csv,
    read_repository,
    translate_frame,
)

SPECIAL = {"Year", "Value", "GeoCode", "_line"}
MAX_DISAGGREGATION = 200  # Observation.disaggregation


@dataclass
class RepositoryImport:
    tidy: TidyImport
    problems: list[Problem] = field(default_factory=list)
    rejected: dict[str, list[RowError]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def statistic_code(indicator_id: str) -> str:
    return "OSDG_" + re.sub(r"[^0-9A-Za-z]", "_", indicator_id).upper()


def _name(metadata: dict, indicator_id: str) -> str:
    for key in ("indicator_name", "graph_title", "title"):
        if metadata.get(key):
            return str(metadata[key]).replace("\x00", "")[:300]
    return f"Open SDG indicator {indicator_id}"


def _tidy_rows(frame: pl.DataFrame, code: str, area: str | None, file_name: str):
    """Rows (line, statistic, area, year, disaggregation, status, value), and row errors."""
    disaggregations = [c for c in frame.columns if c not in SPECIAL]
    rows, errors = [], []
    for record in frame.iter_rows(named=True):
        line, label = record["_line"], record["Year"]
        row_area = record.get("GeoCode") or area
        if not row_area:
            errors.append(RowError(line, f"{file_name}: no GeoCode and no --area given"))
            continue
        parts = [f"{c}={record[c]}" for c in sorted(disaggregations) if record[c] is not None]
        if not re.fullmatch(r"\d{4}", label):
            parts.append(f"period={label}")
        disaggregation = ";".join(sorted(parts))
        if len(disaggregation) > MAX_DISAGGREGATION:
            message = f"{file_name}: the disaggregation is over {MAX_DISAGGREGATION} characters"
            errors.append(RowError(line, message))
            continue
        rows.append((line, code, row_area, int(label[:4]), disaggregation, "", record["Value"]))
    return rows, errors


def _duplicates(rows: list[tuple], file_name: str) -> tuple[list[tuple], list[RowError], int]:
    """Drop exact repeats of a row (same key, same value); a repeated key with another value
    is an error naming both lines."""
    seen: dict[tuple, tuple] = {}
    kept, errors, repeats = [], [], 0
    for row in rows:
        key = row[1:5]
        if key in seen:
            if seen[key][6] == row[6]:
                repeats += 1
                continue
            errors.append(
                RowError(
                    row[0],
                    f"{file_name}: same year and disaggregation as line "
                    f"{seen[key][0]} with another value "
                    f"({seen[key][6]} vs {row[6]})",
                )
            )
            continue
        seen[key] = row
        kept.append(row)
    return kept, errors, repeats


def read(path: Path, *, area: str | None = None) -> RepositoryImport:
    repository = read_repository(path)
    rows: list[tuple] = []
    statistics: list[StatisticMeta] = []
    result = RepositoryImport(tidy=None, problems=list(repository.problems))  # type: ignore[arg-type]
    for indicator_id, indicator in repository.indicators.items():
        data_path = path / "data" / f"indicator_{indicator_id}.csv"
        if not data_path.is_file():
            continue
        file_name = data_path.name
        try:
            frame = translate_frame(
                read_indicator_csv(data_path, with_lines=True), repository.translations
            )
        except OpenSdgFormatError as error:
            result.rejected[file_name] = [RowError(0, str(error))]
            continue
        code = statistic_code(indicator_id)
        indicator_rows, errors = _tidy_rows(frame, code, area, file_name)
        indicator_rows, duplicate_errors, repeats = _duplicates(indicator_rows, file_name)
        errors += duplicate_errors
        if errors:
            result.rejected[file_name] = errors
            continue
        if repeats:
            result.warnings.append(
                f"{file_name}: {repeats} row(s) repeated word for word, imported once"
            )
        rows += indicator_rows
        statistics.append(StatisticMeta(code=code, name_ja=_name(indicator.metadata, indicator_id)))
    result.tidy = TidyImport(
        importer="opensdg",
        file_name=path.name,
        edition=f"opensdg:{path.name}",
        edition_rank=int(time.time()),
        source_dataset="Open SDG",
        credit_ja=f"Open SDG data repository: {path.name}",
        credit_en=f"Open SDG data repository: {path.name}",
        frame=pl.DataFrame(rows, schema=TIDY_SCHEMA, orient="row"),
        statistics=statistics,
    )
    return result
