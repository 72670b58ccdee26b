"""The importer: happy path (CSV and Excel) and every row error, each naming its line."""

import pytest
from openpyxl import Workbook

from tsunagu.indicators.importers.base import ImportFileError
from tsunagu.tourism_stats import importer
from tsunagu.tourism_stats.tests.factories import HEADER, write_csv

pytestmark = pytest.mark.usefixtures("english")


def test_reads_every_measure(tmp_path, area):
    path = write_csv(
        tmp_path,
        [
            '17201,2024,8,visitors,,"1,200",city survey',
            "17201,2024,8,stays_japanese,,900,",
            "17201,2024,8,stays_foreign,,300,",
            "17201,2024,8,stays_foreign_country,台湾 Taiwan,120,",
            "17201,2024,8,rooms,,50,",
            "17201,2024,8,beds,,90,",
            "17201,2024,8,occupancy_rate,,81.5,",
            "17201,2024,8,attraction_visits,21st Century Museum,400,",
            "172014,2024,8,residents,,1000,",
        ],
    )
    figures = importer.read(path)
    assert len(figures) == 9
    assert figures[0].value == 1200
    assert figures[0].source == "city survey"
    assert figures[3].category == "台湾 Taiwan"
    assert figures[8].area == "17201"  # the check digit is dropped


def test_reads_excel(tmp_path, area):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["area", "year", "month", "measure", "value"])
    sheet.append([17201, 2024, 1, "visitors", 1500])
    path = tmp_path / "visitors.xlsx"
    workbook.save(path)
    (figure,) = importer.read(path)
    assert (figure.area, figure.year, figure.month, figure.value) == ("17201", 2024, 1, 1500)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("99999,2024,1,visitors,,10,", "unknown area code 99999"),
        ("abc,2024,1,visitors,,10,", "is not a valid area code"),
        ("17201,24,1,visitors,,10,", "not a year between 1900 and 2100"),
        ("17201,2024,13,visitors,,10,", "not a month from 1 to 12"),
        ("17201,2024,1,tourists,,10,", "measure 'tourists' is unknown"),
        ("17201,2024,1,visitors,,,", "the value is empty"),
        ("17201,2024,1,visitors,,many,", "is not a number"),
        ("17201,2024,1,visitors,,-5,", "zero or more"),
        ("17201,2024,1,visitors,,10.5,", "is not a whole number"),
        ("17201,2024,1,occupancy_rate,,120,", "over 100"),
        ("17201,2024,1,attraction_visits,,10,", "needs a category"),
        ("17201,2024,1,visitors,Taiwan,10,", "takes no category"),
        ("17201,2024,1,attraction_visits," + "x" * 121 + ",10,", "longer than 120"),
    ],
)
def test_bad_row_rejects_the_file_with_its_line(tmp_path, area, row, message):
    path = write_csv(tmp_path, ["17201,2024,1,stays_japanese,,10,", row])
    with pytest.raises(ImportFileError) as caught:
        importer.read(path)
    assert [e.line for e in caught.value.errors] == [3]
    assert message in caught.value.errors[0].message


def test_duplicate_figure_names_the_first_line(tmp_path, area):
    path = write_csv(tmp_path, ["17201,2024,1,visitors,,10,", "17201,2024,01,visitors,,11,"])
    with pytest.raises(ImportFileError) as caught:
        importer.read(path)
    assert str(caught.value.errors[0]) == "line 3: the same figure is already on line 2"


def test_country_figures_may_not_exceed_the_foreign_total(tmp_path, area):
    path = write_csv(
        tmp_path,
        [
            "17201,2024,1,stays_foreign,,100,",
            "17201,2024,1,stays_foreign_country,Taiwan,80,",
            "17201,2024,1,stays_foreign_country,Korea,30,",
        ],
    )
    with pytest.raises(ImportFileError, match="add up to 110, more than the foreign total 100"):
        importer.read(path)


def test_every_bad_row_is_listed(tmp_path, area):
    path = write_csv(tmp_path, ["17201,2024,0,visitors,,10,", "17201,2024,1,visitors,,x,"])
    with pytest.raises(ImportFileError) as caught:
        importer.read(path)
    assert [e.line for e in caught.value.errors] == [2, 3]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("area,year,month,value\n17201,2024,1,5\n", "missing required column(s): measure"),
        (HEADER + ",colour\n", "unknown column(s): colour"),
        ("", "the file is empty"),
        (HEADER + "\n", "the file has no data rows"),
    ],
)
def test_bad_files(tmp_path, area, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        importer.read(path)
    assert message in str(caught.value)


def test_shift_jis_and_other_formats_are_refused(tmp_path, area):
    path = tmp_path / "sjis.csv"
    path.write_bytes((HEADER + "\n17201,2024,1,attraction_visits,兼六園,5,\n").encode("cp932"))
    with pytest.raises(ImportFileError, match="Shift_JIS"):
        importer.read(path)
    other = tmp_path / "figures.json"
    other.write_text("{}")
    with pytest.raises(ImportFileError, match=r"only \.csv and \.xlsx"):
        importer.read(other)
