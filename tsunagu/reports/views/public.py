"""Published reports: the list, the page of a report's published version, its files.
Staff may preview any generated version with ?version=N."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from tsunagu.core.cache import cached_for_anonymous
from tsunagu.reports.apps import CACHE_DOMAIN
from tsunagu.reports.models import Report, ReportVersion, VersionStatus
from tsunagu.reports.policy import can_edit_reports
from tsunagu.reports.selectors import published_report_list

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@cached_for_anonymous(CACHE_DOMAIN)
def report_list(request):
    return render(
        request,
        "reports/report_list.html",
        {"reports": published_report_list(), "can_edit": can_edit_reports(request.user)},
    )


def _version(request, slug: str) -> ReportVersion:
    report = get_object_or_404(Report, slug=slug)
    wanted = request.GET.get("version")
    if wanted and can_edit_reports(request.user):
        return get_object_or_404(
            ReportVersion.objects.select_related("report"),
            report=report,
            number=wanted,
            status=VersionStatus.DONE,
        )
    if report.published_version_id is None:
        raise Http404
    return report.published_version


@cached_for_anonymous(CACHE_DOMAIN)
def report_page(request, slug: str):
    version = _version(request, slug)
    snapshot = version.snapshot
    language = request.LANGUAGE_CODE if request.LANGUAGE_CODE in ("ja", "en") else "ja"
    if language not in snapshot["report"]["languages"]:
        language = snapshot["report"]["languages"][0]
    return render(
        request,
        "reports/report_page.html",
        {
            "report": version.report,
            "version": version,
            "snapshot": snapshot,
            "lang": language,
            "is_preview": version.report.published_version_id != version.pk,
        },
    )


def report_file(request, slug: str, language: str, extension: str):
    version = _version(request, slug)
    if extension not in CONTENT_TYPES or language not in ("ja", "en"):
        raise Http404
    file = getattr(version, f"{extension}_{language}")
    if not file:
        raise Http404
    response = FileResponse(
        file.open("rb"),
        content_type=CONTENT_TYPES[extension],
        as_attachment=extension == "docx",
        filename=f"{version.report.slug}-v{version.number}-{language}.{extension}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    if version.report.published_version_id != version.pk:
        response["Cache-Control"] = "private, no-store"
    return response
