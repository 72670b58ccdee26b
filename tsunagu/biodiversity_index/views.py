"""CBI pages: the public overview and years, CSV, and the staff pages (city staff only)."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.accounts.policy import is_city_staff
from tsunagu.biodiversity_index import selectors, services
from tsunagu.biodiversity_index.definitions import HANDBOOK_URL, SOURCE
from tsunagu.biodiversity_index.forms import entries_from
from tsunagu.biodiversity_index.models import Assessment, Component


def _city():
    area = selectors.city_area()
    if area is None:
        raise Http404("the city's area is not loaded")
    return area


def _context(assessment: Assessment, assessments: list[Assessment]) -> dict:
    rows = selectors.assessment_scores(assessment)
    totals = selectors.totals_from(rows)
    components = [
        {
            "key": key,
            "label": Component(key).label,
            "points": totals.components[key],
            "max": selectors.COMPONENT_MAX[key],
            "rows": [r for r in rows if r.indicator.component == key],
        }
        for key in Component.values
    ]
    return {
        "assessment": assessment,
        "totals": totals,
        "total_max": selectors.TOTAL_MAX,
        "components": components,
        "assessments": assessments,
        "chart": selectors.comparison(assessments),
        "handbook_url": HANDBOOK_URL,
        "handbook": SOURCE,
    }


def overview(request: HttpRequest) -> HttpResponse:
    area = _city()
    assessments = list(selectors.assessment_list(area=area, published_only=True))
    if not assessments:
        return render(
            request,
            "biodiversity_index/empty.html",
            {"area": area, "can_edit": is_city_staff(request.user)},
        )
    context = _context(assessments[-1], assessments)
    context["can_edit"] = is_city_staff(request.user)
    return render(request, "biodiversity_index/assessment.html", context)


def year_detail(request: HttpRequest, year: int) -> HttpResponse:
    area = _city()
    staff = is_city_staff(request.user)
    assessment = get_object_or_404(Assessment, area=area, year=year)
    if not assessment.is_published and not staff:
        raise Http404("not published")
    assessments = list(selectors.assessment_list(area=area, published_only=True))
    context = _context(assessment, assessments)
    context["can_edit"] = staff
    return render(request, "biodiversity_index/assessment.html", context)


def _csv(rows: list[list], name: str) -> HttpResponse:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


CSV_HEADER = [
    "city",
    "year",
    "status",
    "indicator",
    "component",
    "name_ja",
    "name_en",
    "value",
    "unit",
    "score",
    "computed",
    "computed_score",
    "override_reason",
    "data_ja",
    "data_en",
    "evidence_ja",
    "evidence_en",
    "source_url",
]


def _csv_rows(assessment: Assessment) -> list[list]:
    return [
        [
            assessment.area.code,
            assessment.year,
            assessment.status,
            row.indicator.number,
            row.indicator.component,
            row.indicator.name_ja,
            row.indicator.name_en,
            "" if row.raw_value is None else row.raw_value,
            row.unit,
            "" if row.score is None else row.score,
            int(row.is_computed),
            "" if row.computed_score is None else row.computed_score,
            row.override_reason,
            row.data_ja,
            row.data_en,
            row.evidence_ja,
            row.evidence_en,
            row.source_url,
        ]
        for row in assessment.scores.select_related("indicator")
    ]


def download_csv(request: HttpRequest) -> HttpResponse:
    """Every published year, one row per indicator (tidy)."""
    area = _city()
    rows = [CSV_HEADER]
    for assessment in selectors.assessment_list(area=area, published_only=True):
        rows.extend(_csv_rows(assessment))
    return _csv(rows, f"cbi-{area.code}.csv")


def year_csv(request: HttpRequest, year: int) -> HttpResponse:
    area = _city()
    assessment = get_object_or_404(Assessment, area=area, year=year)
    if not assessment.is_published and not is_city_staff(request.user):
        raise Http404("not published")
    return _csv([CSV_HEADER, *_csv_rows(assessment)], f"cbi-{area.code}-{year}.csv")


def _staff_only(request: HttpRequest) -> None:
    if not is_city_staff(request.user):
        raise PermissionDenied


@login_required
def staff_list(request: HttpRequest) -> HttpResponse:
    _staff_only(request)
    area = _city()
    if request.method == "POST":
        try:
            year = int(request.POST.get("year", ""))
            if not 1990 <= year <= 2100:
                raise ValueError
        except ValueError:
            messages.error(request, _("Give the year as four digits (1990–2100)."))
        else:
            try:
                services.assessment_create(area=area, year=year, user=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Assessment %(year)s created.") % {"year": year})
                return redirect("biodiversity_index:staff_edit", year=year)
    assessments = list(selectors.assessment_list(area=area, published_only=False))
    for assessment in assessments:
        assessment.totals = selectors.assessment_totals(assessment)
    return render(
        request,
        "biodiversity_index/staff_list.html",
        {"assessments": assessments, "area": area, "total_max": selectors.TOTAL_MAX},
    )


@login_required
def staff_edit(request: HttpRequest, year: int) -> HttpResponse:
    _staff_only(request)
    assessment = get_object_or_404(Assessment, area=_city(), year=year)
    rows = selectors.assessment_scores(assessment)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        numbers = [r.indicator.number for r in rows]
        entries, errors = entries_from(request.POST, request.FILES, numbers)
        # report every problem at once: what could not be read and what breaks the rules
        for number, problems in services.assessment_scores_check(
            assessment=assessment, entries=[e for e in entries if str(e.number) not in errors]
        ).items():
            errors.setdefault(number, []).extend(problems)
        if not errors:
            try:
                services.assessment_scores_update(
                    assessment=assessment, user=request.user, entries=entries
                )
            except ValidationError as error:
                errors = error.message_dict
            else:
                messages.success(request, _("Scores saved."))
                return redirect("biodiversity_index:staff_edit", year=year)
        messages.error(request, _("Nothing was saved: correct the rows marked below."))
        submitted = {e.number: e for e in entries}
        for row in rows:  # show what was typed, not what is stored
            row.submitted = submitted.get(row.indicator.number)
    for row in rows:
        row.errors = errors.get(str(row.indicator.number), [])
    return render(
        request,
        "biodiversity_index/staff_edit.html",
        {
            "assessment": assessment,
            "rows": rows,
            "errors": [m for messages_ in errors.values() for m in messages_],
            "totals": selectors.totals_from(rows),
            "total_max": selectors.TOTAL_MAX,
        },
        status=400 if errors else 200,
    )


@login_required
@require_POST
def staff_recompute(request: HttpRequest, year: int) -> HttpResponse:
    _staff_only(request)
    assessment = get_object_or_404(Assessment, area=_city(), year=year)
    services.assessment_compute(assessment=assessment)
    messages.success(request, _("Computed indicators updated from platform data."))
    return redirect("biodiversity_index:staff_edit", year=year)


@login_required
@require_POST
def staff_publish(request: HttpRequest, year: int) -> HttpResponse:
    _staff_only(request)
    assessment = get_object_or_404(Assessment, area=_city(), year=year)
    try:
        services.assessment_publish(assessment=assessment, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("biodiversity_index:staff_edit", year=year)
    messages.success(request, _("Assessment %(year)s published.") % {"year": year})
    return redirect("biodiversity_index:year_detail", year=year)
