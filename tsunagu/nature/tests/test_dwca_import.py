"""Darwin Core Archive import: the real sample archives and synthetic awkward ones."""

import pytest
from django.utils import timezone

from tsunagu.nature.dwca import DwcaError, dwca_import
from tsunagu.nature.models import DarwinCoreImport, Observation, QualityGrade, Taxon

from .factories_dwca import (
    OCCURRENCE_ROWS,
    OCCURRENCE_TERMS,
    folder_archive,
    meta_xml,
    occurrence_files,
    table,
    tgz_archive,
    zip_archive,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_messages")]


def _counts():
    return Observation.objects.count(), Taxon.objects.count(), DarwinCoreImport.objects.count()


def test_gbif_download_imports_all_158_occurrences_once(data_dir):
    path = data_dir / "dwca" / "gbif-results.zip"
    report = dwca_import(path)
    assert (report.core_type, report.created, report.updated) == ("Occurrence", 158, 0)
    assert report.dataset_title == "GBIF Occurrence Download 0000006-130717145108713"
    assert Observation.objects.filter(source=report.dataset_title).count() == 158
    record = Observation.objects.get(occurrence_id="607759330")
    assert record.taxon.scientific_name == "Chelonodon fluviatilis"
    assert record.taxon.authorship == "(Hamilton, 1822)"
    assert record.taxon.parent.scientific_name == "Chelonodon"
    assert record.taxon.parent.parent.scientific_name == "Tetraodontidae"
    # "Tue Apr 01 00:00:00 CET 1930" is no ISO date: year, month and day give it.
    assert timezone.localtime(record.observed_at).date().isoformat() == "1930-04-01"
    assert record.recorded_by == "Misra, K. S.; Rao, H. Srinivasa"
    assert record.basis_of_record == "PreservedSpecimen"
    assert record.dwc_extra["catalogNumber"] == "37109"
    assert record.observer is None
    imported = DarwinCoreImport.objects.get()
    assert (imported.rows_created, imported.core_type) == (158, "Occurrence")

    again = dwca_import(path)
    assert (again.created, again.updated, again.skipped) == (0, 0, 158)
    assert Observation.objects.count() == 158


def test_invalid_archive_is_refused_and_nothing_written(data_dir):
    before = _counts()
    with pytest.raises(DwcaError) as refused:
        dwca_import(data_dir / "dwca" / "dwca-invalid-simple-two.zip")
    message = refused.value.messages[0]
    assert "no meta.xml" in message
    assert "random_file" in message
    assert _counts() == before


@pytest.mark.parametrize(
    ("name", "core", "created"),
    [
        ("dwca-2extensions.zip", "Taxon", 4),
        ("dwca-star-test-archive.zip", "Taxon", 4),
        ("dwca-simple-csv.zip", "Occurrence", 3),
        ("dwca-test-default.zip", "Occurrence", 2),
    ],
)
def test_sample_archives_import(data_dir, name, core, created):
    report = dwca_import(data_dir / "dwca" / name)
    assert (report.core_type, report.created) == (core, created)


def test_taxon_core_with_vernacular_names(data_dir):
    dwca_import(data_dir / "dwca" / "dwca-star-test-archive.zip")
    ostrich = Taxon.objects.get(scientific_name="Struthio", rank="genus")
    assert ostrich.common_name_en == "ostrich"
    assert {"name": "volstruis", "language": "afrikaans"} in ostrich.vernacular_names
    assert ostrich.taxon_id == "1"
    assert [t.scientific_name for t in Taxon.objects.filter(pk__in=ostrich.ancestor_ids)] == [
        "Animalia",
        "Aves",
        "Chordata",
        "Struthio",
        "Struthionidae",
        "Struthioniformes",
    ]
    # "Animalie" is a typo, not a kingdom.
    assert not Taxon.objects.filter(scientific_name="Animalie").exists()
    again = dwca_import(data_dir / "dwca" / "dwca-2extensions.zip")
    assert again.created == 0


def test_default_values_from_meta_xml(data_dir):
    dwca_import(data_dir / "dwca" / "dwca-test-default.zip")
    record = Observation.objects.get(locality="Borneo")
    assert record.dwc_extra["country"] == "Belgium"
    assert record.taxon.scientific_name == "Tetraodon fluviatilis"


def test_synthetic_archive_maps_the_terms(tmp_path):
    report = dwca_import(zip_archive(tmp_path / "a.zip", occurrence_files()))
    assert (report.created, report.dataset_title) == (3, "Kikugawa firefly test dataset")
    firefly = Observation.objects.get(occurrence_id="obs-1")
    seeded = Taxon.objects.get(scientific_name="Luciola cruciata", rank="species")
    assert firefly.taxon == seeded == firefly.community_taxon
    assert firefly.quality_grade == QualityGrade.RESEARCH
    assert (firefly.latitude, firefly.longitude) == (36.5781, 136.6377)
    assert (firefly.public_latitude, firefly.public_longitude) == (36.5781, 136.6377)
    assert firefly.observed_at.isoformat() == "2024-06-12T11:41:00+00:00"
    assert (firefly.count, firefly.licence, firefly.locality) == (
        12,
        "CC-BY-4.0",
        "Kuratsuki canal",
    )
    heike = Observation.objects.get(occurrence_id="obs-2")
    assert timezone.localtime(heike.observed_at).date().isoformat() == "2024-07-01"
    assert heike.licence == "CC0-1.0"
    assert heike.locality == "Café Saigawa"
    specimen = Observation.objects.get(occurrence_id="obs-3")
    assert specimen.quality_grade == QualityGrade.CASUAL  # no coordinates
    assert specimen.dwc_extra["eventDate"] == "2019-05-01/2019-05-03"
    assert timezone.localtime(specimen.observed_at).date().isoformat() == "2019-05-01"


def test_sensitive_species_public_location_is_generalised(tmp_path):
    rows = [["sal-1", "HumanObservation", "Hynobius takedai", "species", "Animalia", "Hynobiidae",
             "36.5123", "136.7012", "2024-04-02", "Survey", "1", "", ""]]  # fmt: skip
    dwca_import(zip_archive(tmp_path / "a.zip", occurrence_files(rows=rows)))
    salamander = Observation.objects.get(occurrence_id="sal-1")
    assert salamander.location_generalised
    assert (salamander.latitude, salamander.longitude) == (36.5123, 136.7012)
    assert (salamander.public_latitude, salamander.public_longitude) != (36.5123, 136.7012)
    assert 36.4 <= salamander.public_latitude <= 36.6
    assert 136.6 <= salamander.public_longitude <= 136.8


def test_reimport_updates_changed_rows_without_duplicates(tmp_path):
    dwca_import(zip_archive(tmp_path / "a.zip", occurrence_files()))
    changed = [list(row) for row in OCCURRENCE_ROWS]
    changed[0][10] = "20"
    report = dwca_import(zip_archive(tmp_path / "b.zip", occurrence_files(rows=changed)))
    assert (report.created, report.updated, report.skipped) == (0, 1, 2)
    assert Observation.objects.get(occurrence_id="obs-1").count == 20
    assert Observation.objects.count() == 3


@pytest.mark.parametrize(
    "shape", ["subfolder", "macosx", "tgz", "folder", "no-header", "cp1252", "renamed-eml"]
)
def test_awkward_shapes(tmp_path, shape):
    files = occurrence_files()
    if shape == "no-header":
        files = occurrence_files(header=False)
    elif shape == "cp1252":
        files = occurrence_files(encoding="windows-1252")
    elif shape == "renamed-eml":
        files = occurrence_files(metadata_name="dataset-metadata.xml")
    if shape == "subfolder":
        path = zip_archive(tmp_path / "a.zip", files, folder="dwca-export-2024/")
    elif shape == "macosx":
        path = zip_archive(tmp_path / "a.zip", files, folder="dwca/", macosx=True)
    elif shape == "tgz":
        path = tgz_archive(tmp_path / "a.tgz", files, folder="export/")
    elif shape == "folder":
        path = folder_archive(tmp_path / "archive", files)
    else:
        path = zip_archive(tmp_path / "a.zip", files)
    report = dwca_import(path)
    assert report.created == 3
    assert report.dataset_title == "Kikugawa firefly test dataset"
    assert Observation.objects.get(occurrence_id="obs-2").locality == "Café Saigawa"


def test_utf8_declared_but_windows_1252_falls_back_with_a_note(tmp_path):
    files = occurrence_files()
    files["occurrence.txt"] = files["occurrence.txt"].decode().encode("cp1252")
    report = dwca_import(zip_archive(tmp_path / "a.zip", files))
    assert any("cp1252" in message for message in report.messages)
    assert Observation.objects.get(occurrence_id="obs-2").locality == "Café Saigawa"


def test_default_value_fills_empty_cells(tmp_path):
    rows = [list(row) for row in OCCURRENCE_ROWS]
    rows[0][1] = ""
    files = occurrence_files(rows=rows, defaults={"basisOfRecord": "MachineObservation"})
    files["meta.xml"] = files["meta.xml"].replace(
        b'<field index="1" term="http://rs.tdwg.org/dwc/terms/basisOfRecord"/>',
        b'<field index="1" default="MachineObservation" '
        b'term="http://rs.tdwg.org/dwc/terms/basisOfRecord"/>',
    )
    dwca_import(zip_archive(tmp_path / "a.zip", files))
    assert Observation.objects.get(occurrence_id="obs-1").basis_of_record == "MachineObservation"
    assert Observation.objects.get(occurrence_id="obs-2").basis_of_record == "HumanObservation"


def test_dry_run_counts_and_writes_nothing(tmp_path):
    before = _counts()
    report = dwca_import(zip_archive(tmp_path / "a.zip", occurrence_files()), dry_run=True)
    assert (report.created, report.dry_run) == (3, True)
    assert report.taxa_created >= 2  # Testgenus and Testidae would be made
    assert _counts() == before


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        (6, "north", "coordinates “north, 136.65”"),
        (6, "95", "coordinates “95, 136.65”"),
        (8, "12 June 2024", "eventDate “12 June 2024”"),
        (10, "many", "individualCount “many”"),
        (3, "tribe", "taxon rank “tribe” is not supported"),
    ],
)
def test_one_bad_row_refuses_the_whole_archive(tmp_path, column, value, expected):
    rows = [list(row) for row in OCCURRENCE_ROWS]
    rows[1][column] = value
    before = _counts()
    with pytest.raises(DwcaError) as refused:
        dwca_import(zip_archive(tmp_path / "a.zip", occurrence_files(rows=rows)))
    assert refused.value.messages == [
        next(m for m in refused.value.messages if "occurrence.txt line 3" in m)
    ]
    assert expected in refused.value.messages[0]
    assert _counts() == before


def test_duplicate_occurrence_ids_are_refused(tmp_path):
    rows = [OCCURRENCE_ROWS[0], OCCURRENCE_ROWS[0]]
    with pytest.raises(DwcaError, match=r"obs-1 is also on occurrence\.txt line 2"):
        dwca_import(zip_archive(tmp_path / "a.zip", occurrence_files(rows=rows)))
    assert not Observation.objects.exists()


def test_missing_core_file_and_broken_meta_are_explained(tmp_path):
    files = occurrence_files()
    del files["occurrence.txt"]
    with pytest.raises(DwcaError, match=r"meta\.xml names occurrence\.txt"):
        dwca_import(zip_archive(tmp_path / "a.zip", files))
    files = occurrence_files()
    files["meta.xml"] = b"<archive><core"
    with pytest.raises(DwcaError, match=r"meta\.xml is not valid XML"):
        dwca_import(zip_archive(tmp_path / "b.zip", files))
    (tmp_path / "c.zip").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DwcaError):
        dwca_import(tmp_path / "c.zip")


def test_unsafe_paths_are_refused(tmp_path):
    with pytest.raises(DwcaError, match="unsafe path"):
        dwca_import(zip_archive(tmp_path / "a.zip", {"../meta.xml": b"x"}))


def test_platform_observations_are_never_overwritten(tmp_path):
    from .factories import ObservationFactory

    own = ObservationFactory(occurrence_id="obs-1", notes="mine")
    report = dwca_import(zip_archive(tmp_path / "a.zip", occurrence_files()))
    own.refresh_from_db()
    assert (own.source, own.notes, own.recorded_by) == ("", "mine", "")
    assert report.created == 2
    assert report.skipped == 1


def test_simple_darwin_core_file_without_meta(tmp_path):
    text = table(OCCURRENCE_TERMS, OCCURRENCE_ROWS[:1])
    path = tmp_path / "records.txt"
    path.write_text(text, encoding="utf-8")
    report = dwca_import(path)
    assert report.created == 1
    assert Observation.objects.get().taxon.scientific_name == "Luciola cruciata"


def test_taxon_core_with_parent_ids_and_vernacular_extension(tmp_path):
    core_terms = ["taxonID", "parentNameUsageID", "scientificName", "taxonRank", "kingdom"]
    rows = [
        ["t2", "t1", "Hynobius abei Sato, 1934", "species", "Animalia"],
        ["t1", "", "Hynobius Tschudi, 1838", "genus", "Animalia"],
        ["t3", "t1", "Hynobius kuishiensis", "species", "Animalia"],
    ]
    meta = meta_xml(terms=core_terms, location="taxon.txt", row_type="Taxon")
    meta = meta.replace(
        "</archive>",
        '<extension encoding="UTF-8" fieldsTerminatedBy="\\t" linesTerminatedBy="\\n" '
        'fieldsEnclosedBy="" ignoreHeaderLines="1" '
        'rowType="http://rs.gbif.org/terms/1.0/VernacularName">'
        '<files><location>vernacular.txt</location></files><coreid index="0"/>'
        '<field index="1" term="http://rs.tdwg.org/dwc/terms/vernacularName"/>'
        '<field index="2" term="http://purl.org/dc/terms/language"/></extension></archive>',
    )
    files = {
        "meta.xml": meta.encode(),
        "taxon.txt": table(core_terms, rows).encode(),
        "vernacular.txt": "id\tname\tlang\nt2\tハクバサンショウウオ\tja\n"
        "t2\tHakuba salamander\ten\nt3\tオオスミサンショウウオ\tjpn\n".encode(),
        "eml.xml": b"<eml:eml xmlns:eml='eml://ecoinformatics.org/eml-2.1.1'><dataset>"
        b"<title>Salamanders</title></dataset></eml:eml>",
    }
    report = dwca_import(zip_archive(tmp_path / "t.zip", files))
    assert (report.created, report.updated) == (2, 1)  # the seeded genus gets its taxonID
    abei = Taxon.objects.get(scientific_name="Hynobius abei")
    assert (abei.authorship, abei.common_name_ja, abei.common_name_en) == (
        "Sato, 1934",
        "ハクバサンショウウオ",
        "Hakuba salamander",
    )
    assert abei.parent == Taxon.objects.get(scientific_name="Hynobius", rank="genus")
    assert abei.source == "Salamanders"


def test_taxon_core_parent_loop_is_refused(tmp_path):
    core_terms = ["taxonID", "parentNameUsageID", "scientificName", "taxonRank"]
    rows = [["a", "b", "Alpha", "genus"], ["b", "a", "Alphidae", "family"]]
    files = {
        "meta.xml": meta_xml(terms=core_terms, location="taxon.txt", row_type="Taxon").encode(),
        "taxon.txt": table(core_terms, rows).encode(),
    }
    before = _counts()
    with pytest.raises(DwcaError, match="makes a loop"):
        dwca_import(zip_archive(tmp_path / "t.zip", files))
    assert _counts() == before
