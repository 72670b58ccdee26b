"""Member cities as tidy rows for CSV and JSON downloads (one row per city)."""

import csv
import io

from django.db.models import QuerySet

from tsunagu.network.models import CreativeCity

COLUMNS = [
    "slug",
    "name_en",
    "name_ja",
    "field",
    "country",
    "designation_year",
    "latitude",
    "longitude",
    "unesco_url",
    "facts_source",
    "coordinates_source",
]


def creative_city_record(city: CreativeCity) -> dict:
    return {
        "slug": city.slug,
        "name_en": city.name_en or city.unesco_name,
        "name_ja": city.name_ja or "",
        "field": city.field,
        "country": city.country or None,
        "designation_year": city.designation_year,
        "latitude": city.latitude,
        "longitude": city.longitude,
        "unesco_url": city.unesco_url,
        "facts_source": city.facts_source,
        "coordinates_source": city.coordinates_source,
    }


def creative_cities_csv(cities: QuerySet[CreativeCity]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for city in cities:
        record = creative_city_record(city)
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
    return buffer.getvalue()
