"""Darwin Core Archive export, read back with an independent reader (python-dwca-reader)."""

import datetime as dt
import io
import zipfile

import pytest
from django.core.management import call_command
from dwca.read import DwCAReader

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.nature.dwca import dwca_export_write
from tsunagu.nature.models import (
    Campaign,
    Observation,
    QualityGrade,
    Site,
    Taxon,
    Visit,
    VisitCount,
)
from tsunagu.nature.services.geoprivacy import observation_public_location_refresh

from .factories import ObservationFactory, aware

pytestmark = pytest.mark.django_db
DWC = "http://rs.tdwg.org/dwc/terms/"
# Distinctive digits, so that finding them anywhere in the archive means a leak.
TRUE_POINT = (36.512347, 136.701293)


def _taxon(name: str) -> Taxon:
    return Taxon.objects.get(scientific_name=name, rank="species")


def _observation(taxon: Taxon, *, grade=QualityGrade.RESEARCH, point=(36.5781, 136.6377), **kw):
    observation = ObservationFactory(
        latitude=point[0], longitude=point[1], photos=0, refresh=False, **kw
    )
    observation.taxon = observation.community_taxon = taxon
    observation_public_location_refresh(observation, save=False)
    observation.save()
    Observation.objects.filter(pk=observation.pk).update(quality_grade=grade)
    return observation


def _all_text(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist())


def test_occurrence_core_holds_research_grade_public_records(tmp_path):
    observer = UserFactory(full_name="Hanako Kikugawa", email="hanako@example.org")
    firefly = _observation(
        _taxon("Luciola cruciata"),
        observer=observer,
        observed_at=aware("2025-06-12T20:41:00"),
        count=12,
        life_stage="adult",
        licence="CC0-1.0",
        locality="Kuratsuki canal",
    )
    salamander = _observation(
        _taxon("Hynobius takedai"), point=TRUE_POINT, locality="Under the third bridge"
    )
    _observation(_taxon("Aquatica lateralis"), grade=QualityGrade.NEEDS_ID)
    _observation(_taxon("Aquatica lateralis"), is_hidden=True)
    imported = _observation(_taxon("Cyprinus carpio"), observer=None, source="Other dataset")

    path = tmp_path / "export.zip"
    stats = dwca_export_write(path)
    assert (stats.core_type, stats.rows, stats.generalised) == ("Occurrence", 2, 1)

    with DwCAReader(str(path)) as reader:
        assert reader.descriptor.core.type == DWC + "Occurrence"
        assert reader.metadata is not None
        rows = {row.data[DWC + "occurrenceID"]: row.data for row in reader}
    assert set(rows) == {firefly.occurrence_id, salamander.occurrence_id}
    for row in rows.values():
        for term in ("occurrenceID", "basisOfRecord", "scientificName", "eventDate"):
            assert row[DWC + term]
        assert row[DWC + "countryCode"] == "JP"
        assert row[DWC + "geodeticDatum"] == "WGS84"
    row = rows[firefly.occurrence_id]
    assert row[DWC + "scientificName"] == "Luciola cruciata Motschulsky, 1854"
    assert (row[DWC + "family"], row[DWC + "kingdom"]) == ("Lampyridae", "Animalia")
    assert row[DWC + "eventDate"] == "2025-06-12T20:41:00+09:00"
    assert (row[DWC + "decimalLatitude"], row[DWC + "decimalLongitude"]) == ("36.5781", "136.6377")
    assert row["http://purl.org/dc/terms/license"].startswith(
        "https://creativecommons.org/publicdomain/zero"
    )
    # credited by a pseudonym: the name would outlive a deletion at the aggregators
    assert row[DWC + "recordedBy"].endswith(str(observer.pk))
    assert "Hanako" not in _all_text(path)
    assert (row[DWC + "individualCount"], row[DWC + "lifeStage"]) == ("12", "adult")
    assert row[DWC + "occurrenceStatus"] == "present"
    assert row[DWC + "informationWithheld"] == ""

    hidden = rows[salamander.occurrence_id]
    salamander.refresh_from_db()
    assert float(hidden[DWC + "decimalLatitude"]) == round(salamander.public_latitude, 6)
    assert float(hidden[DWC + "decimalLongitude"]) == round(salamander.public_longitude, 6)
    assert hidden[DWC + "informationWithheld"].startswith(
        "Coordinates generalised to a 0.2 degree grid cell to protect a sensitive species"
    )
    assert hidden[DWC + "dataGeneralizations"]
    assert int(hidden[DWC + "coordinateUncertaintyInMeters"]) > 20_000
    assert hidden[DWC + "locality"] == ""

    text = _all_text(path)
    for secret in ("36.512347", "136.701293", "36.51234", "136.70129", "Under the third bridge"):
        assert secret not in text
    assert "hanako@example.org" not in text
    assert imported.occurrence_id not in text

    with_imported = tmp_path / "all.zip"
    assert dwca_export_write(with_imported, include_imported=True).rows == 3
    assert imported.occurrence_id in _all_text(with_imported)


def test_eml_names_title_publisher_licence_and_citation(tmp_path):
    buffer = io.BytesIO()
    dwca_export_write(buffer)
    buffer.seek(0)
    eml = zipfile.ZipFile(buffer).read("eml.xml").decode()
    for element in ("<title", "<abstract>", "<publisher>", "<contact>", "<intellectualRights>",
                    "<pubDate>", "<citation"):  # fmt: skip
        assert element in eml
    assert "creativecommons.org/licenses/by-nc/4.0" in eml


def _campaign():
    campaign = Campaign.objects.create(
        slug="kikugawa-fireflies", title="Kikugawa firefly survey", protocol="Walk the canal."
    )
    canal = Site.objects.create(
        campaign=campaign, code="kuratsuki", name="Kuratsuki canal", kind="transect",
        latitude=36.5544, longitude=136.6592, length_m=300,
    )  # fmt: skip
    hill = Site.objects.create(
        campaign=campaign, code="hill", name="Salamander pond", kind="plot",
        latitude=TRUE_POINT[0], longitude=TRUE_POINT[1], area_m2=50,
    )  # fmt: skip
    genji, heike = _taxon("Luciola cruciata"), _taxon("Aquatica lateralis")
    first = Visit.objects.create(
        campaign=campaign, site=canal, date=dt.date(2024, 6, 10), start_time=dt.time(20, 0),
        end_time=dt.time(20, 30), observers_count=3, protocol_variant="three 10-second counts",
    )  # fmt: skip
    VisitCount.objects.create(visit=first, taxon=genji, count=14, sub_counts=[12, 14, 9])
    VisitCount.objects.create(visit=first, taxon=heike, count=0)
    second = Visit.objects.create(campaign=campaign, site=hill, date=dt.date(2024, 4, 2))
    VisitCount.objects.create(visit=second, taxon=_taxon("Hynobius takedai"), count=2)
    return campaign, first


def test_campaign_event_core_with_occurrence_extension(tmp_path):
    campaign, first = _campaign()
    path = tmp_path / "campaign.zip"
    stats = dwca_export_write(path, campaign=campaign.slug)
    assert (stats.core_type, stats.rows, stats.extension_rows) == ("Event", 3, 3)

    with DwCAReader(str(path)) as reader:
        assert reader.descriptor.core.type == DWC + "Event"
        events = {row.data[DWC + "eventID"]: row for row in reader}
        counts = {
            ext.data[DWC + "scientificName"]: ext.data
            for ext in events[f"urn:uuid:{first.event_id}"].extensions
        }
    parent = events[f"urn:uuid:{campaign.event_id}"]
    assert parent.data[DWC + "eventDate"] == "2024-04-02/2024-06-10"
    assert parent.data[DWC + "samplingProtocol"] == "Walk the canal."
    visit = events[f"urn:uuid:{first.event_id}"].data
    assert visit[DWC + "parentEventID"] == f"urn:uuid:{campaign.event_id}"
    assert visit[DWC + "eventDate"] == "2024-06-10"
    assert visit[DWC + "eventTime"] == "20:00:00+09:00/20:30:00+09:00"
    assert (visit[DWC + "sampleSizeValue"], visit[DWC + "sampleSizeUnit"]) == ("300", "metre")
    assert visit[DWC + "samplingEffort"] == "3 observers × 30 minutes"
    assert visit[DWC + "samplingProtocol"] == "Walk the canal.; three 10-second counts"
    assert visit[DWC + "locationID"] == "kikugawa-fireflies:kuratsuki"
    assert (visit[DWC + "decimalLatitude"], visit[DWC + "decimalLongitude"]) == (
        "36.5544",
        "136.6592",
    )
    genji = counts["Luciola cruciata Motschulsky, 1854"]
    assert (genji[DWC + "organismQuantity"], genji[DWC + "organismQuantityType"]) == (
        "14",
        "individuals",
    )
    assert genji[DWC + "occurrenceStatus"] == "present"
    assert genji[DWC + "occurrenceID"].startswith("urn:uuid:")
    heike = counts["Aquatica lateralis (Motschulsky, 1860)"]
    assert (heike[DWC + "occurrenceStatus"], heike[DWC + "individualCount"]) == ("absent", "0")

    pond = next(
        row.data for row in events.values() if row.data[DWC + "locationID"].endswith(":hill")
    )
    assert pond[DWC + "informationWithheld"]
    text = _all_text(path)
    for secret in ("36.512347", "136.701293", "Salamander pond"):
        assert secret not in text


def test_commands_export_and_import_round_trip(tmp_path, capsys):
    _observation(_taxon("Luciola cruciata"))
    out = tmp_path / "out.zip"
    call_command("export_dwca", "--out", str(out))
    assert "1 occurrence rows" in capsys.readouterr().out
    Observation.objects.all().delete()
    call_command("import_dwca", str(out), "--dry-run")
    assert "Would import Occurrence core" in capsys.readouterr().out
    assert not Observation.objects.exists()
    call_command("import_dwca", str(out))
    assert Observation.objects.get().taxon.scientific_name == "Luciola cruciata"
    campaign, _first = _campaign()
    call_command("export_dwca", "--out", str(tmp_path / "c.zip"), "--campaign", campaign.slug)
    assert "3 event rows, 3 occurrences" in capsys.readouterr().out


def test_commands_report_errors(tmp_path):
    from django.core.management.base import CommandError

    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("a.csv", "x,y\n1,2\n")
        archive.writestr("b.csv", "x,y\n1,2\n")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_dwca", str(bad))
    with pytest.raises(CommandError, match="No campaign"):
        call_command("export_dwca", "--out", str(tmp_path / "x.zip"), "--campaign", "nope")
