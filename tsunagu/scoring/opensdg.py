"""Read an Open SDG data repository into polars frames and measure each indicator's progress.

Layout (as sdg-build reads it): ``data/indicator_<id>.csv`` holds tidy data (``Year`` first,
``Value`` last, disaggregations between, a blank cell meaning "all"); ``meta/<id>.md`` (YAML
front matter) or ``meta/<id>.yml`` and ``indicator-config/<id>.yml`` hold metadata; and
``translations/<lang>/<group>.yml`` resolve translation keys such as ``data.All ages``.
"""

import contextlib
import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from tsunagu.scoring.progress import (
    ProgressOptions,
    ProgressStatus,
    SeriesProgress,
    indicator_progress,
    series_progress,
)

YEAR, VALUE, UNITS, SERIES, GEOCODE = "Year", "Value", "Units", "Series", "GeoCode"
# Columns that never make a row a disaggregation (Open SDG's defaults); Units and Series
# only select rows when progress options name them.
NON_DISAGGREGATION = frozenset(
    {YEAR, VALUE, UNITS, SERIES, GEOCODE, "Observation status", "Unit multiplier", "Unit measure"}
)
ID_PATTERN = r"[0-9A-Za-z]+(?:-[0-9A-Za-z]+)+"
DATA_FILE = re.compile(rf"indicator_({ID_PATTERN})\.csv")
META_FILE = re.compile(rf"({ID_PATTERN})\.(?:md|yml)")
NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
# A year, or a period such as "2009-2010" that sdg-build measures from its first year.
YEAR_LABEL = re.compile(r"\d{4}(?:\D.*)?")

# sdg-build's reset_csvs writes this test data into every indicator of a fresh repository.
SDG_BUILD_RESET_DATA = pl.DataFrame(
    {
        YEAR: ["2015", "2015", "2015", "2016", "2016", "2016"],
        "Group": ["A", "B", None, "A", "B", None],
        VALUE: [1.0, 3.0, 2.0, 1.0, 3.0, 2.0],
    }
)
# Fingerprint (see data_fingerprint) of the open-sdg-data-starter's data/demo_indicator.csv,
# so that its demo data is recognised even where a repository has deleted that file.
STARTER_DEMO_FINGERPRINT = "05cd19fd6945443496337812eeceaad7300f24b14fc427e60066490595af6893"


class OpenSdgFormatError(ValueError):
    """A malformed file; names the file and, where known, the line."""

    def __init__(self, path: Path, message: str, line: int | None = None):
        self.path, self.line = path, line
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")


class SeriesSelectionError(ValueError):
    """Progress options that select no series, or several at once."""


@dataclass(frozen=True)
class Problem:
    indicator: str
    # "placeholder", "test_data", "malformed_data", "malformed_metadata" or "missing_metadata"
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.indicator} ({self.kind}): {self.message}"


@dataclass
class Indicator:
    id: str
    data: pl.DataFrame
    metadata: dict[str, Any]


@dataclass
class OpenSdgRepository:
    path: Path
    language: str
    indicators: dict[str, Indicator] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    translations: dict[str, Any] = field(default_factory=dict)

    def translate(self, text: str) -> str:
        return translate(text, self.translations)


@dataclass(frozen=True)
class SeriesConfig:
    """One entry of ``progress_calculation_options``: which rows, and how to measure them."""

    series: str | None = None
    unit: str | None = None
    # (field, value) pairs; a None value selects the blank cell. None: the headline.
    disaggregation: tuple[tuple[str, str | None], ...] | None = None
    options: ProgressOptions = field(default_factory=ProgressOptions)

    @property
    def label(self) -> str:
        parts = [part for part in (self.series, self.unit) if part]
        parts += [f"{name}={value or '(blank)'}" for name, value in self.disaggregation or ()]
        return " / ".join(parts) or "headline"


def natural_key(indicator_id: str) -> tuple[tuple[int, str], ...]:
    return tuple(
        (int(part), "") if part.isdigit() else (0, part) for part in indicator_id.split("-")
    )


def read_text(path: Path) -> str:
    """Text with any byte-order mark dropped and CRLF or bare CR line ends made LF."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise OpenSdgFormatError(path, f"not UTF-8 ({error.reason})") from error
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise OpenSdgFormatError(path, "a NUL character: not a text file", line)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_indicator_csv(path: Path, *, with_lines: bool = False) -> pl.DataFrame:
    """Tidy frame: Year (label as written), disaggregations (None = blank), Value (Float64).

    Rows without a value carry no observation and are dropped. With ``with_lines`` a first
    column ``_line`` gives each row's line in the file, for importers' error messages.
    """
    reader = csv.reader(io.StringIO(read_text(path)))
    try:
        return _indicator_frame(path, reader, with_lines=with_lines)
    except csv.Error as error:  # e.g. a cell longer than the csv module's field limit
        raise OpenSdgFormatError(path, f"not readable as CSV: {error}", reader.line_num) from error


def _indicator_frame(path: Path, reader, *, with_lines: bool) -> pl.DataFrame:
    header = [name.strip() for name in next(reader, [])]
    for required in (YEAR, VALUE):
        if required not in header:
            raise OpenSdgFormatError(path, f"no {required} column (columns: {header})", line=1)
    if "" in header or len(set(header)) != len(header):
        raise OpenSdgFormatError(path, f"empty or repeated column name in {header}", line=1)
    columns: dict[str, list[Any]] = {name: [] for name in header}
    lines: list[int] = []
    for row in reader:
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        line = reader.line_num
        if len(cells) != len(header):
            raise OpenSdgFormatError(path, f"{len(cells)} cells for {len(header)} columns", line)
        record = dict(zip(header, cells, strict=True))
        if not record[VALUE]:
            continue
        if not NUMBER.fullmatch(record[VALUE]):
            raise OpenSdgFormatError(path, f"Value {record[VALUE]!r} is not a number", line)
        if not YEAR_LABEL.fullmatch(record[YEAR]):
            raise OpenSdgFormatError(path, f"Year {record[YEAR]!r} is not a year", line)
        for name, cell in record.items():
            columns[name].append(float(cell) if name == VALUE else cell or None)
        lines.append(line)
    order = [YEAR, *(name for name in header if name not in (YEAR, VALUE)), VALUE]
    schema = {name: pl.Float64 if name == VALUE else pl.String for name in order}
    frame = pl.DataFrame({name: columns[name] for name in order}, schema=schema)
    return frame.insert_column(0, pl.Series("_line", lines, pl.Int64)) if with_lines else frame


def read_front_matter(path: Path) -> dict[str, Any]:
    """Metadata from a ``.yml`` file, or from the YAML front matter of a ``.md`` file."""
    text, first_line = read_text(path), 1
    if path.suffix == ".md":
        lines = text.split("\n")
        if not lines or lines[0].strip() != "---":
            raise OpenSdgFormatError(path, "no YAML front matter (first line is not ---)", 1)
        end = next(
            (i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None
        )
        if end is None:
            raise OpenSdgFormatError(path, "front matter has no closing ---", 1)
        text, first_line = "\n".join(lines[1:end]), 2
    try:
        metadata = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + first_line if mark is not None else None
        raise OpenSdgFormatError(path, f"invalid YAML: {error}", line) from error
    if metadata is None:
        return {}
    if not isinstance(metadata, dict):
        raise OpenSdgFormatError(path, "metadata is not a mapping of keys to values", first_line)
    return metadata


def read_translations(root: Path, language: str) -> dict[str, Any]:
    """``translations/<language>/<group>.yml`` as {group: mapping}."""
    folder = root / "translations" / language
    groups: dict[str, Any] = {}
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        loaded = read_yaml(path)
        if isinstance(loaded, dict):
            groups[path.stem] = loaded
    return groups


def translate(text: str, translations: dict[str, Any]) -> str:
    """Resolve a ``group.key`` translation key; anything else is returned unchanged."""
    group, dot, key = text.partition(".")
    if not dot or group not in translations:
        return text
    found: Any = translations[group]
    if key in found:
        found = found[key]
    else:
        for part in key.split("."):
            if not isinstance(found, dict) or part not in found:
                return text
            found = found[part]
    return text if isinstance(found, dict | list) or found is None else str(found)


def translate_frame(frame: pl.DataFrame, translations: dict[str, Any]) -> pl.DataFrame:
    if not translations:
        return frame
    frame = frame.rename({name: translate(name, translations) for name in frame.columns})
    labels = [name for name in frame.columns if name not in (YEAR, VALUE)]
    return frame.with_columns(
        pl.col(name).replace({v: translate(v, translations) for v in frame[name].drop_nulls()})
        for name in labels
    )


def data_fingerprint(frame: pl.DataFrame) -> str:
    """Digest of a frame's cells, blind to row order, number formatting and column names.

    Column names are left out because template versions rename them ("Fruit", "Fruit!").
    """
    rows = sorted(
        "\t".join("" if cell is None else repr(cell) for cell in row) for row in frame.iter_rows()
    )
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


RESET_FINGERPRINT = data_fingerprint(SDG_BUILD_RESET_DATA)


def template_fingerprints(data_dir: Path) -> dict[str, str]:
    """Fingerprints of data that templates ship, with a description of each."""
    known = {STARTER_DEMO_FINGERPRINT: "the Open SDG starter's demo data"}
    demo = data_dir / "demo_indicator.csv"
    if demo.is_file():
        # A broken demo file cannot be mistaken for an indicator's data, so it is skipped.
        with contextlib.suppress(OpenSdgFormatError):
            known.setdefault(data_fingerprint(read_indicator_csv(demo)), f"the demo data in {demo}")
    return known


def indicator_files(root: Path) -> dict[str, dict[str, list[Path]]]:
    """{id: {"data": [...], "meta": [...]}}, metadata files in increasing precedence."""
    found: dict[str, dict[str, list[Path]]] = {}

    def add(indicator_id: str, kind: str, path: Path) -> None:
        found.setdefault(indicator_id, {"data": [], "meta": []})[kind].append(path)

    for path in sorted((root / "data").glob("indicator_*.csv")):
        if path.is_file() and (match := DATA_FILE.fullmatch(path.name)):
            add(match[1], "data", path)
    for folder, suffixes in (("indicator-config", (".yml",)), ("meta", (".yml", ".md"))):
        for suffix in suffixes:
            for path in sorted((root / folder).glob(f"*{suffix}")):
                if path.is_file() and (match := META_FILE.fullmatch(path.name)):
                    add(match[1], "meta", path)
    return found


def empty_data() -> pl.DataFrame:
    return pl.DataFrame(schema={YEAR: pl.String, VALUE: pl.Float64})


def read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(read_text(path))
    except yaml.YAMLError as error:
        raise OpenSdgFormatError(path, f"invalid YAML: {error}") from error


def default_language(root: Path) -> str:
    """The first language of ``config_data.yml``, else English."""
    config = root / "config_data.yml"
    settings = read_yaml(config) if config.is_file() else None
    languages = settings.get("languages") if isinstance(settings, dict) else None
    return str(languages[0]) if isinstance(languages, list) and languages else "en"


def read_repository(path: Path | str, language: str | None = None) -> OpenSdgRepository:
    """Read every indicator; files that cannot be used become problems instead of errors.

    Indicators whose data is a template's placeholder data are reported, not read; data that
    sdg-build's reset script wrote (valid but not real) is read and reported as test data.
    """
    root = Path(path)
    if not (root / "data").is_dir():
        raise FileNotFoundError(f"{root} has no data folder: not an Open SDG data repository")
    language = language or default_language(root)
    repo = OpenSdgRepository(root, language, translations=read_translations(root, language))
    templates = template_fingerprints(root / "data")
    for indicator_id, files in sorted(
        indicator_files(root).items(), key=lambda i: natural_key(i[0])
    ):
        metadata: dict[str, Any] = {}
        for meta_path in files["meta"]:
            try:
                metadata.update(read_front_matter(meta_path))
            except OpenSdgFormatError as error:
                repo.problems.append(Problem(indicator_id, "malformed_metadata", str(error)))
        if not files["meta"]:
            repo.problems.append(Problem(indicator_id, "missing_metadata", "no metadata file"))
        try:
            progress_configs(metadata, repo.translate)
        except ValueError as error:
            repo.problems.append(Problem(indicator_id, "malformed_metadata", str(error)))
        data_path = files["data"][0] if files["data"] else None
        try:
            data = read_indicator_csv(data_path) if data_path else empty_data()
        except OpenSdgFormatError as error:
            repo.problems.append(Problem(indicator_id, "malformed_data", str(error)))
            continue
        fingerprint = data_fingerprint(data)
        template = templates.get(fingerprint)
        if template:
            message = f"{data_path} holds {template}, not observations"
            repo.problems.append(Problem(indicator_id, "placeholder", message))
            continue
        if fingerprint == RESET_FINGERPRINT:
            # Structurally valid, so it is read; but the officer must know it is not real data.
            message = f"{data_path} still holds sdg-build's reset test data (Group A/B: 1, 3, 2)"
            repo.problems.append(Problem(indicator_id, "test_data", message))
        data = translate_frame(data, repo.translations)
        repo.indicators[indicator_id] = Indicator(indicator_id, data, metadata)
    return repo


def number_option(entry: dict[str, Any], key: str, kind: Callable[[Any], Any]) -> Any:
    value = entry.get(key)
    if value is None or value == "":
        return None
    try:
        return kind(value)
    except (TypeError, ValueError) as error:
        raise ValueError(f"progress_calculation_options: {key} {value!r} is invalid") from error


def progress_configs(
    metadata: dict[str, Any], translate_text: Callable[[str], str] = str
) -> list[SeriesConfig]:
    """The series configured by ``progress_calculation_options``, or the headline alone."""
    entries = metadata.get("progress_calculation_options") or [{}]
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ValueError("progress_calculation_options must be a list of mappings")

    def text(value: Any) -> str | None:
        return None if value is None or value == "" else translate_text(str(value))

    configs = []
    for entry in entries:
        defaults = ProgressOptions()
        options = ProgressOptions(
            base_year=number_option(entry, "base_year", int) or defaults.base_year,
            target=number_option(entry, "target", float),
            target_year=number_option(entry, "target_year", int) or defaults.target_year,
            positive=entry.get("direction") == "positive",
            limit=number_option(entry, "limit", float),
        )
        pairs = entry.get("disaggregation") or None
        if pairs is not None:
            if not isinstance(pairs, list) or not all(
                isinstance(p, dict) and p.get("field") for p in pairs
            ):
                raise ValueError(
                    "progress_calculation_options: disaggregation needs field/value items"
                )
            pairs = tuple((text(pair["field"]) or "", text(pair.get("value"))) for pair in pairs)
        configs.append(
            SeriesConfig(text(entry.get("series")), text(entry.get("unit")), pairs, options)
        )
    return configs


def matching(frame: pl.DataFrame, column: str, value: str | None) -> pl.DataFrame:
    if column not in frame.columns:
        if value is None:
            return frame  # an absent column is blank everywhere
        raise SeriesSelectionError(f"no column {column!r}")
    return frame.filter(pl.col(column).is_null() if value is None else pl.col(column) == value)


def selected_rows(data: pl.DataFrame, config: SeriesConfig) -> pl.DataFrame:
    """Rows of the named unit, series and disaggregation values, other disaggregations blank."""
    frame = data
    named = dict(config.disaggregation or ())
    if config.unit is not None:
        frame = matching(frame, UNITS, config.unit)
    if config.series is not None:
        frame = matching(frame, SERIES, config.series)
    for column, value in named.items():
        frame = matching(frame, column, value)
    for column in frame.columns:
        if column not in NON_DISAGGREGATION and column not in named:
            frame = frame.filter(pl.col(column).is_null())
    return frame


def split_by_unit_and_series(data: pl.DataFrame, config: SeriesConfig) -> list[SeriesConfig]:
    """``config``, or one config per unit (and series) when it leaves several of them open.

    sdg-build stops at such an ambiguity; measuring each unit as its own series instead
    keeps indicators such as "Deaths" and "Injuries" in one file measurable without options.
    """
    try:
        frame = selected_rows(data, config)
    except SeriesSelectionError:
        return [config]
    for column, attribute in ((UNITS, "unit"), (SERIES, "series")):
        if getattr(config, attribute) is None and column in frame.columns:
            values = frame[column].unique(maintain_order=True)
            if len(values) > 1 and values.null_count() == 0:
                return [
                    split
                    for value in values
                    for split in split_by_unit_and_series(
                        data, replace(config, **{attribute: value})
                    )
                ]
    return [config]


def select_series(data: pl.DataFrame, config: SeriesConfig) -> tuple[list[int], list[float]]:
    """Years (first year of a period) and values of the one series ``config`` selects."""
    frame = selected_rows(data, config)
    if frame.is_empty():
        raise SeriesSelectionError(f"no rows for {config.label}")
    for column in frame.columns:
        if column not in (YEAR, VALUE) and frame[column].n_unique() > 1:
            raise SeriesSelectionError(f"several {column} in {config.label}: select one")
    years = frame[YEAR].str.slice(0, 4).cast(pl.Int64)
    if years.is_duplicated().any():
        raise SeriesSelectionError(f"repeated years in {config.label}")
    return years.to_list(), frame[VALUE].to_list()


def calculates_progress(metadata: dict[str, Any], calculate_unconfigured: bool) -> bool:
    """Whether to measure progress rather than report the manual ``progress_status``.

    sdg-build measures only when ``auto_progress_calculation`` is true. With
    ``calculate_unconfigured`` Tsunagu also measures (the headline, by default) an indicator
    that sets neither that key nor a manual status, so an unconfigured repository gets measured.
    """
    auto = metadata.get("auto_progress_calculation")
    if auto is not None:
        return auto is True
    return calculate_unconfigured and "progress_status" not in metadata


PROGRESS_SCHEMA = {
    "indicator": pl.String,
    "series": pl.String,
    "progress_value": pl.Float64,
    "score": pl.Float64,
    "status": pl.String,
}


def indicator_rows(
    indicator: Indicator, translate_text: Callable[[str], str], calculate_unconfigured: bool
) -> Iterable[tuple[str, str, float | None, float | None, str]]:
    if not calculates_progress(indicator.metadata, calculate_unconfigured):
        manual = indicator.metadata.get("progress_status")
        yield indicator.id, "", None, None, "" if manual is None else str(manual)
        return
    try:
        configs = progress_configs(indicator.metadata, translate_text)
    except ValueError:
        configs = []  # already reported as a problem when the repository was read
    configs = [
        split for config in configs for split in split_by_unit_and_series(indicator.data, config)
    ]
    results: list[SeriesProgress] = []
    series_rows = []
    labels: set[str] = set()
    for number, config in enumerate(configs, 1):
        try:
            result = series_progress(*select_series(indicator.data, config), config.options)
        except SeriesSelectionError:
            result = SeriesProgress(status=ProgressStatus.NOT_AVAILABLE)
        label = config.label if config.label not in labels else f"{config.label} #{number}"
        labels.add(label)
        results.append(result)
        row = (indicator.id, label, result.progress_value, result.score, str(result.status))
        series_rows.append(row)
    overall = indicator_progress(results)
    yield indicator.id, "", None, overall.score, str(overall.status)
    yield from series_rows


def repository_progress(
    repo: OpenSdgRepository, calculate_unconfigured: bool = True
) -> pl.DataFrame:
    """One row per indicator (series "") followed by one row per measured series."""
    rows = [
        row
        for indicator in repo.indicators.values()
        for row in indicator_rows(indicator, repo.translate, calculate_unconfigured)
    ]
    return pl.DataFrame(rows, schema=PROGRESS_SCHEMA, orient="row")


def write_progress_csv(frame: pl.DataFrame, path: Path | str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.write_csv(path, null_value="")
