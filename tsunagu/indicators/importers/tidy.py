"""Tidy statistics files: CSV (UTF-8, with or without BOM) or Excel (.xlsx, first sheet).

One row per figure, with the columns `statistic, area, year, value`, and optionally
`disaggregation` ("field=value;field=value"), `status` (empty, provisional or estimated) and
the statistic's metadata `statistic_name_ja`, `statistic_name_en`, `unit`. Area codes may be
written as 17201, 172014 (with check digit) or R17201. Line numbers in errors are the row
numbers a spreadsheet shows: the header is line 1.
"""

import csv
import io
import math
import time
import unicodedata
import zipfile
import zlib
from pathlib import Path

import polars as pl
from django.utils.translation import gettext as _
from openpyxl.utils.exceptions import InvalidFileException

from tsunagu.core.area_codes import AreaCodeError, normalize_area_code
from tsunagu.indicators.importers.base import (
    TIDY_SCHEMA,
    ImportFileError,
    RowError,
    StatisticMeta,
    TidyImport,
)
from tsunagu.indicators.models import ObservationStatus

REQUIRED = ("statistic", "area", "year", "value")
OPTIONAL = ("disaggregation", "status", "statistic_name_ja", "statistic_name_en", "unit")
METADATA = ("statistic_name_ja", "statistic_name_en", "unit")
EXTENSIONS = (".csv", ".xlsx")
# Field lengths of Statistic and Observation.
MAX_CODE, MAX_EDITION, MAX_DISAGGREGATION = 40, 60, 200
MAX_METADATA = {"statistic_name_ja": 300, "statistic_name_en": 300, "unit": 60}

Row = tuple[int, list[str]]


def _cell(value: object) -> str:
    """A cell as text; Excel numbers that are whole (2020.0) lose their '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_rows(raw: bytes, file_name: str) -> list[Row]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        hint = ""
        try:
            raw.decode("cp932")
            hint = " " + _("It looks like Shift_JIS: save it as “CSV UTF-8”.")
        except UnicodeDecodeError:
            pass
        message = _("the file is not UTF-8 text.") + hint
        raise ImportFileError(file_name, [RowError(line, message)]) from None
    if "\x00" in text:  # no database text may hold one
        line = text[: text.index("\x00")].count("\n") + 1
        message = _("the file contains a NUL character: it is not a CSV text file.")
        raise ImportFileError(file_name, [RowError(line, message)])
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return [(number, [_cell(c) for c in row]) for number, row in enumerate(reader, start=1)]
    except csv.Error as error:  # e.g. a cell longer than the csv module's field limit
        message = _("the file cannot be read as CSV: %(error)s") % {"error": error}
        raise ImportFileError(file_name, [RowError(reader.line_num, message)]) from None


# What openpyxl raises on a file that is not a whole, well-formed workbook: it has no error of
# its own for that, and a damaged zip member or XML part fails deep inside it while the rows
# are read, not only when the file is opened.
UNREADABLE_WORKBOOK = (
    InvalidFileException,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    SyntaxError,  # xml.etree's ParseError
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    OSError,
)


def _xlsx_rows(path: Path, file_name: str) -> list[Row]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            return [
                (number, [_cell(c) for c in row])
                for number, row in enumerate(
                    workbook.worksheets[0].iter_rows(values_only=True), start=1
                )
            ]
        finally:
            workbook.close()
    except UNREADABLE_WORKBOOK:
        raise ImportFileError(
            file_name, [RowError(0, _("the file is not a readable Excel (.xlsx) workbook."))]
        ) from None


def _rows(path: Path, file_name: str) -> list[Row]:
    suffix = Path(file_name).suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx_rows(path, file_name)
    elif suffix == ".csv":
        rows = _csv_rows(path.read_bytes(), file_name)
    else:
        message = _("only .csv and .xlsx files can be imported, not %(suffix)s.") % {
            "suffix": suffix or "?"
        }
        raise ImportFileError(file_name, [RowError(0, message)])
    return [(number, cells) for number, cells in rows if any(cells)]


def _columns(header: Row, file_name: str) -> dict[str, int]:
    line, cells = header
    names = [unicodedata.normalize("NFKC", c).strip().lower() for c in cells]
    errors = []
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        errors.append(
            RowError(
                line,
                _("missing required column(s): %(columns)s") % {"columns": ", ".join(missing)},
            )
        )
    unknown = [n for n in names if n and n not in REQUIRED + OPTIONAL]
    if unknown:
        errors.append(
            RowError(
                line,
                _("unknown column(s): %(columns)s (allowed: %(allowed)s)")
                % {"columns": ", ".join(unknown), "allowed": ", ".join(REQUIRED + OPTIONAL)},
            )
        )
    twice = sorted({n for n in names if n and names.count(n) > 1})
    if twice:
        errors.append(
            RowError(line, _("column(s) given twice: %(columns)s") % {"columns": ", ".join(twice)})
        )
    if errors:
        raise ImportFileError(file_name, errors)
    return {name: i for i, name in enumerate(names) if name}


def _year(text: str) -> int:
    text = unicodedata.normalize("NFKC", text)
    if len(text) != 4 or not text.isascii() or not text.isdigit() or text[0] == "0":
        raise ValueError(_("year %(year)r is not a 4-digit year") % {"year": text})
    return int(text)


def _value(text: str) -> float:
    text = unicodedata.normalize("NFKC", text)
    if not text:
        raise ValueError(_("the value is empty"))
    try:
        value = float(text)
    except ValueError:
        raise ValueError(_("value %(value)r is not a number") % {"value": text}) from None
    if not math.isfinite(value):
        raise ValueError(_("value %(value)r is not a finite number") % {"value": text})
    return value


def _disaggregation(text: str) -> str:
    """The canonical form the database stores: 'field=value' pairs, sorted, ';'-separated."""
    if not text:
        return ""
    pairs = []
    for part in text.split(";"):
        field, equals, value = part.partition("=")
        if not equals or not field.strip() or not value.strip():
            raise ValueError(
                _("disaggregation %(text)r is not in the form field=value;field=value")
                % {"text": text}
            )
        pairs.append(f"{field.strip()}={value.strip()}")
    canonical = ";".join(sorted(pairs))
    if len(canonical) > MAX_DISAGGREGATION:
        raise ValueError(
            _("disaggregation is longer than %(max)s characters") % {"max": MAX_DISAGGREGATION}
        )
    return canonical


def _status(text: str) -> str:
    status = unicodedata.normalize("NFKC", text).lower()
    if status not in ObservationStatus.values:
        raise ValueError(
            _("status %(status)r is unknown: leave it empty or write provisional or estimated")
            % {"status": text}
        )
    return status


class _Metadata:
    """Statistic names and units, which must agree on every row that gives them."""

    def __init__(self) -> None:
        self.order: list[str] = []
        self.values: dict[str, dict[str, tuple[str, int]]] = {}

    def add(self, code: str, given: dict[str, str], line: int) -> list[RowError]:
        if code not in self.values:
            self.order.append(code)
            self.values[code] = {}
        known = self.values[code]
        errors = []
        for column, value in given.items():
            if not value:
                continue
            if len(value) > MAX_METADATA[column]:
                errors.append(
                    RowError(
                        line,
                        _("%(column)s is longer than %(max)s characters")
                        % {"column": column, "max": MAX_METADATA[column]},
                    )
                )
            elif column not in known:
                known[column] = (value, line)
            elif known[column][0] != value:
                errors.append(
                    RowError(
                        line,
                        _("%(column)s of %(code)s differs from line %(line)s")
                        % {"column": column, "code": code, "line": known[column][1]},
                    )
                )
        return errors

    def statistics(self) -> list[StatisticMeta]:
        result = []
        for code in self.order:
            known = {column: value for column, (value, _line) in self.values[code].items()}
            name_en = known.get("statistic_name_en", "")
            result.append(
                StatisticMeta(
                    code=code,
                    name_ja=known.get("statistic_name_ja") or name_en or code,
                    name_en=name_en,
                    unit=known.get("unit", ""),
                )
            )
        return result


def read(
    path: Path,
    *,
    file_name: str | None = None,
    edition: str = "",
    edition_rank: int | None = None,
    credit_ja: str = "",
    credit_en: str = "",
) -> TidyImport:
    """Read and check a tidy file; raises ImportFileError listing every bad row.

    `edition` defaults to the file name and `edition_rank` to the current time, so that a
    later upload counts as a newer edition of the figures it repeats.
    """
    file_name = file_name or path.name
    rows = _rows(path, file_name)
    if not rows:
        raise ImportFileError(file_name, [RowError(1, _("the file is empty"))])
    columns = _columns(rows[0], file_name)

    def cell(cells: list[str], column: str) -> str:
        i = columns.get(column)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    errors: list[RowError] = []
    metadata = _Metadata()
    seen: dict[tuple[str, str, int, str], int] = {}
    data: dict[str, list] = {name: [] for name in TIDY_SCHEMA}
    for line, cells in rows[1:]:
        problems: list[str] = []
        statistic = cell(cells, "statistic")
        if not statistic:
            problems.append(_("the statistic code is empty"))
        elif len(statistic) > MAX_CODE:
            problems.append(
                _("statistic code %(code)r is longer than %(max)s characters")
                % {"code": statistic, "max": MAX_CODE}
            )
        try:
            area = normalize_area_code(unicodedata.normalize("NFKC", cell(cells, "area")))
        except AreaCodeError:
            area = ""
            problems.append(
                _("area code %(code)r is not a 5-digit, 6-digit or R-prefixed code")
                % {"code": cell(cells, "area")}
            )
        parsed = {}
        for column, parse in (
            ("year", _year),
            ("value", _value),
            ("disaggregation", _disaggregation),
            ("status", _status),
        ):
            try:
                parsed[column] = parse(cell(cells, column))
            except ValueError as error:
                problems.append(str(error))
        errors.extend(RowError(line, problem) for problem in problems)
        if statistic and len(statistic) <= MAX_CODE:
            given = {column: cell(cells, column) for column in METADATA}
            errors.extend(metadata.add(statistic, given, line))
        if problems:
            continue
        key = (statistic, area, parsed["year"], parsed["disaggregation"])
        if key in seen:
            errors.append(
                RowError(
                    line,
                    _(
                        "%(statistic)s / %(area)s / %(year)s%(disaggregation)s is already on line "
                        "%(line)s"
                    )
                    % {
                        "statistic": statistic,
                        "area": area,
                        "year": parsed["year"],
                        "disaggregation": f" / {key[3]}" if key[3] else "",
                        "line": seen[key],
                    },
                )
            )
            continue
        seen[key] = line
        data["line"].append(line)
        data["statistic"].append(statistic)
        data["area"].append(area)
        for column in ("year", "disaggregation", "status", "value"):
            data[column].append(parsed[column])
    if errors:
        raise ImportFileError(file_name, errors)
    if not seen:
        raise ImportFileError(file_name, [RowError(1, _("the file has no data rows"))])

    return TidyImport(
        importer="tidy",
        file_name=file_name,
        edition=(edition or file_name)[:MAX_EDITION],
        edition_rank=int(time.time()) if edition_rank is None else edition_rank,
        source_dataset="upload",
        credit_ja=credit_ja,
        credit_en=credit_en,
        frame=pl.DataFrame(data, schema=TIDY_SCHEMA),
        statistics=metadata.statistics(),
    )
