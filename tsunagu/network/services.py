"""Writes of the network app: importing UNESCO's list, applying our verified facts, and
recording exchanges and annual meetings. Each runs in one transaction."""

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from tsunagu.network.facts import FACTS_CSV, CityFact, city_facts_read
from tsunagu.network.importers.uccn_csv import uccn_csv_read
from tsunagu.network.models import AnnualMeeting, CreativeCity, Exchange


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    facts_applied: int
    unknown_country: int
    unknown_year: int
    unknown_coordinates: int

    @property
    def total(self) -> int:
        return self.created + self.updated


def _slug_for(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = slugify(ascii_name)[:100] or "city"
    slug, n = base, 2
    while CreativeCity.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def creative_city_get_or_create(*, unesco_name: str, field: str) -> tuple[CreativeCity, bool]:
    city = CreativeCity.objects.filter(unesco_name=unesco_name).first()
    if city:
        return city, False
    city = CreativeCity.objects.create(
        slug=_slug_for(unesco_name),
        unesco_name=unesco_name,
        name_en=unesco_name,
        name_ja="",
        field=field,
    )
    return city, True


def _fact_apply(city: CreativeCity, fact: CityFact) -> None:
    city.country = fact.country
    city.designation_year = fact.year
    city.facts_source = fact.source
    city.latitude, city.longitude = fact.latitude, fact.longitude
    city.coordinates_source = fact.coordinates_source
    if fact.name_ja:
        city.name_ja = fact.name_ja
    city.save()


@transaction.atomic
def creative_city_facts_apply(*, path: Path = FACTS_CSV, create_missing: bool = False) -> int:
    """Applies the facts file to the cities it names (same name and field). With
    `create_missing`, cities not yet imported are created from the facts alone."""
    applied = 0
    for fact in city_facts_read(path):
        city = CreativeCity.objects.filter(unesco_name=fact.name, field=fact.field).first()
        if city is None and create_missing:
            city, _created = creative_city_get_or_create(unesco_name=fact.name, field=fact.field)
        if city is not None:
            _fact_apply(city, fact)
            applied += 1
    return applied


@transaction.atomic
def creative_cities_import(*, path: Path, facts_path: Path = FACTS_CSV) -> ImportReport:
    """Imports UNESCO's list: new cities are created, known ones updated (by name). A bad
    row rejects the whole file (ValidationError with one message per row)."""
    rows = uccn_csv_read(path)
    created = updated = 0
    for row in rows:
        city, is_new = creative_city_get_or_create(unesco_name=row.name, field=row.field)
        city.field = row.field
        city.description = row.description
        city.unesco_url = row.link
        if not city.name_en:
            city.name_en = row.name
        city.save()
        created += is_new
        updated += not is_new
    applied = creative_city_facts_apply(path=facts_path)
    cities = CreativeCity.objects.all()
    return ImportReport(
        created=created,
        updated=updated,
        facts_applied=applied,
        unknown_country=cities.filter(country="").count(),
        unknown_year=cities.filter(designation_year__isnull=True).count(),
        unknown_coordinates=cities.filter(latitude__isnull=True).count(),
    )


@transaction.atomic
def exchange_create(
    *,
    city: CreativeCity,
    partner: CreativeCity,
    kind: str,
    start_date,
    title_ja: str,
    title_en: str = "",
    end_date=None,
    people_ja: str = "",
    people_en: str = "",
    outcomes_ja: str = "",
    outcomes_en: str = "",
    programme_url: str = "",
    source_url: str = "",
    is_demo: bool = False,
) -> Exchange:
    exchange = Exchange(
        city=city,
        partner=partner,
        kind=kind,
        start_date=start_date,
        end_date=end_date,
        title_ja=title_ja,
        title_en=title_en,
        people_ja=people_ja,
        people_en=people_en,
        outcomes_ja=outcomes_ja,
        outcomes_en=outcomes_en,
        programme_url=programme_url,
        source_url=source_url,
        is_demo=is_demo,
    )
    exchange.full_clean()
    exchange.save()
    return exchange


@transaction.atomic
def annual_meeting_upsert(
    *,
    year: int,
    host_city: CreativeCity,
    kanazawa_attended: bool | None = None,
    attendance_note_ja: str = "",
    attendance_note_en: str = "",
    source_url: str = "",
    is_demo: bool = False,
) -> AnnualMeeting:
    meeting, _created = AnnualMeeting.objects.update_or_create(
        year=year,
        defaults={
            "host_city": host_city,
            "kanazawa_attended": kanazawa_attended,
            "attendance_note_ja": attendance_note_ja,
            "attendance_note_en": attendance_note_en,
            "source_url": source_url,
            "is_demo": is_demo,
        },
    )
    return meeting
