"""Open SDG repositories into observations: placeholders reported, bad files rejected whole."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tsunagu.core.models import Area, AreaKind
from tsunagu.indicators.importers import opensdg
from tsunagu.indicators.models import Observation, Statistic

pytestmark = pytest.mark.django_db

STARTER_DEMO = "Year,Grade,Planet,Fruit,Value\n2010,,,,15.1591\n2011,,,,16.3583\n2012,,,,16.2244\n"


def repository(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "meta").mkdir()
    for indicator_id, data in files.items():
        (tmp_path / "data" / f"indicator_{indicator_id}.csv").write_text(data)
        (tmp_path / "meta" / f"{indicator_id}.md").write_text(
            f"---\nindicator_name: Indicator {indicator_id}\n---\n"
        )
    return tmp_path


@pytest.fixture
def city(db):
    return Area.objects.create(
        code="us-la", kind=AreaKind.MUNICIPALITY, name_ja="ロサンゼルス", name_en="Los Angeles"
    )


def test_rows_become_observations_with_disaggregation_keys(tmp_path, city):
    path = repository(
        tmp_path,
        {
            "1-2-1": "Year,Sex,Units,Value\n2015,,Percent,20.5\n2015,Female,Percent,22\n"
            "2016-2017,,Percent,19\n",
        },
    )
    call_command("import_opensdg", str(path), "--area", "us-la")
    statistic = Statistic.objects.get(code="OSDG_1_2_1")
    assert statistic.name_ja == "Indicator 1-2-1"
    keys = sorted(Observation.objects.values_list("year", "disaggregation", "value"))
    assert keys == [
        (2015, "Sex=Female;Units=Percent", 22.0),
        (2015, "Units=Percent", 20.5),
        (2016, "Units=Percent;period=2016-2017", 19.0),
    ]


def test_a_file_with_a_conflicting_duplicate_is_rejected_whole(tmp_path, city, capsys):
    path = repository(
        tmp_path,
        {
            "1-2-1": "Year,Value\n2015,1\n2016,2\n",
            "4-1-2": "Year,Sex,Value\n2015,Female,32.1\n2016,Female,33\n2015,Female,32.6\n",
        },
    )
    call_command("import_opensdg", str(path), "--area", "us-la")
    err = capsys.readouterr().err
    assert "rejected indicator_4-1-2.csv" in err
    assert "line 4: indicator_4-1-2.csv: same year and disaggregation as line 2" in err
    assert not Observation.objects.filter(statistic__code="OSDG_4_1_2").exists()
    assert Observation.objects.filter(statistic__code="OSDG_1_2_1").count() == 2
    with pytest.raises(CommandError, match="1 file"):
        call_command("import_opensdg", str(path), "--area", "us-la", "--strict")


def test_placeholders_are_reported_and_skipped(tmp_path, city, capsys):
    path = repository(tmp_path, {"3-d-2": STARTER_DEMO, "1-2-1": "Year,Value\n2015,1\n"})
    (tmp_path / "data" / "demo_indicator.csv").write_text(STARTER_DEMO)
    call_command("import_opensdg", str(path), "--area", "us-la")
    assert "3-d-2 (placeholder)" in capsys.readouterr().err
    assert list(Statistic.objects.values_list("code", flat=True)) == ["OSDG_1_2_1"]


def test_rows_need_an_area(tmp_path):
    path = repository(tmp_path, {"1-2-1": "Year,Value\n2015,1\n"})
    result = opensdg.read(path)
    assert "no GeoCode and no --area" in str(result.rejected["indicator_1-2-1.csv"][0])


def test_unknown_area_writes_nothing(tmp_path):
    path = repository(tmp_path, {"1-2-1": "Year,Value\n2015,1\n"})
    with pytest.raises(CommandError, match="unknown area code nowhere"):
        call_command("import_opensdg", str(path), "--area", "nowhere")
    assert not Observation.objects.exists()


@pytest.mark.needs_data
def test_los_angeles_imports_all_but_its_placeholders(data_dir, city, capsys):
    call_command("import_opensdg", str(data_dir / "opensdg-los-angeles"), "--area", "us-la")
    err = capsys.readouterr().err
    for placeholder in ("10-c-1", "11-1-2", "3-d-2"):
        assert f"{placeholder} (placeholder)" in err
    assert err.count("(test_data)") == 110
    # 4-1-2 holds two different 2015 figures for the same group (lines 43 and 49)
    assert "rejected indicator_4-1-2.csv" in err
    assert Statistic.objects.count() == 247 - 3 - 1
    assert Observation.objects.count() == 5148
    again = opensdg.read(data_dir / "opensdg-los-angeles", area="us-la")
    assert again.tidy.frame.height == 5148
