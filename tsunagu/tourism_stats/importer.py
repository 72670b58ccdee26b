"""Reading visitor statistics files: tidy CSV (UTF-8) or Excel (.xlsx, first sheet).

One row per figure with the columns `area, year, month, measure, value` and optionally
`category` (the country/region for stays_foreign_country, the attraction for
attraction_visits) and `source`. Files are read and decoded by the indicators module's tidy
reader, and errors use its RowError/ImportFileError, so both importers report alike: every bad
row is listed (line numbers as a spreadsheet shows them, header = line 1) and nothing is
written.
"""

import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from tsunagu.core.area_codes import AreaCodeError, normalize_area_code
from tsunagu.core.models import Area
from tsunagu.indicators.importers.base import ImportFileError, RowError
from tsunagu.indicators.importers.tidy import _rows as spreadsheet_rows
from tsunagu.tourism_stats.models import CATEGORISED, Measure

REQUIRED = ("area", "year", "month", "measure", "value")
OPTIONAL = ("category", "source")
MAX_CATEGORY, MAX_SOURCE = 120, 300
COUNTED = frozenset(set(Measure.values) - {Measure.OCCUPANCY_RATE})


@dataclass(frozen=True)
class FigureRow:
    line: int
    area: str
    year: int
    month: int
    measure: str
    category: str
    value: float
    source: str


def _columns(line: int, cells: list[str], file_name: str) -> dict[str, int]:
    names = [unicodedata.normalize("NFKC", c).strip().lower() for c in cells]
    errors = []
    missing = [n for n in REQUIRED if n not in names]
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
    if errors:
        raise ImportFileError(file_name, errors)
    return {name: i for i, name in enumerate(names) if name}


def _year(text: str) -> int:
    if not (len(text) == 4 and text.isascii() and text.isdigit() and 1900 <= int(text) <= 2100):
        raise ValueError(_("year %(year)r is not a year between 1900 and 2100") % {"year": text})
    return int(text)


def _month(text: str) -> int:
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 12):
        raise ValueError(_("month %(month)r is not a month from 1 to 12") % {"month": text})
    return int(text)


def _measure(text: str) -> str:
    measure = text.lower()
    if measure not in Measure.values:
        raise ValueError(
            _("measure %(measure)r is unknown (allowed: %(allowed)s)")
            % {"measure": text, "allowed": ", ".join(Measure.values)}
        )
    return measure


def _value(text: str, measure: str | None) -> float:
    if not text:
        raise ValueError(_("the value is empty"))
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        raise ValueError(_("value %(value)r is not a number") % {"value": text}) from None
    if not math.isfinite(value) or value < 0:
        raise ValueError(_("value %(value)r is not a number of zero or more") % {"value": text})
    if measure == Measure.OCCUPANCY_RATE and value > 100:
        raise ValueError(
            _("an occupancy rate is a percentage: %(value)s is over 100") % {"value": text}
        )
    if measure in COUNTED and not value.is_integer():
        raise ValueError(
            _("%(measure)s is a count: %(value)s is not a whole number")
            % {"measure": measure, "value": text}
        )
    return value


def _category(text: str, measure: str | None) -> str:
    if measure in CATEGORISED and not text:
        raise ValueError(
            _("%(measure)s needs a category (the country/region or the attraction)")
            % {"measure": measure}
        )
    if measure is not None and measure not in CATEGORISED and text:
        raise ValueError(
            _("%(measure)s takes no category (found %(category)r)")
            % {"measure": measure, "category": text}
        )
    if len(text) > MAX_CATEGORY:
        raise ValueError(
            _("the category is longer than %(max)s characters") % {"max": MAX_CATEGORY}
        )
    return text


def read(path: Path, *, file_name: str | None = None) -> list[FigureRow]:
    """Read and check a file; raises ImportFileError listing every bad row."""
    file_name = file_name or path.name
    rows = spreadsheet_rows(path, file_name)
    if not rows:
        raise ImportFileError(file_name, [RowError(1, _("the file is empty"))])
    columns = _columns(*rows[0], file_name)
    known_areas = set(Area.objects.values_list("code", flat=True))

    def cell(cells: list[str], column: str) -> str:
        i = columns.get(column)
        text = cells[i] if i is not None and i < len(cells) else ""
        return unicodedata.normalize("NFKC", text).strip()

    errors: list[RowError] = []
    seen: dict[tuple, int] = {}
    figures: list[FigureRow] = []
    for line, cells in rows[1:]:
        problems: list[str] = []
        parsed: dict = {}
        try:
            parsed["area"] = normalize_area_code(cell(cells, "area"))
            if parsed["area"] not in known_areas:
                problems.append(_("unknown area code %(code)s") % {"code": parsed["area"]})
        except AreaCodeError:
            problems.append(
                _("area code %(code)r is not a valid area code") % {"code": cell(cells, "area")}
            )
        for column, parse in (("year", _year), ("month", _month), ("measure", _measure)):
            try:
                parsed[column] = parse(cell(cells, column))
            except ValueError as error:
                problems.append(str(error))
        measure = parsed.get("measure")
        for column, parse in (("category", _category), ("value", _value)):
            try:
                parsed[column] = parse(cell(cells, column), measure)
            except ValueError as error:
                problems.append(str(error))
        source = cell(cells, "source")
        if len(source) > MAX_SOURCE:
            problems.append(_("the source is longer than %(max)s characters") % {"max": MAX_SOURCE})
        if problems:
            errors.extend(RowError(line, p) for p in problems)
            continue
        key = (parsed["area"], parsed["year"], parsed["month"], measure, parsed["category"])
        if key in seen:
            errors.append(
                RowError(
                    line,
                    _("the same figure is already on line %(line)s") % {"line": seen[key]},
                )
            )
            continue
        seen[key] = line
        figures.append(FigureRow(line=line, source=source, **parsed))
    errors.extend(_country_totals_exceeded(figures))
    if errors:
        raise ImportFileError(file_name, sorted(errors, key=lambda e: e.line))
    if not figures:
        raise ImportFileError(file_name, [RowError(1, _("the file has no data rows"))])
    return figures


def _country_totals_exceeded(figures: list[FigureRow]) -> list[RowError]:
    """Stays by country/region may not add up to more than the foreign total of that month."""
    totals = {
        (f.area, f.year, f.month): f.value for f in figures if f.measure == Measure.STAYS_FOREIGN
    }
    sums: dict[tuple, tuple[float, int]] = {}
    for f in figures:
        if f.measure == Measure.STAYS_FOREIGN_COUNTRY:
            total, last = sums.get((f.area, f.year, f.month), (0.0, 0))
            sums[(f.area, f.year, f.month)] = (total + f.value, max(last, f.line))
    return [
        RowError(
            line,
            _(
                "stays by country/region in %(area)s %(year)s-%(month)s add up to %(sum)s, "
                "more than the foreign total %(total)s"
            )
            % {
                "area": key[0],
                "year": key[1],
                "month": key[2],
                "sum": f"{total:g}",
                "total": f"{totals[key]:g}",
            },
        )
        for key, (total, line) in sums.items()
        if key in totals and total > totals[key]
    ]
