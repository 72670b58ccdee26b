import csv

import pytest
from django.core.management import CommandError, call_command

DATA = """area,indicator,year,value
A,i1,2020,10
B,i1,2020,20
C,i1,2020,30
A,i2,2020,5
B,i2,2020,3
C,i2,2020,1
"""
SPEC = (
    "indicator,goal,direction,lower_bound,upper_bound,green_threshold,yellow_threshold,"
    "red_threshold\n"
    """i1,3,higher,10,30,25,,15
i2,8,lower,5,1,2,,4
"""
)


def test_score_writes_the_documented_columns(tmp_path):
    (tmp_path / "data.csv").write_text(DATA)
    (tmp_path / "spec.csv").write_text(SPEC)
    call_command(
        "score",
        "--data",
        str(tmp_path / "data.csv"),
        "--spec",
        str(tmp_path / "spec.csv"),
        "--out",
        str(tmp_path / "scores.csv"),
    )
    with (tmp_path / "scores.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["area", "year", "kind", "code", "score", "colour", "trend", "rank"]
    index = {r["area"]: r for r in rows if r["kind"] == "index"}
    # C is best on both indicators (i1 = 30 is the optimum, i2 = 1 is the optimum)
    assert float(index["C"]["score"]) == pytest.approx(100.0)
    assert index["C"]["rank"] == "1"
    assert float(index["A"]["score"]) == pytest.approx(0.0)
    goal8 = next(r for r in rows if r["kind"] == "goal" and r["code"] == "8" and r["area"] == "B")
    assert float(goal8["score"]) == pytest.approx(50.0)


def test_score_reports_bad_input_with_line_numbers(tmp_path):
    (tmp_path / "data.csv").write_text(DATA.replace("B,i1,2020,20", "B,i1,2020,twenty"))
    (tmp_path / "spec.csv").write_text(SPEC)
    with pytest.raises(CommandError, match="value is not a number on lines 3"):
        call_command(
            "score",
            "--data",
            str(tmp_path / "data.csv"),
            "--spec",
            str(tmp_path / "spec.csv"),
            "--out",
            str(tmp_path / "scores.csv"),
        )
    assert not (tmp_path / "scores.csv").exists()


def test_opensdg_progress_writes_one_row_per_series_and_indicator(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "meta").mkdir()
    (tmp_path / "data" / "indicator_3-2-1.csv").write_text("Year,Value\n2015,14.5\n2023,10.4\n")
    (tmp_path / "meta" / "3-2-1.md").write_text(
        "---\nauto_progress_calculation: true\nprogress_calculation_options:\n"
        "  - direction: negative\n    target: 7.25\n    target_year: 2030\n---\n"
    )
    call_command("opensdg_progress", str(tmp_path), "--out", str(tmp_path / "progress.csv"))
    with (tmp_path / "progress.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["indicator", "series", "progress_value", "score", "status"]
    indicator = next(r for r in rows if r["series"] == "")
    assert float(indicator["score"]) == pytest.approx(2.1507, abs=1e-4)
    assert indicator["status"] == "moderate_progress"
    series = next(r for r in rows if r["series"] != "")
    assert float(series["progress_value"]) == pytest.approx(0.90109, abs=1e-5)


def test_opensdg_progress_refuses_a_non_repository(tmp_path):
    with pytest.raises(CommandError, match="not an Open SDG data repository"):
        call_command("opensdg_progress", str(tmp_path / "nope"), "--out", "x.csv")


@pytest.mark.django_db
def test_load_indicator_set_reports_a_bad_file(tmp_path):
    path = tmp_path / "set.yaml"
    path.write_text("version: x\nindicators:\n  - code: T1\n    formula: 'A1101 ** 2'\n")
    with pytest.raises(CommandError, match="T1"):
        call_command("load_indicator_set", str(path))
