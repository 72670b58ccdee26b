"""Visitor statistics pages: overview, crowding (staff set thresholds there), CSV, staff import."""

import csv
import io
import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tsunagu.accounts.policy import is_city_staff
from tsunagu.core.cache import cached_for_anonymous
from tsunagu.core.models import Area
from tsunagu.indicators.apps import CACHE_DOMAIN as INDICATORS_CACHE_DOMAIN
from tsunagu.indicators.importers.base import ImportFileError
from tsunagu.tourism_stats import charts, selectors, services
from tsunagu.tourism_stats.apps import CACHE_DOMAIN
from tsunagu.tourism_stats.forms import CrowdingThresholdForm, VisitorStatisticsUploadForm
from tsunagu.tourism_stats.models import Measure, MonthlyFigure, VisitorImport
from tsunagu.web.apps import CACHE_DOMAIN as CITY_CACHE_DOMAIN


def _area(request: HttpRequest) -> Area | None:
    code = request.GET.get("area")
    if code:
        return get_object_or_404(Area, code=code)
    return selectors.default_area()


@cached_for_anonymous(CACHE_DOMAIN, INDICATORS_CACHE_DOMAIN, CITY_CACHE_DOMAIN)
def overview(request: HttpRequest) -> HttpResponse:
    area = _area(request)
    context: dict = {"area": area, "areas": selectors.areas_with_figures(), "rows": []}
    if area is not None:
        rows = selectors.monthly_rows(area)
        years = selectors.years_of(area)
        year = years[-1] if years else None
        context.update(
            rows=rows,
            year=year,
            is_demo=selectors.has_demo_figures(area),
            indicators=selectors.indicator_values(area),
            countries=selectors.breakdown(area, year, Measure.STAYS_FOREIGN_COUNTRY)
            if year
            else [],
            attractions=selectors.breakdown(area, year, Measure.ATTRACTION_VISITS) if year else [],
            chart=charts.monthly_chart(rows),
            sources=sorted(
                set(
                    MonthlyFigure.objects.filter(area=area)
                    .exclude(source="")
                    .values_list("source", flat=True)
                )
            ),
        )
    context["can_import"] = is_city_staff(request.user)
    return render(request, "tourism_stats/overview.html", context)


def crowding_view(request: HttpRequest) -> HttpResponse:
    area = _area(request)
    staff = is_city_staff(request.user)
    form = None
    if area is not None and staff:
        data = request.POST if request.method == "POST" else None
        threshold = area.crowding_threshold if hasattr(area, "crowding_threshold") else None
        initial = (
            {"warning": threshold.warning, "critical": threshold.critical} if threshold else {}
        )
        form = CrowdingThresholdForm(data, initial=initial)
        if data is not None and form.is_valid():
            services.crowding_threshold_set(area=area, user=request.user, **form.cleaned_data)
            messages.success(request, _("Crowding thresholds saved."))
            return redirect(f"{reverse('tourism_stats:crowding')}?area={area.code}")
    elif request.method == "POST":
        raise PermissionDenied
    result = selectors.crowding(area) if area is not None else None
    return render(
        request,
        "tourism_stats/crowding.html",
        {
            "area": area,
            "areas": selectors.areas_with_figures(),
            "crowding": result,
            "by_area": selectors.crowding_by_area(),
            "chart": charts.crowding_chart(result) if result else None,
            "form": form,
            "is_demo": area is not None and selectors.has_demo_figures(area),
            "months": range(1, 13),
        },
    )


CSV_HEADER = ["area", "year", "month", "measure", "category", "value", "source", "is_demo"]


def download_csv(request: HttpRequest) -> HttpResponse:
    """Every stored figure, in the format the importer reads (plus is_demo)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for figure in MonthlyFigure.objects.select_related("area").iterator():
        writer.writerow(
            [
                figure.area.code,
                figure.year,
                figure.month,
                figure.measure,
                figure.category,
                f"{figure.value:g}",
                figure.source,
                int(figure.is_demo),
            ]
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="visitor-statistics.csv"'
    return response


@login_required
def staff_import(request: HttpRequest) -> HttpResponse:
    if not is_city_staff(request.user):
        raise PermissionDenied
    errors: ImportFileError | None = None
    form = VisitorStatisticsUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / f"upload{suffix}"
            with path.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
            try:
                summary = services.visitor_statistics_import(
                    path=path, file_name=upload.name, user=request.user
                )
            except ImportFileError as error:
                errors = error
            else:
                messages.success(request, str(summary))
                return redirect("tourism_stats:staff_import")
    return render(
        request,
        "tourism_stats/import.html",
        {
            "form": form,
            "errors": errors,
            "imports": VisitorImport.objects.select_related("imported_by")[:20],
            "measures": Measure.choices,
        },
    )
