"""Feeding published assessments to the indicators module as local SDG 15 indicators.

The indicators module computes indicator values from statistics observations (and deletes
and recomputes them after every import), so the CBI figures go in as observations of two
statistics, through its own import service, and its refresh computes values and scores.
Each publication is a new edition (rank = the assessment's revision), so a corrected
re-publication replaces the earlier figures and the change is audited there.
"""

from pathlib import Path

import polars as pl
from django.db import transaction

from tsunagu.biodiversity_index.models import Assessment, Component
from tsunagu.biodiversity_index.selectors import assessment_totals
from tsunagu.indicators.importers.base import TIDY_SCHEMA, StatisticMeta, TidyImport
from tsunagu.indicators.services.indicator_set import indicator_set_load
from tsunagu.indicators.services.observations import ImportSummary, observations_import
from tsunagu.indicators.services.scoring import scores_refresh_later

INDICATOR_SET = Path(__file__).resolve().parent / "sdg15_indicators.yaml"
STATISTICS = [
    StatisticMeta("CBI_TOTAL", "生物多様性都市指標 合計点", "City Biodiversity Index total", "点"),
    StatisticMeta(
        "CBI_NATIVE",
        "生物多様性都市指標 在来生物多様性小計",
        "City Biodiversity Index native biodiversity subtotal",
        "点",
    ),
]


def sdg15_indicators_ensure() -> int:
    """Create or update the SDG 15 indicator definitions (idempotent)."""
    return indicator_set_load(INDICATOR_SET)


@transaction.atomic
def sdg15_values_publish(*, assessment: Assessment, user=None) -> ImportSummary:
    sdg15_indicators_ensure()
    totals = assessment_totals(assessment)
    frame = pl.DataFrame(
        [
            (1, "CBI_TOTAL", assessment.area.code, assessment.year, "", "", float(totals.total)),
            (
                2,
                "CBI_NATIVE",
                assessment.area.code,
                assessment.year,
                "",
                "",
                float(totals.components[Component.NATIVE]),
            ),
        ],
        schema=TIDY_SCHEMA,
        orient="row",
    )
    tidy = TidyImport(
        importer="cbi",
        file_name=f"cbi-{assessment.area.code}-{assessment.year}",
        edition=f"CBI {assessment.year} r{assessment.revision}",
        edition_rank=assessment.revision,
        source_dataset="City Biodiversity Index",
        credit_ja="生物多様性都市指標（シンガポール指標）市による評価",
        credit_en="City Biodiversity Index (Singapore Index), the city's assessment",
        frame=frame,
        statistics=STATISTICS,
    )
    summary = observations_import(tidy, user=user)
    transaction.on_commit(scores_refresh_later)
    return summary
