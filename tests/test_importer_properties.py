"""Property tests for every importer: a malformed file is refused with the importer's own error
and nothing is written; it never crashes with another exception (and its traceback).

Each test draws files from hypothesis strategies — random bytes, valid files truncated or with
bytes flipped, wrong, missing or shuffled headers, cells of the wrong type, huge numbers,
other encodings, empty files — and runs the same service the upload page or the management
command runs. An import that succeeds is fine; one that fails must raise the importer's error
and leave the row counts of every table it writes unchanged. Generation is derandomised, so CI
sees the same files every run.
"""

import csv
import io
import json
import tempfile
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
import yaml
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Model
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from tsunagu.core.models import Area, AreaKind, SdgRelation
from tsunagu.core.services import BoundaryFileError, boundaries_load
from tsunagu.indicators.importers import opensdg, ssdse, tidy
from tsunagu.indicators.importers.base import ImportFileError
from tsunagu.indicators.models import (
    CompositeIndicator,
    ImportRun,
    Indicator,
    Observation,
    ObservationChange,
    Statistic,
)
from tsunagu.indicators.services.indicator_set import (
    DEFAULT_SET,
    IndicatorSetError,
    indicator_set_load,
)
from tsunagu.indicators.services.observations import observations_import
from tsunagu.nature.dwca import DwcaError
from tsunagu.nature.models import DarwinCoreImport, Taxon
from tsunagu.nature.models import Observation as NatureObservation
from tsunagu.nature.services.dwca import dwca_upload_import
from tsunagu.nature.tests.factories_dwca import OCCURRENCE_ROWS, OCCURRENCE_TERMS, meta_xml
from tsunagu.nature.tests.factories_dwca import eml_xml as dwca_eml
from tsunagu.network.models import CreativeCity
from tsunagu.network.services import creative_cities_import
from tsunagu.scoring.opensdg import OpenSdgFormatError
from tsunagu.tourism_stats.models import MonthlyFigure, VisitorImport
from tsunagu.tourism_stats.services import visitor_statistics_import

pytestmark = pytest.mark.django_db

PROPERTY_SETTINGS = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
INDICATOR_TABLES = (Statistic, Observation, ObservationChange, ImportRun, Area)


def row_counts(models: tuple[type[Model], ...]) -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in models}


def imports_or_refuses(
    run: Callable[[], object],
    *,
    errors: type[Exception] | tuple[type[Exception], ...],
    tables: tuple[type[Model], ...],
) -> None:
    """Run an import, which may succeed or raise one of `errors` having written nothing to
    `tables`. Any other exception propagates and fails the test. (The events show how many
    files each test imported and refused: pytest --hypothesis-show-statistics.)"""
    before = row_counts(tables)
    try:
        run()
    except errors as error:
        event(f"refused: {type(error).__name__}")
        assert row_counts(tables) == before, "a refused import wrote rows"
    else:
        event("imported")


# Cells that break naive parsers: empty, blanks, words for numbers, huge and non-finite
# numbers, full-width digits, formulas, control characters, quotes, emoji.
NASTY_CELLS = [
    "", " ", "-", "－", "…", "x", "NaN", "nan", "inf", "-inf", "Infinity", "1e309", "-1e309",
    "9" * 400, "1" + "0" * 30, "-1", "0", "-0", "1.5", "1,000", "12,34", "0x1F", "1_000",
    "２０２０", "null", "None", "true", "=1+1", '"', '""', "\x00", "\r", "\n", "\t", "🎌",
    "金沢市", "R", "R1720", "R17201", "17201", "172014", " 17201 ", "99999", "00000", "2024",
    "0999", "10000", "-2024", "2024-13", "13", "0", "visitors", "VISITORS", "occupancy_rate",
    "Crafts and Folk Art", "http://", "https://example.org/x", "javascript:alert(1)",
]  # fmt: skip
cells = st.one_of(
    st.sampled_from(NASTY_CELLS),
    st.text(max_size=20),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
ENCODINGS = ["utf-8", "utf-8-sig", "cp932", "utf-16", "latin-1", "cp1252"]


@st.composite
def table_files(
    draw,
    header: list[str],
    good_rows: list[list[str]],
    lead_rows: tuple[list[str], ...] = (),
    *,
    named_columns: bool = True,
) -> bytes:
    """A CSV file built from valid rows (`lead_rows`, more header rows, first), its columns in
    any order when the importer finds them by name. A third of the files stay valid; the others
    are broken in some ways: header renamed, cut or missing; rows cut, extended or with cells
    replaced; another encoding; truncated; bytes flipped; noise."""
    order = list(range(len(header)))
    if named_columns:
        order = draw(st.permutations(order))
    columns = [header[i] for i in order]
    picked = draw(st.lists(st.sampled_from(range(len(good_rows))), unique=True, max_size=6))
    rows = [[row[i] for i in order] for row in (*lead_rows, *(good_rows[i] for i in picked))]
    if draw(st.integers(0, 2)) == 0:
        return _csv_text([columns, *rows]).encode()
    if draw(st.integers(0, 5)) == 0:
        columns = draw(st.lists(st.sampled_from([*header, "", "extra", "Value"]), max_size=8))
    for row in rows:
        if draw(st.integers(0, 3)) == 0:
            for index in draw(st.lists(st.integers(0, len(row) - 1), min_size=1, max_size=3)):
                row[index] = draw(cells)
        if draw(st.integers(0, 9)) == 0:
            del row[draw(st.integers(0, len(row) - 1)) :]
        if draw(st.integers(0, 9)) == 0:
            row.extend(draw(st.lists(cells, max_size=3)))
    text = _csv_text([columns, *rows] if draw(st.integers(0, 9)) else rows)
    encoding = draw(st.sampled_from(ENCODINGS)) if draw(st.booleans()) else "utf-8"
    return draw(damaged(text.encode(encoding, errors="replace")))


def _csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


@st.composite
def damaged(draw, data: bytes) -> bytes:
    """The bytes as they are, truncated, with some bytes flipped, or replaced by noise."""
    how = draw(st.sampled_from(["intact"] * 4 + ["truncated", "flipped", "noise", "empty"]))
    if how == "truncated" and data:
        return data[: draw(st.integers(0, len(data) - 1))]
    if how == "flipped" and data:
        flipped = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            flipped[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(flipped)
    if how == "noise":
        return draw(st.binary(max_size=600))
    if how == "empty":
        return b""
    return data


@st.composite
def workbook_files(draw, header: list[str], good_rows: list[list[str]]) -> bytes:
    """An Excel workbook with a broken table (typed cells: numbers, booleans, dates, text)."""
    with time_machine.travel(datetime(2024, 1, 1, tzinfo=UTC), tick=False):
        workbook = Workbook()  # its timestamps are in the file: the same bytes every run
    sheet = workbook.active
    typed = st.one_of(
        cells,
        st.integers(min_value=-(10**15), max_value=10**15),
        st.floats(allow_nan=False, allow_infinity=False),
        st.booleans(),
        st.dates(),
        st.none(),
    )
    sheet.append(draw(st.sampled_from([header, header[::-1], header[:-1], ["x", "y"]])))
    for row in draw(st.lists(st.sampled_from(good_rows), max_size=5)):
        cells_out = list(row)
        for index in draw(st.lists(st.integers(0, len(row) - 1), max_size=3)):
            cells_out[index] = draw(typed)
        sheet.append(
            [ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in cells_out]
        )
    buffer = io.BytesIO()
    with time_machine.travel(datetime(2024, 1, 1, tzinfo=UTC), tick=False):
        workbook.save(buffer)
    return draw(damaged(buffer.getvalue()))


def write(folder: str, name: str, content: bytes) -> Path:
    path = Path(folder) / name
    path.write_bytes(content)
    return path


@pytest.fixture
def kanazawa(db):
    area, _ = Area.objects.get_or_create(
        code="17201",
        defaults={"kind": AreaKind.MUNICIPALITY, "name_ja": "金沢市", "name_en": "Kanazawa"},
    )
    return area


# Indicators: tidy statistics files (the statistics upload of the admin)

TIDY_HEADER = ["statistic", "area", "year", "value", "disaggregation", "status", "unit"]
TIDY_ROWS = [
    ["POP", "17201", "2020", "463254", "", "", "people"],
    ["POP", "17201", "2021", "462000", "", "provisional", "people"],
    ["POP", "R17201", "2020", "230000", "sex=female", "estimated", "people"],
    ["WASTE", "172014", "2019", "1.5", "", "", "kg"],
]


def _tidy_import(path: Path) -> None:
    observations_import(tidy.read(path, file_name=path.name, edition="fuzz"))


@PROPERTY_SETTINGS
@given(
    content=st.one_of(
        table_files(TIDY_HEADER, TIDY_ROWS).map(lambda data: ("upload.csv", data)),
        workbook_files(TIDY_HEADER, TIDY_ROWS).map(lambda data: ("upload.xlsx", data)),
        st.binary(max_size=400).map(lambda data: ("upload.xlsx", data)),
    )
)
@example(content=("upload.csv", b"statistic,area,year,value\nA\x00B,17201,2020,1\n"))
@example(content=("upload.csv", b"statistic,area,year,value\nPOP,17201,2020," + b"9" * 200_000))
def test_tidy_statistics_files(kanazawa, content):
    name, data = content
    with tempfile.TemporaryDirectory() as folder:
        path = write(folder, name, data)
        imports_or_refuses(
            lambda: _tidy_import(path), errors=ImportFileError, tables=INDICATOR_TABLES
        )


# Indicators: SSDSE-A (import_ssdse)

SSDSE_HEADER = ["SSDSE-A-2024", "Prefecture", "Municipality", "A1101", "A110101"]
SSDSE_LEAD = (["", "", "", "2020", "2020"], ["地域コード", "都道府県", "市区町村", "総人口", "男"])
SSDSE_ROWS = [
    ["R17201", "石川県", "金沢市", "463254", "223000"],
    ["R17202", "石川県", "七尾市", "50300", "-"],
    ["R17203", "石川県", "小松市", "106000", "52000"],
]
SSDSE_FILE = _csv_text([SSDSE_HEADER, *SSDSE_LEAD, *SSDSE_ROWS])


@PROPERTY_SETTINGS
@given(
    data=st.one_of(
        table_files(SSDSE_HEADER, SSDSE_ROWS, SSDSE_LEAD, named_columns=False),
        table_files(SSDSE_HEADER, SSDSE_ROWS, SSDSE_LEAD, named_columns=False).map(
            lambda data: data.decode("utf-8", errors="replace").encode("cp932", errors="replace")
        ),
    ),
    name=st.sampled_from(["SSDSE-A-2024.csv", "SSDSE-A-9999.csv", "data.csv"]),
)
@example(data=SSDSE_FILE.replace("七尾市", "七\x00尾市").encode(), name="SSDSE-A-2024.csv")
@example(data=SSDSE_FILE.replace("七尾市", "七\r尾市").encode(), name="SSDSE-A-2024.csv")
@example(data=b"\xef\xbb\xbfA1101\n\xff\n", name="SSDSE-A-2024.csv")
def test_ssdse_files(db, data, name):
    with tempfile.TemporaryDirectory() as folder:
        path = write(folder, name, data)
        imports_or_refuses(
            lambda: observations_import(ssdse.read(path), register_areas=True),
            errors=ImportFileError,
            tables=INDICATOR_TABLES,
        )


# Indicators: Open SDG data repositories (import_opensdg)

OPENSDG_HEADER = ["Year", "Sex", "Units", "GeoCode", "Value"]
OPENSDG_ROWS = [
    ["2015", "", "Percent", "17201", "20.5"],
    ["2015", "Female", "Percent", "", "22"],
    ["2016-2017", "", "Percent", "", "19"],
]
front_matter = st.one_of(
    st.just("---\nindicator_name: Indicator 1-2-1\n---\n"),
    st.text(max_size=80).map(lambda text: f"---\n{text}\n---\n"),
    st.text(max_size=80),
    st.just("---\nprogress_calculation_options: [{direction: sideways}]\n---\n"),
    st.just("---\ndata_non_statistical: true\n---\n"),
)


def _opensdg_import(path: Path) -> None:
    result = opensdg.read(path, area="17201")
    observations_import(result.tidy)


@PROPERTY_SETTINGS
@given(
    data=table_files(OPENSDG_HEADER, OPENSDG_ROWS),
    meta=front_matter,
    config=st.one_of(st.none(), st.text(max_size=40), st.just("languages: [ja, en]\n")),
)
@example(data=b"Year,Sex,Value\n2015,F\x00,1\n", meta="---\n---\n", config=None)
@example(data=b"Year,Sex,Value\n2015," + b"x" * 300 + b",1\n", meta="---\n---\n", config=None)
@example(data=b"Year,Value\n2015,1\n", meta='---\nindicator_name: "a\\0b"\n---\n', config=None)
def test_opensdg_repositories(kanazawa, data, meta, config):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "data").mkdir()
        (root / "meta").mkdir()
        write(folder, "data/indicator_1-2-1.csv", data)
        write(folder, "meta/1-2-1.md", meta.encode("utf-8", errors="replace"))
        if config is not None:
            write(folder, "config_data.yml", config.encode("utf-8", errors="replace"))
        imports_or_refuses(
            lambda: _opensdg_import(root),
            errors=(ImportFileError, OpenSdgFormatError),
            tables=INDICATOR_TABLES,
        )


# Indicators: indicator sets (load_indicator_set)

SHIPPED_SET = yaml.safe_load(DEFAULT_SET.read_text(encoding="utf-8"))
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10)),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def indicator_sets(draw) -> bytes:
    """The shipped set with keys removed or given values of other types, or any YAML."""
    document = json.loads(json.dumps(SHIPPED_SET))
    entries = document["indicators"][: draw(st.integers(0, 3))]
    document["indicators"] = entries
    document["composites"] = document.get("composites", [])[: draw(st.integers(0, 2))]
    for _ in range(draw(st.integers(0, 4))):
        target = draw(st.sampled_from([document, *entries] if entries else [document]))
        key = draw(st.sampled_from(sorted(target) or ["version"]))
        if draw(st.booleans()):
            target.pop(key, None)
        else:
            target[key] = draw(json_values)
    text = yaml.safe_dump(document, allow_unicode=True)
    raw = draw(
        st.one_of(
            st.just(text),
            json_values.map(lambda value: yaml.safe_dump(value)),
            st.text(max_size=200),
        )
    )
    return draw(damaged(raw.encode("utf-8")))


@PROPERTY_SETTINGS
@given(data=indicator_sets())
@example(data=yaml.safe_dump({**SHIPPED_SET, "version": "v\x00"}).encode())
def test_indicator_sets(db, data):
    with tempfile.TemporaryDirectory() as folder:
        path = write(folder, "set.yaml", data)
        imports_or_refuses(
            lambda: indicator_set_load(path),
            errors=IndicatorSetError,
            tables=(Indicator, CompositeIndicator, SdgRelation),
        )


# Tourism: visitor statistics (the staff upload and import_visitor_statistics)

VISITOR_HEADER = ["area", "year", "month", "measure", "category", "value", "source"]
VISITOR_ROWS = [
    ["17201", "2024", "8", "visitors", "", "1,200", "city survey"],
    ["17201", "2024", "8", "stays_foreign", "", "300", ""],
    ["17201", "2024", "8", "stays_foreign_country", "台湾 Taiwan", "120", ""],
    ["172014", "2024", "9", "occupancy_rate", "", "81.5", ""],
    ["17201", "2024", "9", "attraction_visits", "21st Century Museum", "400", ""],
]


@PROPERTY_SETTINGS
@given(
    content=st.one_of(
        table_files(VISITOR_HEADER, VISITOR_ROWS).map(lambda data: ("visitors.csv", data)),
        workbook_files(VISITOR_HEADER, VISITOR_ROWS).map(lambda data: ("visitors.xlsx", data)),
    )
)
@example(
    content=(
        "visitors.csv",
        b"area,year,month,measure,value,source\n17201,2024,1,visitors,5,a\x00b\n",
    )
)
def test_visitor_statistics_files(kanazawa, content):
    name, data = content
    with tempfile.TemporaryDirectory() as folder:
        path = write(folder, name, data)
        imports_or_refuses(
            lambda: visitor_statistics_import(path=path),
            errors=ImportFileError,
            tables=(MonthlyFigure, VisitorImport, Observation, Statistic, ImportRun),
        )


# Network: UNESCO Creative Cities list (import_creative_cities)

UCCN_HEADER = ["City Name", "Category", "Description", "Link"]
UCCN_ROWS = [
    ["Kanazawa", "Crafts and Folk Art", "A city of crafts.", "https://en.unesco.org/creative-cities/kanazawa"],
    ["Bologna", "Music", "Music city", ""],
    ["Lyon", "Media Arts", "", "http://example.org/lyon"],
]  # fmt: skip


@PROPERTY_SETTINGS
@given(data=table_files(UCCN_HEADER, UCCN_ROWS))
@example(data=b"City Name,Category,Description,Link\nKanazawa,Music,a\x00b,\n")
@example(data=b"City Name,Category,Description,Link\n" + b"K" * 161 + b",Music,,\n")
def test_creative_cities_lists(db, data):
    with tempfile.TemporaryDirectory() as folder:
        path = write(folder, "uccn.csv", data)
        imports_or_refuses(
            lambda: creative_cities_import(path=path),
            errors=ValidationError,
            tables=(CreativeCity,),
        )


# Nature: Darwin Core Archives (the staff upload and import_dwca)

META = meta_xml(terms=OCCURRENCE_TERMS)


def _zip(files: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DWCA_WITH_NUL = _zip(
    {
        "meta.xml": META,
        "occurrence.txt": "\t".join(OCCURRENCE_TERMS)
        + "\n"
        + "\t".join(OCCURRENCE_ROWS[0]).replace("Kuratsuki", "Kura\x00tsuki"),
        "eml.xml": dwca_eml(),
    }
)


@st.composite
def dwca_archives(draw) -> tuple[str, bytes]:
    """A zip archive whose meta.xml, core file or metadata is broken, or other bytes under an
    archive's name."""
    files = {
        "meta.xml": draw(
            st.one_of(
                st.just(META),
                st.just(META.replace('index="0"', 'index="99"')),
                st.just(META.replace("Occurrence", "Event")),
                st.just(META[: len(META) // 2]),
                st.text(max_size=100),
            )
        ).encode("utf-8", errors="replace"),
        "occurrence.txt": draw(
            table_files(OCCURRENCE_TERMS, OCCURRENCE_ROWS).map(
                lambda data: data.replace(b",", b"\t")
            )
        ),
        "eml.xml": draw(st.sampled_from([dwca_eml(), "<eml", ""])).encode(),
    }
    for name in draw(st.lists(st.sampled_from(sorted(files)), max_size=1)):
        files.pop(name)
    name = draw(st.sampled_from(["archive.zip", "archive.tar.gz", "occurrence.txt", "a"]))
    return name, draw(damaged(_zip(files)))


@PROPERTY_SETTINGS
@given(archive=dwca_archives())
@example(archive=("archive.zip", DWCA_WITH_NUL))
def test_darwin_core_archives(db, archive):
    name, data = archive
    imports_or_refuses(
        lambda: dwca_upload_import(
            uploaded_file=SimpleUploadedFile(name, data), dry_run=False, user=None
        ),
        errors=DwcaError,
        tables=(NatureObservation, Taxon, DarwinCoreImport),
    )


# Core: municipal boundaries (load_boundaries --file)

FEATURE = {
    "type": "Feature",
    "properties": {"N03_001": "石川県", "N03_003": None, "N03_004": "金沢市", "N03_007": "17201"},
    "geometry": {
        "type": "Polygon",
        "coordinates": [[[136.6, 36.5], [136.7, 36.5], [136.7, 36.6], [136.6, 36.5]]],
    },
}


NUL_NAMES = {"N03_001": "石川県", "N03_004": "金\x00沢市", "N03_007": "17201"}


@st.composite
def boundary_files(draw) -> bytes:
    """A GeoJSON FeatureCollection with properties or geometry replaced, or other JSON."""
    feature = json.loads(json.dumps(FEATURE))
    for _ in range(draw(st.integers(0, 3))):
        parts = [feature, feature.get("properties"), feature.get("geometry")]
        target = draw(st.sampled_from([part for part in parts if isinstance(part, dict)]))
        if not target:
            break
        key = draw(st.sampled_from(sorted(target)))
        if draw(st.booleans()):
            target.pop(key)
        else:
            target[key] = draw(json_values)
    document = draw(
        st.one_of(
            st.just({"type": "FeatureCollection", "features": [feature]}),
            json_values,
        )
    )
    return draw(damaged(json.dumps(document, ensure_ascii=False).encode()))


@PROPERTY_SETTINGS
@given(data=boundary_files())
@example(data=json.dumps({"features": [{**FEATURE, "properties": NUL_NAMES}]}).encode())
def test_boundary_files(db, data):
    with tempfile.TemporaryDirectory() as folder:
        path = write(folder, "boundaries.geojson", data)
        imports_or_refuses(
            lambda: boundaries_load(path=path), errors=BoundaryFileError, tables=(Area,)
        )


def test_valid_files_still_import(kanazawa, tmp_path):
    """The strategies start from valid files: each importer takes them unchanged."""
    rows = TIDY_ROWS[::-1]
    tidy_file = tmp_path / "tidy.csv"
    tidy_file.write_text("\n".join(",".join(r) for r in [TIDY_HEADER, *rows]) + "\n")
    _tidy_import(tidy_file)
    assert Observation.objects.count() == len(TIDY_ROWS)
    visitors = tmp_path / "visitors.csv"
    visitors.write_text(
        "\n".join(",".join(f'"{c}"' for c in r) for r in [VISITOR_HEADER, *VISITOR_ROWS])
    )
    visitor_statistics_import(path=visitors)
    assert MonthlyFigure.objects.count() == len(VISITOR_ROWS)
    boundaries = tmp_path / "b.geojson"
    boundaries.write_text(json.dumps({"type": "FeatureCollection", "features": [FEATURE]}))
    assert boundaries_load(path=boundaries) == 1
