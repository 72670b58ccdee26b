"""Our own compiled facts about member cities (country, year of designation, coordinates),
each row with the public page that states it. Cities not listed stay unknown."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tsunagu.network.models import CreativeField

FACTS_CSV = Path(__file__).resolve().parent / "creative_city_facts.csv"
COLUMNS = (
    "name",
    "name_ja",
    "field",
    "country",
    "year",
    "latitude",
    "longitude",
    "source",
    "coordinates_source",
)


@dataclass(frozen=True)
class CityFact:
    name: str
    name_ja: str
    field: str
    country: str
    year: int | None
    latitude: float | None
    longitude: float | None
    source: str
    coordinates_source: str


def _number(text: str, kind, low: float, high: float):
    value = kind(text)
    if not low <= value <= high:
        raise ValueError(text)
    return value


def city_facts_read(path: Path = FACTS_CSV) -> list[CityFact]:
    facts: list[CityFact] = []
    errors: list[str] = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            values = {key: (row.get(key) or "").strip() for key in COLUMNS}
            try:
                if None in row:  # more cells than columns: an unquoted comma
                    raise ValueError("extra cells")
                if values["field"] not in CreativeField.values:
                    raise ValueError(values["field"])
                if values["country"] and not (
                    len(values["country"]) == 2 and values["country"].isupper()
                ):
                    raise ValueError(values["country"])
                if (values["country"] or values["year"]) and not values["source"]:
                    raise ValueError("source")
                if values["latitude"] and not values["coordinates_source"]:
                    raise ValueError("coordinates_source")
                fact = CityFact(
                    name=values["name"],
                    name_ja=values["name_ja"],
                    field=values["field"],
                    country=values["country"],
                    year=_number(values["year"], int, 2004, 2100) if values["year"] else None,
                    latitude=_number(values["latitude"], float, -90, 90)
                    if values["latitude"]
                    else None,
                    longitude=_number(values["longitude"], float, -180, 180)
                    if values["longitude"]
                    else None,
                    source=values["source"],
                    coordinates_source=values["coordinates_source"],
                )
                if (fact.latitude is None) != (fact.longitude is None) or not fact.name:
                    raise ValueError("coordinates")
            except ValueError as error:
                errors.append(
                    _("Facts row %(row)d: invalid value %(value)s.")
                    % {"row": number, "value": str(error)}
                )
                continue
            facts.append(fact)
    if errors:
        raise ValidationError(errors)
    return facts
