"""Tidy CSV/Excel reader: columns, area code forms, every row error with its line number."""

from pathlib import Path

import pytest
from django.utils import translation
from openpyxl import Workbook

from tsunagu.core.models import Area
from tsunagu.indicators.importers import tidy
from tsunagu.indicators.importers.base import ImportFileError
from tsunagu.indicators.models import Observation, Statistic
from tsunagu.indicators.services.observations import observations_import

pytestmark = pytest.mark.django_db

HEADER = ["statistic", "area", "year", "value"]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def write_csv(tmp_path: Path, rows: list[list[str]], name: str = "figures.csv", bom=False) -> Path:
    text = "\r\n".join(",".join(row) for row in rows) + "\r\n"
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def write_xlsx(tmp_path: Path, rows: list[list], name: str = "figures.xlsx") -> Path:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.create_sheet("ignored").append(["not", "read"])
    path = tmp_path / name
    workbook.save(path)
    return path


def errors_of(path: Path) -> list[tuple[int, str]]:
    with pytest.raises(ImportFileError) as caught:
        tidy.read(path)
    return [(error.line, error.message) for error in caught.value.errors]


def rows_of(result) -> list[dict]:
    return list(result.frame.iter_rows(named=True))


def test_csv_reads_every_area_code_form_and_the_optional_columns(tmp_path):
    path = write_csv(
        tmp_path,
        [
            [*HEADER, "disaggregation", "status", "statistic_name_ja", "statistic_name_en", "unit"],
            ["T1", "17201", "2020", "12.5", "", "", "観光客数", "Visitors", "人"],
            ["T1", "R17202", "2020", "7", "sex=female;age=0-14", "provisional", "", "", ""],
            ["T1", "172014", "2021", "-3e2", "", "Estimated", "観光客数", "", ""],
        ],
    )
    result = tidy.read(path)
    assert [(r["line"], r["area"], r["year"], r["value"]) for r in rows_of(result)] == [
        (2, "17201", 2020, 12.5),
        (3, "17202", 2020, 7.0),
        (4, "17201", 2021, -300.0),
    ]
    assert [r["disaggregation"] for r in rows_of(result)][1] == "age=0-14;sex=female"
    assert [r["status"] for r in rows_of(result)] == ["", "provisional", "estimated"]
    (statistic,) = result.statistics
    assert (statistic.code, statistic.name_ja, statistic.name_en, statistic.unit) == (
        "T1",
        "観光客数",
        "Visitors",
        "人",
    )
    assert (result.importer, result.source_dataset) == ("tidy", "upload")
    assert (result.edition, result.credit_ja, result.credit_en) == ("figures.csv", "", "")


def test_utf8_bom_is_accepted(tmp_path):
    path = write_csv(tmp_path, [HEADER, ["T1", "17201", "2020", "1"]], bom=True)
    assert rows_of(tidy.read(path))[0]["statistic"] == "T1"


def test_xlsx_first_sheet_with_numeric_cells_and_spreadsheet_line_numbers(tmp_path):
    path = write_xlsx(
        tmp_path,
        [
            [*HEADER, "statistic_name_ja"],
            ["T1", 17201, 2020, 1.5, "指標"],
            [None, None, None, None, None],
            ["T1", 172014, 2021.0, 2, None],
            ["T1", "R17202", 2021, "x", None],
        ],
    )
    assert errors_of(path) == [(5, "value 'x' is not a number")]

    path = write_xlsx(tmp_path, [HEADER, ["T1", 17201, 2020, 1.5], [], ["T1", 172014, 2021.0, 2]])
    result = tidy.read(path)
    assert [(r["line"], r["area"], r["year"], r["value"]) for r in rows_of(result)] == [
        (2, "17201", 2020, 1.5),
        (4, "17201", 2021, 2.0),
    ]
    assert result.statistics[0].name_ja == "T1"


def test_missing_required_columns_are_one_error_naming_them(tmp_path):
    path = write_csv(tmp_path, [["statistic", "area"], ["T1", "17201"]])
    assert errors_of(path) == [(1, "missing required column(s): year, value")]


def test_unknown_columns_are_rejected(tmp_path):
    path = write_csv(tmp_path, [[*HEADER, "disagregation"], ["T1", "17201", "2020", "1", "x=y"]])
    [(line, message)] = errors_of(path)
    assert line == 1
    assert "unknown column(s): disagregation" in message


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["T1", "17201", "2020", "many"], "value 'many' is not a number"),
        (["T1", "17201", "2020", ""], "the value is empty"),
        (["T1", "17201", "2020", "nan"], "value 'nan' is not a finite number"),
        (["T1", "17201", "20", "1"], "year '20' is not a 4-digit year"),
        (["T1", "17201", "2020.5", "1"], "year '2020.5' is not a 4-digit year"),
        (["T1", "1720", "2020", "1"], "area code '1720' is not a 5-digit, 6-digit or R-prefixed"),
        (["T1", "172015", "2020", "1"], "area code '172015' is not a 5-digit, 6-digit or R-"),
        (["", "17201", "2020", "1"], "the statistic code is empty"),
    ],
)
def test_each_bad_cell_is_reported_on_its_line(tmp_path, row, message):
    path = write_csv(tmp_path, [HEADER, ["T1", "17202", "2020", "1"], row])
    [(line, text)] = errors_of(path)
    assert line == 3
    assert text.startswith(message)


def test_unknown_status_and_bad_disaggregation(tmp_path):
    path = write_csv(
        tmp_path,
        [
            [*HEADER, "status", "disaggregation"],
            ["T1", "17201", "2020", "1", "final", ""],
            ["T1", "17201", "2021", "1", "", "female"],
        ],
    )
    assert errors_of(path) == [
        (2, "status 'final' is unknown: leave it empty or write provisional or estimated"),
        (3, "disaggregation 'female' is not in the form field=value;field=value"),
    ]


def test_duplicates_name_both_lines_and_disaggregations_are_compared_canonically(tmp_path):
    path = write_csv(
        tmp_path,
        [
            [*HEADER, "disaggregation"],
            ["T1", "17201", "2020", "1", "sex=f;age=young"],
            ["T1", "17201", "2020", "2", ""],
            ["T1", "R17201", "2020", "3", ""],
            ["T1", "17201", "2020", "4", "age=young; sex=f"],
        ],
    )
    assert errors_of(path) == [
        (4, "T1 / 17201 / 2020 is already on line 3"),
        (5, "T1 / 17201 / 2020 / age=young;sex=f is already on line 2"),
    ]


def test_every_error_of_the_file_is_collected(tmp_path):
    path = write_csv(
        tmp_path,
        [
            HEADER,
            ["T1", "17201", "2020", "1"],
            ["T1", "99", "year", "one"],
            ["T1", "17202", "2020", "2"],
            ["T2", "17201", "2020", "?"],
        ],
    )
    errors = errors_of(path)
    assert [line for line, _ in errors] == [3, 3, 3, 5]


def test_conflicting_metadata_names_the_first_line(tmp_path):
    path = write_csv(
        tmp_path,
        [
            [*HEADER, "unit"],
            ["T1", "17201", "2020", "1", "人"],
            ["T1", "17202", "2020", "1", ""],
            ["T1", "17203", "2020", "1", "千人"],
        ],
    )
    assert errors_of(path) == [(4, "unit of T1 differs from line 2")]


def test_shift_jis_is_a_clear_encoding_error(tmp_path):
    path = tmp_path / "sjis.csv"
    path.write_bytes(
        "statistic,area,year,value\nT1,17201,2020,1\n人口,17202,2020,2\n".encode("cp932")
    )
    [(line, message)] = errors_of(path)
    assert line == 3
    assert "not UTF-8" in message
    assert "Shift_JIS" in message


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("figures.txt", b"statistic,area,year,value\n", "only .csv and .xlsx files"),
        ("figures.xlsx", b"not a zip file", "the file is not a readable Excel (.xlsx)"),
        ("figures.csv", b"", "the file is empty"),
        ("figures.csv", b"statistic,area,year,value\n", "the file has no data rows"),
    ],
)
def test_unreadable_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    [(_line, text)] = errors_of(path)
    assert text.startswith(message)


def test_edition_rank_defaults_to_a_later_value_for_a_later_upload(tmp_path):
    path = write_csv(tmp_path, [HEADER, ["T1", "17201", "2020", "1"]])
    first = tidy.read(path)
    assert tidy.read(path).edition_rank >= first.edition_rank > 2026
    given = tidy.read(
        path,
        file_name="市の統計.csv",
        edition="2024年版",
        edition_rank=7,
        credit_ja="菊川市",
        credit_en="Kikugawa City",
    )
    assert (given.file_name, given.edition, given.edition_rank) == ("市の統計.csv", "2024年版", 7)
    assert (given.credit_ja, given.credit_en) == ("菊川市", "Kikugawa City")


def test_a_tidy_file_imports_with_its_metadata_and_replaces_older_uploads(tmp_path):
    Area.objects.create(code="17201", kind="municipality", name_ja="金沢市")
    rows = [
        [*HEADER, "status", "statistic_name_ja", "statistic_name_en", "unit"],
        ["T1", "R17201", "2020", "10", "provisional", "観光客数", "Visitors", "人"],
    ]
    old = tidy.read(write_csv(tmp_path, rows), edition_rank=1, credit_ja="金沢市")
    assert observations_import(old).created == 1
    statistic = Statistic.objects.get(code="T1")
    assert (statistic.name_ja, statistic.name_en, statistic.unit) == ("観光客数", "Visitors", "人")
    assert (statistic.source_dataset, statistic.credit_ja) == ("upload", "金沢市")

    rows[1][3:5] = ["12", ""]
    summary = observations_import(tidy.read(write_csv(tmp_path, rows, "new.csv"), edition_rank=2))
    assert (summary.created, summary.changed) == (0, 1)
    observation = Observation.objects.get()
    assert (observation.value, observation.status, observation.edition) == (12.0, "", "new.csv")
