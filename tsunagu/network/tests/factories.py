"""Small builders for network tests."""

import datetime

from tsunagu.network.models import CreativeCity, CreativeField, Exchange, ExchangeKind


def city_make(
    name: str,
    *,
    field: str = CreativeField.CRAFTS_AND_FOLK_ART,
    country: str = "",
    year: int | None = None,
    lat: float | None = None,
    lon: float | None = None,
) -> CreativeCity:
    return CreativeCity.objects.create(
        slug=name.lower().replace(" ", "-"),
        unesco_name=name,
        name_en=name,
        name_ja="",
        field=field,
        country=country,
        designation_year=year,
        latitude=lat,
        longitude=lon,
    )


def exchange_make(
    city: CreativeCity,
    partner: CreativeCity,
    *,
    kind: str = ExchangeKind.RESIDENCY,
    start: datetime.date = datetime.date(2020, 5, 1),
    title: str = "Residency",
    is_demo: bool = False,
) -> Exchange:
    return Exchange.objects.create(
        city=city,
        partner=partner,
        kind=kind,
        start_date=start,
        title_ja=title,
        title_en=title,
        is_demo=is_demo,
    )
