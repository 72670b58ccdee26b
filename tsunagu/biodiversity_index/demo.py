"""Demo: Kanazawa's City Biodiversity Index for 2020, 2022 and 2024.

Computed indicators come from the platform's (demo) data; every score entered by hand is
illustrative and its evidence says so. Idempotent: an existing year is left as it is.
"""

from django.conf import settings
from django.db import transaction

from tsunagu.biodiversity_index import services
from tsunagu.biodiversity_index.models import Assessment
from tsunagu.core.models import Area

# The indicators module labels its dashboards with the latest year of any indicator value, so
# the demo stops at the latest statistics year (SSDSE-A 2026 edition: 2024) rather than 2026.
YEARS = (2020, 2022, 2024)
# Illustrative hand-entered scores per indicator for each year (a modest rise).
DEMO_SCORES = {
    1: (2, 2, 2),
    2: (1, 1, 2),
    9: (2, 2, 2),
    11: (2, 2, 2),
    12: (2, 2, 3),
    13: (1, 2, 2),
    14: (2, 2, 3),
    15: (1, 2, 2),
    16: (0, 1, 1),
    17: (1, 1, 1),
    19: (2, 3, 3),
    20: (3, 3, 3),
    21: (2, 2, 3),
    22: (3, 3, 3),
    24: (2, 2, 3),
    26: (1, 2, 3),
    27: (0, 1, 1),
    28: (1, 1, 2),
    # computed ones, used only when the platform has no data to compute them from
    3: (1, 1, 2),
    10: (2, 2, 2),
    18: (1, 1, 1),
    23: (2, 2, 2),
    25: (1, 1, 2),
}
EVIDENCE_JA = "【デモ】例示のための値であり、金沢市の公式な評価ではありません。"
EVIDENCE_EN = "[Demo] Illustrative value, not Kanazawa's official assessment."


@transaction.atomic
def _assessment(area: Area, position: int, year: int) -> None:
    assessment = services.assessment_create(area=area, year=year, is_demo=True)
    assessment.summary_ja = (
        "デモ用の評価：手入力の得点は例示であり、算出指標はプラットフォームのデモデータによる。"
    )
    assessment.summary_en = (
        "Demo assessment: hand-entered scores are illustrative; computed indicators come from "
        "the platform's demo data."
    )
    assessment.save()
    entries = []
    for row in assessment.scores.select_related("indicator"):
        number = row.indicator.number
        if row.is_computed and row.computed_score is not None:
            score = row.computed_score
        else:
            score = DEMO_SCORES.get(number, (0, 0, 0))[position]
        entries.append(
            services.ScoreInput(
                number=number,
                score=score,
                raw_value=row.raw_value,
                data_ja=row.data_ja,
                data_en=row.data_en,
                evidence_ja=EVIDENCE_JA,
                evidence_en=EVIDENCE_EN,
            )
        )
    services.assessment_scores_update(assessment=assessment, user=None, entries=entries)
    services.assessment_publish(assessment=assessment)


def load() -> None:
    services.indicator_definitions_sync()
    area = Area.objects.filter(code=settings.TSUNAGU_CITY_CODE).first()
    if area is None:
        return
    for position, year in enumerate(YEARS):
        if not Assessment.objects.filter(area=area, year=year).exists():
            _assessment(area, position, year)
