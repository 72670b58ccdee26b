"""Write a Darwin Core Archive: research-grade observations as an Occurrence core, or one
survey campaign as an Event core with an Occurrence extension.

Rows stream from the database (iterator + values_list) straight into the zip members, so the
size of the export does not bound memory. Only public coordinates are written: generalised
records carry the public point, an uncertainty as wide as the grid cell, and say so in
informationWithheld and dataGeneralizations."""

import csv
import datetime as dt
import io
import json
import math
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree

from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.nature.models import (
    LICENCE_URLS,
    THREATENED_CATEGORIES,
    Campaign,
    Observation,
    ObservationLicence,
    QualityGrade,
    Site,
    SiteKind,
    Taxon,
    VisitCount,
)
from tsunagu.nature.services.geoprivacy import CELL_DEGREES, CELL_DIAGONAL_M, cell_bounds

from . import terms
from .eml import eml_document, publisher

CHUNK = 2000
WITHHELD = "Coordinates generalised to a 0.2 degree grid cell to protect a sensitive species"
GENERALISED = (
    "Public coordinates are a random point inside the 0.2 degree grid cell that holds the "
    "true point; coordinateUncertaintyInMeters covers the whole cell."
)
SITE_WITHHELD = (
    "Site coordinates generalised to the centre of its 0.2 degree grid cell: a sensitive "
    "species was counted there"
)
TAXON_COLUMNS = (
    "scientificName", "scientificNameAuthorship", "taxonRank", "vernacularName",
    *terms.HIGHER_RANKS,
)  # fmt: skip
OCCURRENCE_COLUMNS = [
    "occurrenceID", "basisOfRecord", "eventDate", *TAXON_COLUMNS,
    "decimalLatitude", "decimalLongitude", "coordinateUncertaintyInMeters", "geodeticDatum",
    "countryCode", "locality", "license",
    "rightsHolder", "recordedBy", "individualCount", "lifeStage", "occurrenceStatus",
    "informationWithheld", "dataGeneralizations", "datasetName", "modified",
]  # fmt: skip
EVENT_COLUMNS = [
    "eventID", "parentEventID", "eventType", "eventDate", "eventTime", "samplingProtocol",
    "sampleSizeValue", "sampleSizeUnit", "samplingEffort", "locationID", "locality",
    "decimalLatitude", "decimalLongitude", "coordinateUncertaintyInMeters", "geodeticDatum",
    "countryCode", "eventRemarks", "dynamicProperties", "informationWithheld",
    "dataGeneralizations", "license", "datasetName",
]  # fmt: skip
EVENT_OCCURRENCE_COLUMNS = [
    "eventID", "occurrenceID", "basisOfRecord", "scientificName", "scientificNameAuthorship",
    "taxonRank", "vernacularName", "kingdom", "organismQuantity", "organismQuantityType",
    "individualCount", "occurrenceStatus", "occurrenceRemarks",
]  # fmt: skip


@dataclass
class ExportStats:
    core_type: str
    rows: int = 0
    extension_rows: int = 0
    generalised: int = 0


_BREAKS = str.maketrans("\r\n\t", "   ")


def _clean(value) -> str:
    """One line per record: readers that split on newlines see quoted ones as breaks."""
    if value is None:
        return ""
    if value.__class__ is not str:
        return str(value)
    return value.translate(_BREAKS) if "\n" in value or "\r" in value or "\t" in value else value


class _Taxa:
    """Every taxon's classification, read once (taxa are few next to observations)."""

    def __init__(self):
        self.rows = {
            row[0]: row
            for row in Taxon.objects.values_list(
                "pk",
                "scientific_name",
                "authorship",
                "rank",
                "parent_id",
                "common_name_ja",
                "is_sensitive",
                "red_list_national",
                "red_list_ishikawa",
            ).iterator(chunk_size=CHUNK)
        }
        self._classification: dict[int, dict[str, str]] = {}
        self._generalised: dict[int, bool] = {}
        self._values: dict[int | None, tuple[str, ...]] = {}

    def classification(self, pk: int) -> dict[str, str]:
        if pk not in self._classification:
            found, current = {}, pk
            while current is not None and current in self.rows:
                row = self.rows[current]
                if row[3] in terms.HIGHER_RANKS:
                    found[row[3]] = row[1]
                current = row[4]
            self._classification[pk] = found
        return self._classification[pk]

    def generalised(self, pk: int | None) -> bool:
        if pk is None or pk not in self.rows:
            return False
        if pk not in self._generalised:
            row = self.rows[pk]
            own = row[6] or row[7] in THREATENED_CATEGORIES or row[8] in THREATENED_CATEGORIES
            self._generalised[pk] = own or self.generalised(row[4])
        return self._generalised[pk]

    def columns(self, pk: int | None) -> dict[str, str]:
        if pk is None or pk not in self.rows:
            return {}
        _pk, name, authorship, rank, _parent, common, *_flags = self.rows[pk]
        return {
            "scientificName": f"{name} {authorship}".strip(),
            "scientificNameAuthorship": authorship,
            "taxonRank": rank,
            "vernacularName": common,
            **self.classification(pk),
        }

    def column_values(self, pk: int | None) -> tuple[str, ...]:
        """The taxon's OCCURRENCE_COLUMNS, in order and cleaned, built once per taxon."""
        if pk not in self._values:
            columns = self.columns(pk)
            self._values[pk] = tuple(_clean(columns.get(name)) for name in TAXON_COLUMNS)
        return self._values[pk]


def _write_table(
    archive: zipfile.ZipFile, name: str, columns: list[str], rows: Iterable[dict]
) -> int:
    count = 0
    with (
        archive.open(name, "w", force_zip64=True) as raw,
        io.TextIOWrapper(raw, encoding="utf-8", newline="") as text,
    ):
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            if isinstance(row, dict):
                row = [_clean(row.get(column)) for column in columns]
            writer.writerow(row)
            count += 1
    return count


def _meta(core: tuple[str, str, list[str]], extension: tuple[str, str, list[str]] | None) -> bytes:
    ElementTree.register_namespace("", terms.TEXT_NS)
    root = ElementTree.Element(f"{{{terms.TEXT_NS}}}archive", {"metadata": "eml.xml"})
    for tag, described in (("core", core), ("extension", extension)):
        if described is None:
            continue
        row_type, location, columns = described
        element = ElementTree.SubElement(
            root,
            f"{{{terms.TEXT_NS}}}{tag}",
            {
                "encoding": "UTF-8",
                "fieldsTerminatedBy": ",",
                "linesTerminatedBy": "\\n",
                "fieldsEnclosedBy": '"',
                "ignoreHeaderLines": "1",
                "rowType": row_type,
            },
        )
        files = ElementTree.SubElement(element, f"{{{terms.TEXT_NS}}}files")
        ElementTree.SubElement(files, f"{{{terms.TEXT_NS}}}location").text = location
        ElementTree.SubElement(
            element, f"{{{terms.TEXT_NS}}}{'id' if tag == 'core' else 'coreid'}", {"index": "0"}
        )
        for index, column in enumerate(columns):
            ElementTree.SubElement(
                element,
                f"{{{terms.TEXT_NS}}}field",
                {"index": str(index), "term": terms.term_uri(column)},
            )
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def _observation_rows(stats: ExportStats, *, include_imported: bool) -> Iterator[list]:
    """Rows as lists in OCCURRENCE_COLUMNS order (a million of them: no per-row dicts, taxon
    columns built once per taxon, free text cleaned, the rest written as is)."""
    taxa = _Taxa()
    zone = timezone.get_default_timezone()
    member = _("Member %(number)s")

    def iso(moment: dt.datetime | None) -> str:
        return moment.astimezone(zone).isoformat("T", "seconds") if moment else ""

    observations = Observation.objects.filter(quality_grade=QualityGrade.RESEARCH, is_hidden=False)
    if not include_imported:
        observations = observations.filter(source="")
    fields = [
        "occurrence_id", "basis_of_record", "observed_at", "community_taxon_id", "taxon_id",
        "public_latitude", "public_longitude", "uncertainty_m", "location_generalised",
        "licence", "observer_id", "recorded_by", "count", "life_stage",
        "locality", "updated_at", "source",
    ]  # fmt: skip
    if include_imported:
        fields.append("dwc_extra")
    for (
        occurrence_id, basis, observed_at, community_taxon_id, taxon_id, latitude, longitude,
        uncertainty, generalised, licence, observer_id, recorded_by, count,
        life_stage, locality, updated_at, source, *extra,
    ) in observations.order_by("pk").values_list(*fields).iterator(chunk_size=CHUNK):  # fmt: skip
        # A stable pseudonym, never the account's name: archives are copied to aggregators
        # (GBIF) where a later deletion of the account cannot reach.
        person = member % {"number": observer_id} if observer_id else _clean(recorded_by)
        extra = (extra[0] if extra else None) or {}
        if generalised:
            uncertainty = max(uncertainty or 0, CELL_DIAGONAL_M)
            stats.generalised += 1
        has_point = latitude is not None
        yield [
            occurrence_id,
            basis,
            iso(observed_at),
            *taxa.column_values(community_taxon_id or taxon_id),
            round(latitude, 6) if has_point else "",
            round(longitude, 6) if has_point else "",
            uncertainty,
            "WGS84" if has_point else "",
            extra.get("countryCode", "JP") if source else "JP",
            # A place name can say more than the generalised point does.
            "" if generalised else _clean(locality),
            extra.get("license") or LICENCE_URLS[licence],
            person,
            person,
            count,
            life_stage,
            "present",
            (WITHHELD + (" (place name withheld too)" if locality else "")) if generalised else "",
            GENERALISED if generalised else "",
            _clean(source),
            iso(updated_at),
        ]


def _event_time(start: dt.time | None, end: dt.time | None) -> str:
    offset = timezone.localtime().strftime("%z")
    offset = f"{offset[:3]}:{offset[3:]}"
    parts = [f"{moment:%H:%M:%S}{offset}" for moment in (start, end) if moment]
    return "/".join(parts)


def _effort(visit: dict) -> str:
    observers = visit["observers_count"]
    text = f"{observers} observer{'s' if observers != 1 else ''}"
    if visit["start_time"] and visit["end_time"]:
        day = dt.date(2000, 1, 1)
        minutes = round(
            (
                dt.datetime.combine(day, visit["end_time"])
                - dt.datetime.combine(day, visit["start_time"])
            ).total_seconds()
            / 60
        )
        text += f" × {minutes} minutes"
    return text


def _campaign_rows(campaign: Campaign, taxa: _Taxa, stats: ExportStats) -> Iterator[dict]:
    licence = LICENCE_URLS[ObservationLicence.CC_BY]
    span = campaign.visits.aggregate(first=Min("date"), last=Max("date"))
    protocol = " ".join(campaign.protocol.split())
    campaign_id = f"urn:uuid:{campaign.event_id}"
    yield {
        "eventID": campaign_id,
        "eventType": "Survey",
        "eventDate": "/".join(d.isoformat() for d in (span["first"], span["last"]) if d),
        "samplingProtocol": protocol,
        "countryCode": "JP",
        "license": licence,
        "datasetName": campaign.title,
    }
    sensitive_taxa = [pk for pk in taxa.rows if taxa.generalised(pk)]
    hidden_sites = set(
        VisitCount.objects.filter(
            visit__campaign=campaign, count__gt=0, taxon_id__in=sensitive_taxa
        )
        .values_list("visit__site_id", flat=True)
        .distinct()
    )
    sites = {site.pk: site for site in Site.objects.filter(campaign=campaign)}
    fields = [
        "pk", "event_id", "site_id", "date", "start_time", "end_time", "observers_count",
        "weather", "temperature_c", "moon", "artificial_light", "protocol_variant",
        "is_complete_checklist", "notes",
    ]  # fmt: skip
    visits = campaign.visits.order_by("date", "pk").values(*fields)
    for visit in visits.iterator(chunk_size=CHUNK):
        site = sites[visit["site_id"]]
        latitude, longitude, uncertainty = site.latitude, site.longitude, None
        withheld = generalisation = ""
        if site.pk in hidden_sites:
            south, west, _north, _east = cell_bounds(latitude, longitude)
            latitude = round(south + CELL_DEGREES / 2, 6)
            longitude = round(west + CELL_DEGREES / 2, 6)
            uncertainty = math.ceil(CELL_DIAGONAL_M / 2)
            withheld, generalisation = (
                SITE_WITHHELD,
                "Site coordinates: centre of a 0.2 degree grid cell.",
            )
            stats.generalised += 1
        if site.kind == SiteKind.TRANSECT and site.length_m:
            size = (site.length_m, "metre")
        elif site.area_m2:
            size = (site.area_m2, "square metre")
        elif site.length_m:
            size = (site.length_m, "metre")
        else:
            size = ("", "")
        conditions = {
            key: str(visit[key])
            for key in ("weather", "temperature_c", "moon", "artificial_light")
            if visit[key] not in ("", None)
        }
        conditions["completeChecklist"] = visit["is_complete_checklist"]
        yield {
            "eventID": f"urn:uuid:{visit['event_id']}",
            "parentEventID": campaign_id,
            "eventType": "Sample",
            "eventDate": visit["date"].isoformat(),
            "eventTime": _event_time(visit["start_time"], visit["end_time"]),
            "samplingProtocol": "; ".join(p for p in (protocol, visit["protocol_variant"]) if p),
            "sampleSizeValue": size[0],
            "sampleSizeUnit": size[1],
            "samplingEffort": _effort(visit),
            "locationID": f"{campaign.slug}:{site.code}",
            "locality": "" if withheld else site.name,
            "decimalLatitude": latitude,
            "decimalLongitude": longitude,
            "coordinateUncertaintyInMeters": uncertainty,
            "geodeticDatum": "WGS84",
            "countryCode": "JP",
            "eventRemarks": visit["notes"],
            "dynamicProperties": json.dumps(conditions, ensure_ascii=False),
            "informationWithheld": withheld,
            "dataGeneralizations": generalisation,
            "license": licence,
            "datasetName": campaign.title,
        }


def _count_rows(campaign: Campaign, taxa: _Taxa) -> Iterator[dict]:
    counts = (
        VisitCount.objects.filter(visit__campaign=campaign)
        .order_by("visit__date", "visit_id", "taxon_id")
        .values_list("visit__event_id", "occurrence_id", "taxon_id", "count", "sub_counts")
    )
    for event_id, occurrence_id, taxon_id, count, sub_counts in counts.iterator(chunk_size=CHUNK):
        columns = taxa.columns(taxon_id)
        yield {
            "eventID": f"urn:uuid:{event_id}",
            "occurrenceID": f"urn:uuid:{occurrence_id}",
            "basisOfRecord": "HumanObservation",
            **{
                key: columns.get(key, "")
                for key in (
                    "scientificName",
                    "scientificNameAuthorship",
                    "taxonRank",
                    "vernacularName",
                    "kingdom",
                )
            },
            "organismQuantity": count,
            "organismQuantityType": "individuals",
            "individualCount": count,
            "occurrenceStatus": "present" if count > 0 else "absent",
            "occurrenceRemarks": f"counts: {', '.join(map(str, sub_counts))}" if sub_counts else "",
        }


def dwca_export_write(
    target: str | Path | BinaryIO,
    *,
    campaign: str | Campaign | None = None,
    include_imported: bool = False,
) -> ExportStats:
    """Write the archive to a path or a binary file object. Without a campaign: research-grade,
    non-hidden observations made on this platform (`include_imported` adds those imported
    from other datasets, which their publishers already share). With a campaign (slug or
    object): its visits as events and their counts as occurrences, absences included."""
    today = timezone.localdate()
    if isinstance(target, (str, Path)):
        target = Path(target)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if campaign is None:
            stats = ExportStats(core_type="Occurrence")
            stats.rows = _write_table(
                archive,
                "occurrence.txt",
                OCCURRENCE_COLUMNS,
                _observation_rows(stats, include_imported=include_imported),
            )
            meta = _meta((terms.OCCURRENCE, "occurrence.txt", OCCURRENCE_COLUMNS), None)
            owner = publisher()["name"]
            eml = eml_document(
                identifier=f"tsunagu-observations-{today.isoformat()}",
                title=f"{owner}: citizen observations of nature (research grade)",
                description=(
                    "Research-grade observations of wild organisms made by citizens on the "
                    "Tsunagu platform, identified by the community. Locations of sensitive and "
                    "threatened species are generalised to a 0.2 degree grid cell."
                ),
                licence_url=LICENCE_URLS[ObservationLicence.CC_BY_NC],
                rights_note=(
                    "Each record carries its own licence (CC0 1.0, CC BY 4.0 or CC BY-NC 4.0) "
                    "in the license column; the dataset as a whole is under the most "
                    "restrictive of them."
                ),
                associated=[],
                today=today,
            )
        else:
            if not isinstance(campaign, Campaign):
                campaign = Campaign.objects.get(slug=campaign)
            stats = ExportStats(core_type="Event")
            taxa = _Taxa()
            stats.rows = _write_table(
                archive, "event.txt", EVENT_COLUMNS, _campaign_rows(campaign, taxa, stats)
            )
            stats.extension_rows = _write_table(
                archive, "occurrence.txt", EVENT_OCCURRENCE_COLUMNS, _count_rows(campaign, taxa)
            )
            meta = _meta(
                (terms.EVENT, "event.txt", EVENT_COLUMNS),
                (terms.OCCURRENCE, "occurrence.txt", EVENT_OCCURRENCE_COLUMNS),
            )
            eml = eml_document(
                identifier=f"tsunagu-campaign-{campaign.slug}-{today.isoformat()}",
                title=campaign.title,
                description=" ".join((campaign.summary or campaign.title).split())
                + (
                    " Protocol: " + " ".join(campaign.protocol.split()) if campaign.protocol else ""
                ),
                licence_url=LICENCE_URLS[ObservationLicence.CC_BY],
                rights_note="",
                associated=[str(partner) for partner in campaign.organisers.all()],
                today=today,
            )
        archive.writestr("meta.xml", meta)
        archive.writestr("eml.xml", eml)
    return stats
