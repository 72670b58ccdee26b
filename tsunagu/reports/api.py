"""Read-only public API: published reports and their frozen figures."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.decorators import decorate_view

from tsunagu.core.cache import cached_for_anonymous
from tsunagu.reports.apps import CACHE_DOMAIN
from tsunagu.reports.selectors import published_report_list
from tsunagu.reports.services.generation import figures_of

router = Router(tags=["reports"])


class ReportOut(Schema):
    slug: str
    type: str
    title_ja: str
    title_en: str
    period_start: date
    period_end: date
    version: int
    snapshot_id: str
    generated_at: datetime | None
    is_demo: bool


class FigureOut(Schema):
    key: str
    label_ja: str
    label_en: str
    value: float | None
    year: int | None = None


class ReportDetailOut(ReportOut):
    figures: list[FigureOut]


def _out(report) -> dict:
    version = report.published_version
    return {
        "slug": report.slug,
        "type": report.type,
        "title_ja": version.snapshot["report"]["title"]["ja"],
        "title_en": version.snapshot["report"]["title"]["en"],
        "period_start": report.period_start,
        "period_end": report.period_end,
        "version": version.number,
        "snapshot_id": str(version.snapshot_id),
        "generated_at": version.generated_at,
        "is_demo": report.is_demo,
    }


@router.get("/", response=list[ReportOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def reports(request):
    return [_out(report) for report in published_report_list()]


@router.get("/{slug}", response=ReportDetailOut)
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def report(request, slug: str):
    found = get_object_or_404(published_report_list(), slug=slug)
    figures = [
        {
            "key": key,
            "label_ja": figure["label"]["ja"] if isinstance(figure["label"], dict) else "",
            "label_en": figure["label"]["en"] if isinstance(figure["label"], dict) else "",
            "value": figure.get("value") if isinstance(figure.get("value"), int | float) else None,
            "year": figure.get("year"),
        }
        for key, figure in figures_of(found.published_version.snapshot).items()
    ]
    return {**_out(found), "figures": figures}
