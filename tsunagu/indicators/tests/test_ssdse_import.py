"""SSDSE-A import: every edition's header variant, atomic rejection, idempotence, audit trail."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tsunagu.core.models import Area
from tsunagu.indicators.importers import ssdse
from tsunagu.indicators.importers.base import ImportFileError
from tsunagu.indicators.models import ImportRun, Observation, ObservationChange, Statistic
from tsunagu.indicators.services.observations import observations_import

HEADER_VARIANTS = {
    # first cells of the three header rows, as the editions have them
    "2018": (["Code", "Prefecture", "Municipality"], ["Year", "年度", "年度"]),
    "2020": (["code", "prefecture", "municipality"], ["year", "年度", "年度"]),
    "2022": (["SSDSE-A-2022", "prefecture", "municipality"], ["", "", "年度"]),
    "2026": (["SSDSE-A-2026", "Prefecture", "Municipality"], ["", "", "年度"]),
}


def write_ssdse(
    tmp_path: Path,
    name: str,
    rows: list[list[str]],
    variant: str = "2026",
    columns=(("A1101", "2020", "総人口"), ("I6100", "2022", "医師数")),
) -> Path:
    codes, years = HEADER_VARIANTS[variant]
    lines = [
        codes + [c for c, _, _ in columns],
        years + [y for _, y, _ in columns],
        ["地域コード", "都道府県", "市区町村"] + [n for _, _, n in columns],
        *rows,
    ]
    path = tmp_path / name
    path.write_bytes("\r\n".join(",".join(line) for line in lines).encode("cp932"))
    return path


KANAZAWA = ["R17201", "石川県", "金沢市", "463254", "1882"]
NANAO = ["R17202", "石川県", "七尾市", "50300", "120"]


@pytest.mark.parametrize("variant", list(HEADER_VARIANTS))
def test_every_header_variant_reads_with_per_column_years(tmp_path, variant):
    path = write_ssdse(tmp_path, f"SSDSE-A-{variant}.csv", [KANAZAWA, NANAO], variant)
    tidy = ssdse.read(path)
    assert tidy.edition == f"SSDSE-A-{variant}"
    rows = {
        (r["statistic"], r["area"]): (r["year"], r["value"])
        for r in tidy.frame.iter_rows(named=True)
    }
    assert rows[("A1101", "17201")] == (2020, 463254.0)
    assert rows[("I6100", "17202")] == (2022, 120.0)
    assert tidy.area_names["17201"] == ("石川県", "金沢市")


@pytest.mark.django_db
def test_import_creates_statistics_areas_and_observations(tmp_path):
    tidy = ssdse.read(write_ssdse(tmp_path, "SSDSE-A-2026.csv", [KANAZAWA, NANAO]))
    summary = observations_import(tidy, register_areas=True)
    assert (summary.created, summary.unchanged, summary.changed) == (4, 0, 0)
    assert Statistic.objects.get(code="A1101").name_ja == "総人口"
    assert Area.objects.get(code="17201").parent.name_ja == "石川県"
    assert Observation.objects.get(statistic__code="I6100", area__code="17201").year == 2022


@pytest.mark.django_db
def test_second_import_of_the_same_figures_is_a_no_op(tmp_path):
    path = write_ssdse(tmp_path, "SSDSE-A-2026.csv", [KANAZAWA, NANAO])
    observations_import(ssdse.read(path), register_areas=True)
    summary = observations_import(ssdse.read(path), register_areas=True)
    assert (summary.created, summary.unchanged, summary.changed) == (0, 4, 0)
    assert Observation.objects.count() == 4
    assert not ObservationChange.objects.exists()


@pytest.mark.django_db
def test_a_newer_edition_replaces_a_figure_and_records_the_change(tmp_path, users):
    old = write_ssdse(tmp_path, "SSDSE-A-2024.csv", [KANAZAWA], "2020")
    revised = ["R17201", "石川県", "金沢市", "463254", "1890"]
    new = write_ssdse(tmp_path, "SSDSE-A-2026.csv", [revised])
    observations_import(ssdse.read(old), register_areas=True)
    summary = observations_import(ssdse.read(new), register_areas=True, user=users["city_staff"])
    assert (summary.changed, summary.unchanged) == (1, 1)
    doctors = Observation.objects.get(statistic__code="I6100")
    assert (doctors.value, doctors.edition) == (1890.0, "SSDSE-A-2026")
    change = ObservationChange.objects.get()
    assert (change.old_value, change.new_value) == (1882.0, 1890.0)
    assert (change.old_edition, change.new_edition) == ("SSDSE-A-2024", "SSDSE-A-2026")
    assert change.import_run.file_name == "SSDSE-A-2026.csv"
    assert change.import_run.imported_by == users["city_staff"]


@pytest.mark.django_db
def test_an_older_edition_never_overwrites_a_newer_figure(tmp_path):
    new = write_ssdse(tmp_path, "SSDSE-A-2026.csv", [KANAZAWA])
    stale = write_ssdse(
        tmp_path, "SSDSE-A-2024.csv", [["R17201", "石川県", "金沢市", "463254", "1700"]]
    )
    observations_import(ssdse.read(new), register_areas=True)
    summary = observations_import(ssdse.read(stale), register_areas=True)
    assert summary.conflicts == 1
    assert "kept 1882.0 from SSDSE-A-2026" in summary.conflict_examples[0]
    assert Observation.objects.get(statistic__code="I6100").value == 1882.0


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [KANAZAWA, ["R17202", "石川県", "七尾市", "50300x", "120"]],
            "line 5: A1101: '50300x' is not a number",
        ),
        ([KANAZAWA, ["17202", "石川県", "七尾市", "1", "2"]], "line 5: area code '17202'"),
        ([KANAZAWA, KANAZAWA], "line 5: area R17201 already given on line 4"),
        ([KANAZAWA, ["R17202", "石川県", "七尾市", "1"]], "line 5: 4 cells, the header has 5"),
    ],
)
def test_bad_rows_reject_the_whole_file_with_line_numbers(tmp_path, rows, expected):
    with pytest.raises(ImportFileError) as raised:
        ssdse.read(write_ssdse(tmp_path, "SSDSE-A-2026.csv", rows))
    assert expected in str(raised.value)
    assert "nothing imported" in str(raised.value)


def test_missing_markers_are_not_errors(tmp_path):
    tidy = ssdse.read(
        write_ssdse(tmp_path, "SSDSE-A-2026.csv", [["R17201", "石川県", "金沢市", "463254", "-"]])
    )
    assert tidy.frame.height == 1


def test_wrong_encoding_is_explained(tmp_path):
    path = tmp_path / "SSDSE-A-2026.csv"
    path.write_bytes(b"A1101\n\xff\xfe\xfa broken\n")
    with pytest.raises(ImportFileError, match="neither Shift_JIS"):
        ssdse.read(path)


def test_a_file_without_item_codes_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b,c\n1,2,3\n4,5,6\n7,8,9\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="no item codes"):
        ssdse.read(path)


@pytest.mark.django_db
def test_the_command_writes_nothing_when_one_file_is_bad(tmp_path):
    good = write_ssdse(tmp_path, "SSDSE-A-2024.csv", [KANAZAWA], "2020")
    bad = write_ssdse(tmp_path, "SSDSE-A-2026.csv", [KANAZAWA, ["R17202", "石", "七", "abc", "1"]])
    with pytest.raises(CommandError, match="line 5"):
        call_command("import_ssdse", str(good), str(bad), "--no-scores")
    assert not Observation.objects.exists()
    assert not ImportRun.objects.exists()


@pytest.mark.django_db
def test_unknown_area_is_rejected_when_areas_are_not_registered(tmp_path):
    tidy = ssdse.read(write_ssdse(tmp_path, "SSDSE-A-2026.csv", [KANAZAWA]))
    with pytest.raises(ImportFileError, match="line 4: unknown area code 17201"):
        observations_import(tidy)
    assert not Observation.objects.exists()


@pytest.mark.needs_data
@pytest.mark.django_db
def test_all_five_real_editions_read(data_dir):
    totals = {}
    for path in sorted((data_dir / "ssdse").glob("SSDSE-A-*.csv")):
        tidy = ssdse.read(path)
        assert tidy.frame["area"].n_unique() == 1741
        totals[tidy.edition] = tidy.frame.height
    assert totals == {
        "SSDSE-A-2018": 193251,
        "SSDSE-A-2020": 217625,
        "SSDSE-A-2022": 215884,
        "SSDSE-A-2024": 217625,
        "SSDSE-A-2026": 217625,
    }
