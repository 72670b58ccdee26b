"""Occurrence core -> Observation, keyed by occurrenceID so that importing again updates.

Imported records have no observer and no photos, so nobody here can identify them; they are
research grade when the publisher names a species (or finer), a date and coordinates, and
casual otherwise. Their public location is generalised exactly as for citizen observations."""

import hashlib
import json
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tsunagu.nature.models import (
    SPECIES_RANK_LEVEL,
    BasisOfRecord,
    LifeStage,
    Observation,
    ObservationLicence,
    QualityGrade,
)
from tsunagu.nature.models.taxa import RANK_LEVELS, TaxonRank
from tsunagu.nature.services.geoprivacy import observation_public_location_refresh

from .dates import event_datetime
from .reader import Archive
from .report import ImportReport
from .taxonomy import Name, TaxonResolver, name_read

CONSUMED = {
    "occurrenceID", "basisOfRecord", "scientificName", "scientificNameAuthorship", "taxonRank",
    "kingdom", "phylum", "class", "order", "family", "genus", "decimalLatitude",
    "decimalLongitude", "coordinateUncertaintyInMeters", "recordedBy", "individualCount",
    "lifeStage", "locality", "occurrenceStatus",
}  # fmt: skip
BASIS = {choice.lower(): choice for choice in BasisOfRecord.values} | {
    "preserved_specimen": BasisOfRecord.PRESERVED_SPECIMEN,
    "human_observation": BasisOfRecord.HUMAN_OBSERVATION,
    "machine_observation": BasisOfRecord.MACHINE_OBSERVATION,
    "living_specimen": BasisOfRecord.LIVING_SPECIMEN,
    "material_sample": BasisOfRecord.MATERIAL_SAMPLE,
    "observation": BasisOfRecord.HUMAN_OBSERVATION,
}
LIFE_STAGES = {choice for choice in LifeStage.values if choice} | {"adults"}
COMPARED = [
    "observed_at", "latitude", "longitude", "uncertainty_m", "recorded_by", "basis_of_record",
    "licence", "count", "life_stage", "locality", "is_cultivated", "source", "dwc_extra",
    "taxon_id", "community_taxon_id", "quality_grade",
]  # fmt: skip


def licence_of(text: str) -> str | None:
    value = text.strip().lower().replace("_", "-")
    if not value:
        return None
    if "publicdomain/zero" in value or value.startswith("cc0") or value == "cc-zero":
        return ObservationLicence.CC0
    if "-sa" in value or "-nd" in value or "sharealike" in value:
        return None
    if "by-nc" in value or "cc by-nc" in value.replace("-", " ").replace("  ", " "):
        return ObservationLicence.CC_BY_NC
    if "licenses/by/" in value or value in {"cc-by", "cc by", "cc-by-4.0", "cc by 4.0"}:
        return ObservationLicence.CC_BY
    return None


def _number(value: str, low: float, high: float) -> float:
    number = float(value.replace(",", "."))
    if not low <= number <= high:
        raise ValueError(value)
    return number


@dataclass
class _Plan:
    where: str
    occurrence_id: str
    name: Name | None
    fields: dict


class OccurrenceImporter:
    def __init__(self, archive: Archive, report: ImportReport):
        self.archive = archive
        self.report = report
        self.plans: list[_Plan] = []
        self.notes: Counter = Counter()

    def _occurrence_id(self, row_id: str, values: dict[str, str]) -> tuple[str, bool]:
        """(ID, whether the publisher gave it)."""
        if values.get("occurrenceID"):
            return values["occurrenceID"], True
        if row_id:
            return row_id, True
        if values.get("catalogNumber") and values.get("institutionCode"):
            parts = [
                values["institutionCode"],
                values.get("collectionCode", ""),
                values["catalogNumber"],
            ]
            return "urn:catalog:" + ":".join(parts), True
        if values.get("gbifID"):
            return f"https://www.gbif.org/occurrence/{values['gbifID']}", True
        # Nothing identifies the record: the row itself does, so importing it again finds it.
        digest = hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()
        return f"urn:tsunagu:dwca-row:{digest[:40]}", False

    def validate(self) -> list[str]:
        errors: list[str] = []
        seen: dict[str, str] = {}
        warnings: list[str] = []
        core = self.archive.core
        for line, row_id, values in core.rows():
            where = _("%(file)s line %(line)s") % {"file": core.name, "line": line}
            occurrence_id, given = self._occurrence_id(row_id, values)
            if len(occurrence_id) > 255:
                errors.append(
                    _("%(where)s: occurrenceID longer than 255 characters.") % {"where": where}
                )
                continue
            if occurrence_id in seen:
                if given:
                    errors.append(
                        _("%(where)s: occurrenceID %(id)s is also on %(other)s.")
                        % {"where": where, "id": occurrence_id, "other": seen[occurrence_id]}
                    )
                else:
                    self.notes[_("rows repeating an earlier row, skipped")] += 1
                    self.report.skipped += 1
                continue
            seen[occurrence_id] = where
            if not given:
                self.notes[_("rows without occurrenceID: identified by their content")] += 1
            if values.get("occurrenceStatus", "").lower() == "absent":
                self.notes[_("absence records, skipped (observations record presence)")] += 1
                self.report.skipped += 1
                continue
            try:
                plan = self._plan(where, occurrence_id, values, warnings)
            except ValueError as error:
                errors.append(str(error))
                continue
            self.plans.append(plan)
        for warning in warnings:
            self.report.note(warning)
        return errors

    def _plan(
        self, where: str, occurrence_id: str, values: dict[str, str], warnings: list
    ) -> _Plan:
        name = name_read(values, where, warnings)
        if name is None:
            self.notes[_("rows naming no taxon: imported as unidentified")] += 1
        try:
            observed_at, fallback = event_datetime(values)
        except (ValueError, TypeError) as error:
            raise ValueError(
                _("%(where)s: eventDate “%(value)s” is not an ISO 8601 date.")
                % {"where": where, "value": values.get("eventDate") or values.get("year")}
            ) from error
        if fallback:
            self.notes[_("eventDate not ISO 8601: date taken from year, month and day")] += 1
        latitude = longitude = None
        lat_text, lon_text = values.get("decimalLatitude", ""), values.get("decimalLongitude", "")
        if lat_text or lon_text:
            try:
                latitude = _number(lat_text, -90, 90)
                longitude = _number(lon_text, -180, 180)
            except ValueError as error:
                raise ValueError(
                    _("%(where)s: coordinates “%(lat)s, %(lon)s” are not a latitude and longitude.")
                    % {"where": where, "lat": lat_text, "lon": lon_text}
                ) from error
            if latitude == 0 and longitude == 0:
                self.notes[_("coordinates (0, 0) dropped as missing")] += 1
                latitude = longitude = None
        uncertainty = None
        if values.get("coordinateUncertaintyInMeters"):
            try:
                uncertainty = round(_number(values["coordinateUncertaintyInMeters"], 0, 20_000_000))
            except ValueError as error:
                raise ValueError(
                    _("%(where)s: coordinateUncertaintyInMeters “%(value)s” is not a distance.")
                    % {"where": where, "value": values["coordinateUncertaintyInMeters"]}
                ) from error
        count = None
        if values.get("individualCount"):
            try:
                count = int(_number(values["individualCount"], 0, 2**31 - 1))
            except ValueError as error:
                raise ValueError(
                    _("%(where)s: individualCount “%(value)s” is not a whole number.")
                    % {"where": where, "value": values["individualCount"]}
                ) from error
        basis = BASIS.get(values.get("basisOfRecord", "").strip().lower(), BasisOfRecord.OCCURRENCE)
        extra = {k: v for k, v in values.items() if v and k not in CONSUMED}
        licence = licence_of(values.get("license", "") or values.get("rights", ""))
        life_stage = values.get("lifeStage", "").strip().lower().rstrip("s")
        if life_stage not in LIFE_STAGES:
            if life_stage:
                extra["lifeStage"] = values["lifeStage"]
            life_stage = ""
        establishment = (
            values.get("establishmentMeans", "") + values.get("degreeOfEstablishment", "")
        ).lower()
        research = (
            name is not None
            and RANK_LEVELS[TaxonRank(name.rank)] <= SPECIES_RANK_LEVEL
            and observed_at is not None
            and latitude is not None
        )
        return _Plan(
            where=where,
            occurrence_id=occurrence_id,
            name=name,
            fields={
                "observed_at": observed_at,
                "latitude": latitude,
                "longitude": longitude,
                "uncertainty_m": uncertainty,
                "recorded_by": values.get("recordedBy", "")[:300],
                "basis_of_record": basis,
                "licence": licence or ObservationLicence.CC_BY,
                "count": count,
                "life_stage": life_stage,
                "locality": values.get("locality", "")[:300],
                "is_cultivated": any(
                    word in establishment for word in ("cultivated", "captive", "managed")
                ),
                "source": (self.report.dataset_title or self.report.file_name)[:200],
                "dwc_extra": extra,
                "quality_grade": QualityGrade.RESEARCH if research else QualityGrade.CASUAL,
            },
        )

    def write(self) -> None:
        for note, count in self.notes.items():
            self.report.note(f"{note}: {count}")
        resolver = TaxonResolver(self.report.dataset_title or self.report.file_name)
        existing: dict[str, Observation] = {}
        ids = [plan.occurrence_id for plan in self.plans]
        for start in range(0, len(ids), 500):
            for observation in Observation.objects.filter(
                occurrence_id__in=ids[start : start + 500]
            ):
                existing[observation.occurrence_id] = observation
        for plan in self.plans:
            taxon = resolver.resolve(plan.name) if plan.name else None
            fields = {**plan.fields, "taxon_id": taxon.pk if taxon else None}
            fields["community_taxon_id"] = fields["taxon_id"]
            observation = existing.get(plan.occurrence_id)
            if observation is not None and not observation.source:
                self.report.note(
                    _("%(where)s: %(id)s is an observation made on this platform; not overwritten.")
                    % {"where": plan.where, "id": plan.occurrence_id}
                )
                self.report.skipped += 1
                continue
            if observation is None:
                observation = Observation(occurrence_id=plan.occurrence_id, **fields)
                self.report.created += 1
            elif all(getattr(observation, key) == value for key, value in fields.items()):
                self.report.skipped += 1
                continue
            else:
                for key, value in fields.items():
                    setattr(observation, key, value)
                self.report.updated += 1
            observation_public_location_refresh(observation, save=False)
            observation.save()
        self.report.taxa_created += resolver.created
