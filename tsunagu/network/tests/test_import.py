"""Importing UNESCO's list: all or nothing, row-level messages, re-import updates, verified
facts applied and unknowns counted."""

import csv
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation

from tsunagu.network.facts import city_facts_read
from tsunagu.network.models import CreativeCity
from tsunagu.network.services import creative_cities_import, creative_city_facts_apply

HEADER = ["City Name", "Category", "Description", "Link"]


def write_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


@pytest.fixture
def uccn_csv(data_dir):
    path = data_dir / "uccn" / "creative-cities.csv"
    if not path.is_file():
        pytest.skip(f"UNESCO Creative Cities list not found at {path}")
    return path


@pytest.mark.django_db
def test_real_list_imports_349_cities_with_verified_facts(uccn_csv):
    report = creative_cities_import(path=uccn_csv)
    assert report.created == 349
    assert CreativeCity.objects.count() == 349
    kanazawa = CreativeCity.objects.get(unesco_name="Kanazawa")
    assert (kanazawa.country, kanazawa.designation_year, kanazawa.field) == (
        "JP",
        2009,
        "Crafts and Folk Art",
    )
    assert kanazawa.facts_source.startswith("https://")
    assert kanazawa.description.startswith("Kanazawa") or "Kanazawa" in kanazawa.description
    assert report.unknown_year == CreativeCity.objects.filter(designation_year=None).count()
    assert 0 < report.unknown_year < 349
    # every row of the facts file names a city of the real list
    assert report.facts_applied == len(city_facts_read())


@pytest.mark.django_db
def test_reimport_updates_without_duplicates(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["Kanazawa", "Crafts and Folk Art", "old", ""]])
    creative_cities_import(path=path)
    write_csv(
        path,
        [
            ["Kanazawa", "Crafts and Folk Art", "new text", "https://www.unesco.org/x"],
            ["Nowhere", "Music", "", ""],
        ],
    )
    report = creative_cities_import(path=path)
    assert (report.created, report.updated) == (1, 1)
    assert CreativeCity.objects.count() == 2
    kanazawa = CreativeCity.objects.get(unesco_name="Kanazawa")
    assert kanazawa.description == "new text"
    assert kanazawa.designation_year == 2009
    assert report.unknown_country == 1  # Nowhere
    assert report.unknown_year == 1


@pytest.mark.django_db
def test_bad_rows_reject_the_file_with_row_messages(tmp_path):
    path = write_csv(
        tmp_path / "bad.csv",
        [
            ["Kanazawa", "Crafts and Folk Art", "", ""],
            ["", "Music", "", ""],
            ["Somewhere", "Pottery", "", ""],
            ["Kanazawa", "Design", "", "not a url"],
        ],
    )
    with translation.override("en"), pytest.raises(ValidationError) as error:
        creative_cities_import(path=path)
    messages = error.value.messages
    assert "Row 3: the city name is empty." in messages
    assert "Row 4: unknown creative field 'Pottery'." in messages
    assert "Row 5: Kanazawa is already on row 2." in messages
    assert "Row 5: the link 'not a url' is not a web address." in messages
    assert CreativeCity.objects.count() == 0


@pytest.mark.django_db
def test_missing_columns_are_reported(tmp_path):
    path = tmp_path / "cols.csv"
    path.write_text("City,Category\nKanazawa,Crafts and Folk Art\n", encoding="utf-8")
    with translation.override("en"), pytest.raises(ValidationError) as error:
        creative_cities_import(path=path)
    assert error.value.messages == ["Missing columns: City Name, Description, Link."]


@pytest.mark.django_db
def test_command_reports_counts_and_unknowns(tmp_path):
    path = write_csv(
        tmp_path / "a.csv",
        [["Kanazawa", "Crafts and Folk Art", "", ""], ["Nowhere", "Film", "", ""]],
    )
    out = StringIO()
    call_command("import_creative_cities", str(path), stdout=out)
    assert "2 cities (2 new, 0 updated)" in out.getvalue()
    assert "unknown: country 1, year 1, coordinates 1." in out.getvalue()


@pytest.mark.django_db
def test_command_fails_on_bad_file_and_writes_nothing(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["X", "Nope", "", ""]])
    with translation.override("en"), pytest.raises(CommandError, match="Row 2: unknown"):
        call_command("import_creative_cities", str(path))
    assert not CreativeCity.objects.exists()


@pytest.mark.django_db
def test_facts_can_create_the_cities_they_name():
    applied = creative_city_facts_apply(create_missing=True)
    assert applied == len(city_facts_read()) == CreativeCity.objects.count()
    kanazawa = CreativeCity.objects.get(unesco_name="Kanazawa")
    assert kanazawa.name_ja == "金沢"
    assert kanazawa.has_coordinates


def test_every_fact_has_a_source_and_valid_values():
    facts = city_facts_read()
    assert len({(f.name, f.field) for f in facts}) == len(facts)
    for fact in facts:
        if fact.country or fact.year:
            assert fact.source.startswith("http")
        if fact.latitude is not None:
            assert fact.coordinates_source.startswith("https://")


def test_a_fact_without_source_is_rejected(tmp_path):
    path = tmp_path / "facts.csv"
    path.write_text(
        "name,name_ja,field,country,year,latitude,longitude,source,coordinates_source\n"
        "Kanazawa,,Crafts and Folk Art,JP,2009,,,,\n",
        encoding="utf-8",
    )
    with translation.override("en"), pytest.raises(ValidationError) as error:
        city_facts_read(path)
    assert error.value.messages == ["Facts row 2: invalid value source."]


def test_a_fact_row_with_extra_cells_is_rejected(tmp_path):
    path = tmp_path / "facts.csv"
    path.write_text(
        "name,name_ja,field,country,year,latitude,longitude,source,coordinates_source\n"
        "Paducah,,Crafts and Folk Art,US,2013,37.08,-88.60,https://a.example,"
        "https://en.wikipedia.org/wiki/Paducah,_Kentucky\n",
        encoding="utf-8",
    )
    with translation.override("en"), pytest.raises(ValidationError) as error:
        city_facts_read(path)
    assert error.value.messages == ["Facts row 2: invalid value extra cells."]


def test_all_crafts_cities_of_the_real_list_have_a_verified_country(uccn_csv):
    with uccn_csv.open(encoding="utf-8") as handle:
        crafts = {
            r["City Name"] for r in csv.DictReader(handle) if r["Category"] == "Crafts and Folk Art"
        }
    facts = {f.name: f for f in city_facts_read()}
    assert crafts <= set(facts)
    assert all(facts[name].country for name in crafts)
