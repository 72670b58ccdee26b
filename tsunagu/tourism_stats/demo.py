"""Demo visitor statistics for Kanazawa, 2019–2025: INVENTED figures (flagged is_demo and
labelled on the pages), shaped like a tourist city's year — spring and autumn peaks, a summer
holiday bump, a quiet January, a pandemic dip in 2020–21 — not official statistics."""

from django.conf import settings

from tsunagu.core.area_codes import normalize_area_code
from tsunagu.core.models import Area
from tsunagu.tourism_stats.importer import FigureRow
from tsunagu.tourism_stats.models import Measure
from tsunagu.tourism_stats.services import crowding_threshold_set, monthly_figures_write

YEARS = range(2019, 2026)
SOURCE = "デモ用の架空データ / invented demo figures"
# Share of a normal year's visitors by month (sums to 12).
SEASON = [0.62, 0.72, 0.95, 1.22, 1.18, 0.9, 0.98, 1.25, 0.98, 1.15, 1.2, 0.85]
# How the year compares with 2019 (a pandemic dip, then recovery).
YEAR_LEVEL = {2019: 1.0, 2020: 0.52, 2021: 0.48, 2022: 0.72, 2023: 0.95, 2024: 1.02, 2025: 1.06}
# How strongly the seasons show (peaks flattened in the pandemic years, sharper after).
SEASON_AMPLITUDE = {2019: 1.0, 2020: 0.7, 2021: 0.6, 2022: 0.9, 2023: 1.1, 2024: 1.2, 2025: 1.25}
FOREIGN_LEVEL = {2019: 1.0, 2020: 0.15, 2021: 0.02, 2022: 0.2, 2023: 0.85, 2024: 1.2, 2025: 1.35}
MONTHLY_VISITORS_2019 = 840_000
MONTHLY_STAYS_JAPANESE_2019 = 240_000
MONTHLY_STAYS_FOREIGN_2019 = 52_000
RESIDENTS = 462_000
COUNTRIES = [
    ("台湾 Taiwan", 0.24),
    ("中国 China", 0.14),
    ("香港 Hong Kong", 0.11),
    ("アメリカ合衆国 United States", 0.1),
    ("韓国 Korea", 0.06),
]
ATTRACTIONS = [
    ("金沢21世紀美術館 21st Century Museum of Contemporary Art, Kanazawa", 0.15),
    ("兼六園 Kenroku-en", 0.25),
    ("金沢城公園 Kanazawa Castle Park", 0.2),
]
THRESHOLD_WARNING, THRESHOLD_CRITICAL = 2.2, 2.35


def _rows(area: str) -> list[FigureRow]:
    rows = []

    def add(year, month, measure, value, category=""):
        rows.append(
            FigureRow(len(rows) + 2, area, year, month, measure, category, float(value), SOURCE)
        )

    for year in YEARS:
        for month, base in enumerate(SEASON, start=1):
            season = 1 + (base - 1) * SEASON_AMPLITUDE[year]
            wobble = 1 + 0.03 * (((year * 7 + month * 5) % 5) - 2)  # deterministic noise
            level = YEAR_LEVEL[year] * season * wobble
            japanese = round(MONTHLY_STAYS_JAPANESE_2019 * level)
            foreign = round(MONTHLY_STAYS_FOREIGN_2019 * FOREIGN_LEVEL[year] * season * wobble)
            visitors = round(MONTHLY_VISITORS_2019 * level)
            add(year, month, Measure.VISITORS, visitors)
            add(year, month, Measure.STAYS_JAPANESE, japanese)
            add(year, month, Measure.STAYS_FOREIGN, foreign)
            for country, share in COUNTRIES:
                add(year, month, Measure.STAYS_FOREIGN_COUNTRY, round(foreign * share), country)
            add(year, month, Measure.ROOMS, 11_500 + 150 * (year - 2019))
            add(year, month, Measure.BEDS, 21_000 + 300 * (year - 2019))
            add(year, month, Measure.OCCUPANCY_RATE, round(min(95.0, 72 * level), 1))
            for attraction, share in ATTRACTIONS:
                add(year, month, Measure.ATTRACTION_VISITS, round(visitors * share), attraction)
            add(year, month, Measure.RESIDENTS, RESIDENTS - 400 * (year - 2019))
    return rows


def load() -> None:
    area = Area.objects.filter(code=normalize_area_code(settings.TSUNAGU_CITY_CODE)).first()
    if area is None:
        return
    monthly_figures_write(
        figures=_rows(area.code), file_name="demo-visitor-statistics", is_demo=True
    )
    crowding_threshold_set(
        area=area, warning=THRESHOLD_WARNING, critical=THRESHOLD_CRITICAL, is_demo=True
    )
