"""CBI API: published assessments of the city, with every indicator's score and evidence."""

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from tsunagu.biodiversity_index import selectors
from tsunagu.biodiversity_index.models import Assessment, AssessmentStatus

router = Router(tags=["biodiversity_index"])


class IndicatorScoreOut(Schema):
    number: int
    component: str
    name_ja: str
    name_en: str
    value: float | None
    unit: str
    score: int | None
    computed: bool
    computed_score: int | None
    override_reason: str
    data_ja: str
    data_en: str
    evidence_ja: str
    evidence_en: str
    source_url: str


class AssessmentOut(Schema):
    city: str
    year: int
    total: int
    max: int
    components: dict[str, int]
    is_demo: bool
    published_at: str | None


class AssessmentDetailOut(AssessmentOut):
    indicators: list[IndicatorScoreOut]


def _summary(assessment: Assessment) -> dict:
    totals = selectors.assessment_totals(assessment)
    return {
        "city": assessment.area.code,
        "year": assessment.year,
        "total": totals.total,
        "max": selectors.TOTAL_MAX,
        "components": totals.components,
        "is_demo": assessment.is_demo,
        "published_at": assessment.published_at.isoformat() if assessment.published_at else None,
    }


@router.get("/assessments", response=list[AssessmentOut])
def assessment_list(request: HttpRequest):
    """Published assessments of the city, oldest first."""
    area = selectors.city_area()
    return [
        _summary(a)
        for a in selectors.assessment_list(area=area, published_only=True).select_related("area")
    ]


@router.get("/assessments/{year}", response=AssessmentDetailOut)
def assessment_detail(request: HttpRequest, year: int):
    assessment = (
        Assessment.objects.filter(
            area=selectors.city_area(), year=year, status=AssessmentStatus.PUBLISHED
        )
        .select_related("area")
        .first()
    )
    if assessment is None:
        raise Http404(f"no published assessment for {year}")
    rows = selectors.assessment_scores(assessment)
    return {
        **_summary(assessment),
        "indicators": [
            {
                "number": r.indicator.number,
                "component": r.indicator.component,
                "name_ja": r.indicator.name_ja,
                "name_en": r.indicator.name_en,
                "value": r.raw_value,
                "unit": r.unit,
                "score": r.score,
                "computed": r.is_computed,
                "computed_score": r.computed_score,
                "override_reason": r.override_reason,
                "data_ja": r.data_ja,
                "data_en": r.data_en,
                "evidence_ja": r.evidence_ja,
                "evidence_en": r.evidence_en,
                "source_url": r.source_url,
            }
            for r in rows
        ],
    }
