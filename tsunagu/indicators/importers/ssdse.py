"""SSDSE-A (教育用標準データセット 市区町村) CSV files, any edition.

Editions differ in their first header cells (`Code`/`Year`, `code`/`year`, `SSDSE-A-2022` and
an empty cell, `Prefecture`/`prefecture`) and in their columns. What they share, and what this
reader relies on: three header rows — item codes, the reference year of each column, Japanese
item names — then one row per municipality whose first cell is `R` + the 5-digit code.
The reference year comes from each column, never from the edition.
"""

import csv
import io
import math
import re
from pathlib import Path

import polars as pl

from tsunagu.indicators.importers.base import (
    TIDY_SCHEMA,
    ImportFileError,
    RowError,
    StatisticMeta,
    TidyImport,
)

ITEM_CODE = re.compile(r"^[A-Z]\d{4,8}$")
AREA_CODE = re.compile(r"^R\d{5}$")
EDITION = re.compile(r"SSDSE-A-(\d{4})", re.IGNORECASE)
# Cells that mean "no figure" in official tables; anything else non-numeric is an error.
MISSING = {"", "-", "－", "…", "x", "X", "***", "･"}
CREDIT_JA = "出典：独立行政法人統計センター SSDSE-A"
CREDIT_EN = "National Statistics Center of Japan, SSDSE-A"
# Field lengths of Statistic.name and Area.name.
MAX_NAME, MAX_AREA_NAME = 300, 120


def _decode(raw: bytes, file_name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start + 3].count(b"\n") + 1
            message = "the file starts as UTF-8 (a byte order mark) but is not UTF-8"
            raise ImportFileError(file_name, [RowError(line, message)]) from None
    try:
        return raw.decode("cp932")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ImportFileError(
                file_name,
                [
                    RowError(
                        line,
                        "the file is neither Shift_JIS (cp932) nor UTF-8 (save it as SSDSE does)",
                    )
                ],
            ) from None


def _edition(file_name: str, first_cell: str) -> tuple[str, int]:
    for text in (first_cell, file_name):
        match = EDITION.search(text)
        if match:
            return f"SSDSE-A-{match[1]}", int(match[1])
    return "SSDSE-A", 0


def read(path: Path, *, file_name: str | None = None) -> TidyImport:
    file_name = file_name or path.name
    text = _decode(path.read_bytes(), file_name)
    if "\x00" in text:  # no database text may hold one
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportFileError(file_name, [RowError(line, "a NUL character: not a CSV text file")])
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as error:  # e.g. a cell longer than the csv module's field limit
        raise ImportFileError(
            file_name, [RowError(reader.line_num, f"not readable as CSV: {error}")]
        ) from None
    if len(rows) < 4:
        raise ImportFileError(file_name, [RowError(0, "fewer than four rows: not an SSDSE-A file")])
    codes, years, names = rows[0], rows[1], rows[2]
    columns = [i for i, cell in enumerate(codes) if ITEM_CODE.match(cell.strip())]
    errors: list[RowError] = []
    if not columns:
        errors.append(RowError(1, "no item codes (like A1101) in the first header row"))
    if len(codes) < 3:
        errors.append(RowError(1, "fewer than three columns (code, prefecture, municipality)"))
    for i in columns:
        if len(names[i].strip() if i < len(names) else "") > MAX_NAME:
            errors.append(RowError(3, f"column {codes[i]}: the name is over {MAX_NAME} characters"))
    column_years: dict[int, int] = {}
    for i in columns:
        cell = years[i].strip() if i < len(years) else ""
        if not re.fullmatch(r"\d{4}", cell):
            errors.append(RowError(2, f"column {codes[i]}: reference year {cell!r} is not a year"))
        else:
            column_years[i] = int(cell)
    seen_codes: set[str] = set()
    for i in columns:
        if codes[i] in seen_codes:
            errors.append(RowError(1, f"item code {codes[i]} appears twice"))
        seen_codes.add(codes[i])
    if errors:
        raise ImportFileError(file_name, errors)

    lines, statistics, areas, year_col, values = [], [], [], [], []
    seen_areas: dict[str, int] = {}
    area_names: dict[str, tuple[str, str]] = {}
    for line_number, row in enumerate(rows[3:], start=4):
        if not any(cell.strip() for cell in row):
            continue
        area = row[0].strip()
        if not AREA_CODE.match(area):
            errors.append(RowError(line_number, f"area code {area!r} is not R + 5 digits"))
            continue
        if area in seen_areas:
            errors.append(
                RowError(line_number, f"area {area} already given on line {seen_areas[area]}")
            )
            continue
        seen_areas[area] = line_number
        if len(row) < len(codes):
            errors.append(RowError(line_number, f"{len(row)} cells, the header has {len(codes)}"))
            continue
        area_names[area[1:]] = (row[1].strip(), row[2].strip())
        if max(len(name) for name in area_names[area[1:]]) > MAX_AREA_NAME:
            errors.append(RowError(line_number, f"a place name is over {MAX_AREA_NAME} characters"))
            continue
        for i in columns:
            cell = row[i].strip()
            if cell in MISSING:
                continue
            try:
                value = float(cell)
                if not math.isfinite(value):
                    raise ValueError(cell)
            except ValueError:
                errors.append(RowError(line_number, f"{codes[i]}: {cell!r} is not a number"))
                continue
            lines.append(line_number)
            statistics.append(codes[i])
            areas.append(area[1:])
            year_col.append(column_years[i])
            values.append(value)
    if errors:
        raise ImportFileError(file_name, errors)

    edition, edition_rank = _edition(file_name, codes[0])
    frame = pl.DataFrame(
        {
            "line": lines,
            "statistic": statistics,
            "area": areas,
            "year": year_col,
            "disaggregation": [""] * len(values),
            "status": [""] * len(values),
            "value": values,
        },
        schema=TIDY_SCHEMA,
    )
    return TidyImport(
        importer="ssdse",
        file_name=file_name,
        edition=edition,
        edition_rank=edition_rank,
        source_dataset="SSDSE-A",
        credit_ja=CREDIT_JA,
        credit_en=CREDIT_EN,
        frame=frame,
        statistics=[
            StatisticMeta(code=codes[i], name_ja=names[i].strip() if i < len(names) else "")
            for i in columns
        ],
        area_names=area_names,
    )
