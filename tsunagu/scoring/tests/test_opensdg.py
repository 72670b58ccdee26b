import os
from collections import Counter
from pathlib import Path

import polars as pl
import pytest

from tsunagu.scoring.opensdg import (
    OpenSdgFormatError,
    read_front_matter,
    read_indicator_csv,
    read_repository,
    repository_progress,
    write_progress_csv,
)
from tsunagu.scoring.progress import cagr

DATA_DIR = Path(
    os.environ.get(
        "TSUNAGU_DATA_DIR", Path(__file__).resolve().parents[3].parent / "shared" / "data"
    )
)
LOS_ANGELES = DATA_DIR / "opensdg-los-angeles"
STARTER_DEMO = "Year,Grade,Value\n2010,,15.1591\n2011,,16.3583\n2010,A,14.1695\n"


def make_repository(root: Path, indicators: dict[str, tuple[str, str]], **extra: str) -> Path:
    """indicators: {id: (csv text, meta front matter)}; extra: {relative path: text}."""
    for indicator_id, (data, meta) in indicators.items():
        write(root / "data" / f"indicator_{indicator_id}.csv", data)
        write(root / "meta" / f"{indicator_id}.md", f"---\n{meta}---\nSome page text.\n")
    for relative, text in extra.items():
        write(root / relative, text)
    (root / "data").mkdir(parents=True, exist_ok=True)
    return root


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def progress_rows(root: Path, **options) -> dict[tuple[str, str], tuple]:
    frame = repository_progress(read_repository(root), **options)
    return {(row[0], row[1]): row[2:] for row in frame.iter_rows()}


HEADLINE_DATA = (
    "Year,Sex,Value\n"
    "2015,,20\n2015,Female,30\n2015,Male,10\n"
    "2020,,10\n2020,Female,12\n2020,Male,8\n"
)


def test_headline_rows_are_measured_by_default(tmp_path):
    root = make_repository(tmp_path, {"1-1-1": (HEADLINE_DATA, "indicator_name: Poverty\n")})

    rows = progress_rows(root)

    expected = -cagr(10, 20, 2020, 2015)  # a decrease is desirable unless direction: positive
    value, score, status = rows[("1-1-1", "headline")]
    assert value == pytest.approx(expected)
    assert status == "substantial_progress"
    assert rows[("1-1-1", "")] == (None, score, "substantial_progress")


def test_frame_and_metadata_are_read(tmp_path):
    root = make_repository(tmp_path, {"1-1-1": (HEADLINE_DATA, "indicator_name: Poverty\n")})

    indicator = read_repository(root).indicators["1-1-1"]

    assert indicator.data.columns == ["Year", "Sex", "Value"]
    assert indicator.data.schema["Value"] == pl.Float64
    assert indicator.data["Sex"].null_count() == 2
    assert indicator.metadata == {"indicator_name": "Poverty"}


OPTIONS_DATA = (
    "Year,Series,Age,Units,Value\n"
    "2015,Poverty,,Percent,20\n2020,Poverty,,Percent,16\n"
    "2015,Poverty,15-24,Percent,30\n2020,Poverty,15-24,Percent,36\n"
    "2015,Poverty,,Count,2000\n2020,Poverty,,Count,1800\n"
    "2015,Income,,Percent,50\n2020,Income,,Percent,60\n"
)
OPTIONS_META = """auto_progress_calculation: true
progress_calculation_options:
  - series: Poverty
    unit: Percent
    disaggregation:
      - field: Age
        value: 15-24
  - series: Poverty
    unit: Percent
    target: 10
    target_year: 2030
    disaggregation:
      - field: Age
        value: ''
  - series: Income
    direction: positive
"""


def test_options_select_series_unit_and_disaggregation(tmp_path):
    root = make_repository(tmp_path, {"1-2-1": (OPTIONS_DATA, OPTIONS_META)})

    rows = progress_rows(root)

    youth = rows[("1-2-1", "Poverty / Percent / Age=15-24")]
    assert youth[0] == pytest.approx(-cagr(36, 30, 2020, 2015))
    assert youth[2] == "deterioration"
    # An empty value selects the blank cell: all ages.
    everyone = rows[("1-2-1", "Poverty / Percent / Age=(blank)")]
    assert everyone[0] == pytest.approx(-cagr(16, 20, 2020, 2015) / abs(cagr(10, 20, 2030, 2015)))
    income = rows[("1-2-1", "Income")]
    assert income[0] == pytest.approx(cagr(60, 50, 2020, 2015))
    indicator = rows[("1-2-1", "")]
    assert indicator[1] == pytest.approx((youth[1] + everyone[1] + income[1]) / 3)
    assert len(rows) == 4


def test_several_units_in_the_headline_become_one_series_each(tmp_path):
    data = "Year,Units,Value\n2015,Deaths,10\n2020,Deaths,5\n2015,Injuries,100\n2020,Injuries,120\n"
    root = make_repository(tmp_path, {"1-5-1": (data, "graph_type: line\n")})

    rows = progress_rows(root)

    assert rows[("1-5-1", "Deaths")][0] == pytest.approx(-cagr(5, 10, 2020, 2015))
    assert rows[("1-5-1", "Injuries")][2] == "deterioration"
    assert rows[("1-5-1", "")][1] == pytest.approx(
        (rows[("1-5-1", "Deaths")][1] + rows[("1-5-1", "Injuries")][1]) / 2
    )


def test_translation_keys_resolve_before_selection(tmp_path):
    data = (
        "Year,data.Age,Value\n"
        "2015,data.All ages,40\n2020,data.All ages,30\n"
        "2015,data.Youth,10\n2020,data.Youth,20\n"
    )
    meta = """auto_progress_calculation: true
progress_calculation_options:
  - disaggregation:
      - field: data.Age
        value: data.Youth
  - disaggregation:
      - field: Âge
        value: Tous âges
"""
    root = make_repository(
        tmp_path,
        {"3-1-1": (data, meta)},
        **{
            "config_data.yml": "languages:\n  - fr\n  - en\n",
            "translations/fr/data.yml": "Age: Âge\nAll ages: Tous âges\nYouth: Jeunes\n",
            "translations/en/data.yml": "Age: Age\nAll ages: All ages\nYouth: Youth\n",
        },
    )

    repo = read_repository(root)
    rows = progress_rows(root)

    assert repo.language == "fr"
    assert repo.indicators["3-1-1"].data.columns == ["Year", "Âge", "Value"]
    assert rows[("3-1-1", "Âge=Jeunes")][0] == pytest.approx(-cagr(20, 10, 2020, 2015))
    assert rows[("3-1-1", "Âge=Tous âges")][0] == pytest.approx(-cagr(30, 40, 2020, 2015))
    english = read_repository(root, language="en").indicators["3-1-1"].data
    assert english["Age"].unique().sort().to_list() == ["All ages", "Youth"]


def test_manual_status_is_reported_when_calculation_is_off(tmp_path):
    root = make_repository(
        tmp_path,
        {
            "2-1-1": (
                HEADLINE_DATA,
                "auto_progress_calculation: false\nprogress_status: target_achieved\n",
            ),
            "2-1-2": (HEADLINE_DATA, "progress_status: limited_progress\n"),
        },
    )

    rows = progress_rows(root)

    assert rows == {
        ("2-1-1", ""): (None, None, "target_achieved"),
        ("2-1-2", ""): (None, None, "limited_progress"),
    }


def test_calculation_off_without_status_is_empty(tmp_path):
    root = make_repository(
        tmp_path,
        {
            "2-2-1": (HEADLINE_DATA, "auto_progress_calculation: false\n"),
            "2-2-2": (HEADLINE_DATA, "indicator_name: Unconfigured\n"),
        },
    )

    assert progress_rows(root)[("2-2-1", "")] == (None, None, "")
    # As in sdg-build, on request: only auto_progress_calculation: true measures.
    strict = progress_rows(root, calculate_unconfigured=False)
    assert strict == {("2-2-1", ""): (None, None, ""), ("2-2-2", ""): (None, None, "")}


def test_unmeasurable_series_are_not_available(tmp_path):
    no_headline = "Year,Sex,Value\n2015,Female,1\n2020,Female,2\n"
    single_year = "Year,Value\n2019,5\n"
    periods = "Year,Value\n2015-2016,10\n2019-2020,8\n"
    root = make_repository(
        tmp_path,
        {
            "4-1-1": (no_headline, "a: 1\n"),
            "4-1-2": (single_year, "a: 1\n"),
            "4-1-3": (periods, "a: 1\n"),
        },
    )

    rows = progress_rows(root)

    assert rows[("4-1-1", "headline")] == (None, None, "not_available")
    assert rows[("4-1-1", "")] == (None, None, "not_available")
    assert rows[("4-1-2", "headline")][2] == "not_available"
    # A period counts from its first year.
    assert rows[("4-1-3", "headline")][0] == pytest.approx(-cagr(8, 10, 2019, 2015))


def test_reads_bom_and_carriage_returns(tmp_path):
    path = tmp_path / "indicator_1-1-1.csv"
    path.write_bytes("\ufeffYear,Value\r2015, 1.5\r2016,2.5E+1\r".encode())

    frame = read_indicator_csv(path)

    assert frame.rows() == [("2015", 1.5), ("2016", 25.0)]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Year,Sex\n2015,F\n", 1, "no Value column"),
        ("Sex,Value\nF,1\n", 1, "no Year column"),
        ("Year,Value\n2015,1\n2016,2\n2017,n/a\n", 4, "Value 'n/a' is not a number"),
        ("Year,Value\n2015,1\n\n2016,1,2\n", 4, "3 cells for 2 columns"),
        ("Year,Value\nsoon,1\n", 2, "Year 'soon' is not a year"),
    ],
)
def test_malformed_data_names_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "data" / "indicator_1-1-1.csv"
    write(path, text)

    with pytest.raises(OpenSdgFormatError, match=message) as raised:
        read_indicator_csv(path)

    assert raised.value.line == line
    assert str(raised.value).startswith(f"{path}:{line}: ")
    repo = read_repository(make_repository(tmp_path, {}, **{"meta/1-1-1.md": "---\na: 1\n---\n"}))
    assert "1-1-1" not in repo.indicators
    assert [(p.indicator, p.kind) for p in repo.problems] == [("1-1-1", "malformed_data")]
    assert f"indicator_1-1-1.csv:{line}:" in repo.problems[0].message


def test_malformed_metadata_is_a_problem_with_its_line(tmp_path):
    meta = "indicator_name: fine\ntarget: [unclosed\n"
    root = make_repository(tmp_path, {"1-1-1": (HEADLINE_DATA, meta)})
    write(root / "meta" / "1-1-2.md", "no front matter\n")
    write(root / "data" / "indicator_1-1-3.csv", HEADLINE_DATA)
    write(root / "meta" / "1-1-4.yml", "progress_calculation_options:\n  - target: lots\n")

    repo = read_repository(root)

    problems = {p.indicator: p for p in repo.problems}
    assert problems["1-1-1"].kind == "malformed_metadata"
    assert "1-1-1.md:3:" in problems["1-1-1"].message  # the front matter starts on line 2
    assert "first line is not ---" in problems["1-1-2"].message
    assert problems["1-1-3"].kind == "missing_metadata"
    assert "target 'lots' is invalid" in problems["1-1-4"].message
    assert read_front_matter(root / "meta" / "1-1-4.yml")["progress_calculation_options"]


def test_template_data_is_reported_not_read(tmp_path):
    reset = "Year,Group,Value\n2015,A,1\n2015,B,3\n2015,,2\n2016,A,1\n2016,B,3\n2016,,2\n"
    # Same cells as the demo file, another column name, order and number format.
    copied = "Year,Grade!,Value\n2010,A,14.16950\n2011,,16.3583\n2010,,15.1591\n"
    root = make_repository(
        tmp_path,
        {
            "1-1-1": (copied, "a: 1\n"),
            "1-1-2": (reset, "a: 1\n"),
            "1-1-3": (HEADLINE_DATA, "a: 1\n"),
        },
        **{"data/demo_indicator.csv": STARTER_DEMO},
    )

    repo = read_repository(root)

    # Placeholder data is refused; reset test data is valid, so it is read but reported.
    assert list(repo.indicators) == ["1-1-2", "1-1-3"]
    assert {(p.indicator, p.kind) for p in repo.problems} == {
        ("1-1-1", "placeholder"),
        ("1-1-2", "test_data"),
    }
    assert "demo_indicator.csv" in next(p.message for p in repo.problems if p.indicator == "1-1-1")


def test_write_progress_csv(tmp_path):
    root = make_repository(tmp_path / "repo", {"1-1-1": (HEADLINE_DATA, "a: 1\n")})
    frame = repository_progress(read_repository(root))

    write_progress_csv(frame, tmp_path / "out" / "progress.csv")

    lines = (tmp_path / "out" / "progress.csv").read_text().splitlines()
    assert lines[0] == "indicator,series,progress_value,score,status"
    # A quoted empty series is the indicator row; an empty progress value is missing.
    assert lines[1] == '1-1-1,"",,5.0,substantial_progress'
    back = pl.read_csv(tmp_path / "out" / "progress.csv", schema=frame.schema)
    assert back.equals(frame)


def test_not_a_repository(tmp_path):
    with pytest.raises(FileNotFoundError, match="no data folder"):
        read_repository(tmp_path)


@pytest.fixture(scope="module")
def los_angeles():
    if not (LOS_ANGELES / "data").is_dir():
        pytest.skip(
            f"Open SDG Los Angeles repository not found at {LOS_ANGELES}: set TSUNAGU_DATA_DIR"
        )
    return read_repository(LOS_ANGELES)


@pytest.mark.needs_data
def test_los_angeles_reads_every_real_indicator(los_angeles):
    starter = {p.indicator for p in los_angeles.problems if "starter" in p.message}
    reset = {p.indicator for p in los_angeles.problems if "reset test data" in p.message}

    assert starter == {"10-c-1", "11-1-2", "3-d-2"}
    # Everything but the three starter placeholders is read ...
    assert len(los_angeles.indicators) == 247 - 3
    assert not set(los_angeles.indicators) & starter
    # ... and the 110 indicators still holding sdg-build's reset test data are reported.
    assert len(reset) == 110
    assert {p.kind for p in los_angeles.problems if p.indicator in reset} == {"test_data"}
    assert reset <= set(los_angeles.indicators)
    assert len(los_angeles.problems) == 113


@pytest.mark.needs_data
def test_los_angeles_progress(los_angeles):
    frame = repository_progress(los_angeles)
    indicators = frame.filter(pl.col("series") == "")

    assert indicators["indicator"].to_list() == list(los_angeles.indicators)
    assert Counter(indicators["status"]) == {
        "not_available": 44,
        "deterioration": 42,
        "substantial_progress": 31,
        "limited_progress": 9 + 110,  # the reset test data: 1 → 1, a flat line
        "moderate_progress": 8,
    }
    assert frame.filter(pl.col("series") != "").height == 213 + 110
    # 3-b-3: 223 in 2015, 214 in 2019, decrease desirable by default.
    expected = 1 - (214 / 223) ** (1 / 4)
    row = frame.filter(pl.col("indicator") == "3-b-3", pl.col("series") == "headline").row(0)
    assert row[2] == pytest.approx(expected)
    assert row[3] == pytest.approx(250 * expected - 1.25)
    assert row[4] == "moderate_progress"


def test_options_naming_units_as_a_field_or_a_missing_column(tmp_path):
    data = "Year,Units,Value\n2015,Rate,4\n2020,Rate,2\n2015,Count,40\n2020,Count,30\n"
    meta = """auto_progress_calculation: true
progress_calculation_options:
  - disaggregation:
      - field: Units
        value: Count
  - disaggregation:
      - field: Region
        value: North
"""
    root = make_repository(tmp_path, {"6-1-1": (data, meta)})

    rows = progress_rows(root)

    assert rows[("6-1-1", "Units=Count")][0] == pytest.approx(-cagr(30, 40, 2020, 2015))
    assert rows[("6-1-1", "Region=North")] == (None, None, "not_available")
    assert rows[("6-1-1", "")][1] == rows[("6-1-1", "Units=Count")][1]
