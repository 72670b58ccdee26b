"""CSV exchange for the ``tsunagu score`` command: tidy data and spec in, tidy scores out.

Readers raise ValueError naming the file line (the header is line 1) of each bad row.
"""

from pathlib import Path

import polars as pl

from .spec import SPEC_SCHEMA, VALUES_SCHEMA, spec_validate

SCORES_COLUMNS = ("area", "year", "kind", "code", "score", "colour", "trend", "rank")
# Shown per problem; more would bury the first one.
MAX_LINES_SHOWN = 10


def _read_text(path: Path | str, columns: dict[str, pl.DataType]) -> pl.DataFrame:
    try:
        frame = pl.read_csv(path, infer_schema=False)
    except pl.exceptions.ComputeError as error:
        raise ValueError(f"{path}: not a readable CSV file: {error}") from error
    frame = frame.rename({name: name.strip() for name in frame.columns})
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing columns: {', '.join(missing)}")
    return frame.select(
        pl.col(name).str.strip_chars().replace("", None) for name in columns
    ).with_row_index("line", offset=2)


def _lines(frame: pl.DataFrame, condition: pl.Expr) -> list[int]:
    return frame.filter(condition)["line"].head(MAX_LINES_SHOWN).to_list()


def _cast_checked(
    frame: pl.DataFrame, columns: dict[str, pl.DataType], path: Path | str
) -> pl.DataFrame:
    problems = []
    for name, dtype in columns.items():
        if dtype == pl.String:
            continue
        cast = pl.col(name).cast(dtype, strict=False)
        if dtype.is_integer():
            # "2020.0" is a year too; "2020.5" is not.
            as_float = pl.col(name).cast(pl.Float64, strict=False)
            cast = pl.when(as_float == as_float.round()).then(as_float.cast(dtype, strict=False))
        bad = _lines(frame, pl.col(name).is_not_null() & cast.is_null())
        if bad:
            kind = "an integer" if dtype.is_integer() else "a number"
            problems.append(f"{name} is not {kind} on lines {', '.join(map(str, bad))}")
        frame = frame.with_columns(cast.alias(name))
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    return frame


def read_data_csv(path: Path | str) -> pl.DataFrame:
    """Read DATA.csv: area, indicator, year, value (empty value = missing)."""
    frame = _read_text(path, VALUES_SCHEMA)
    empty = [
        f"{name} is empty on lines {', '.join(map(str, lines))}"
        for name in ("area", "indicator", "year")
        if (lines := _lines(frame, pl.col(name).is_null()))
    ]
    if empty:
        raise ValueError(f"{path}: " + "; ".join(empty))
    frame = _cast_checked(frame, VALUES_SCHEMA, path)
    duplicated = _lines(frame, pl.struct("area", "indicator", "year").is_duplicated())
    if duplicated:
        raise ValueError(
            f"{path}: duplicate (area, indicator, year) on lines {', '.join(map(str, duplicated))}"
        )
    return frame.drop("line")


def read_spec_csv(path: Path | str) -> pl.DataFrame:
    """Read SPEC.csv (columns as in SPEC_SCHEMA) and validate it."""
    frame = _cast_checked(_read_text(path, SPEC_SCHEMA), SPEC_SCHEMA, path)
    try:
        return spec_validate(frame.drop("line"), row_label="line", first_row=2)
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from error


def write_scores_csv(frame: pl.DataFrame, path: Path | str) -> None:
    """Write the tidy scores frame (see ``scores_tidy``) with its columns in the fixed order."""
    missing = [name for name in SCORES_COLUMNS if name not in frame.columns]
    if missing:
        raise ValueError(f"scores frame is missing columns: {', '.join(missing)}")
    frame.select(SCORES_COLUMNS).write_csv(path)
