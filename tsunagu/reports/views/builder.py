"""The report builder for city staff: create from a template, edit sections, generate
versions (with progress), compare them, move through review and publish."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.core.tasks import QueueUnavailableError
from tsunagu.reports.forms import ReportCreateForm, SectionAddForm, SectionForm
from tsunagu.reports.models import Report, ReportVersion, Section, SectionKind
from tsunagu.reports.policy import can_edit_reports
from tsunagu.reports.selectors import report_list_for_staff
from tsunagu.reports.services import reports as services
from tsunagu.reports.services.generation import report_generate, versions_compare
from tsunagu.reports.services.templates import report_create_from_template


def _staff(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not can_edit_reports(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@_staff
def builder_home(request):
    form = ReportCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = report_create_from_template(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("The report has been created from its template."))
            return redirect("reports:builder_report", report.slug)
    return render(
        request, "reports/builder_home.html", {"reports": report_list_for_staff(), "form": form}
    )


@_staff
def builder_report(request, slug: str):
    report = get_object_or_404(Report, slug=slug)
    versions = list(report.versions.all())
    return render(
        request,
        "reports/builder_report.html",
        {
            "report": report,
            "sections": report.sections.all(),
            "versions": versions,
            "add_form": SectionAddForm(),
            "running": any(v.status in ("queued", "running") for v in versions),
        },
    )


@_staff
def section_edit(request, slug: str, pk: int):
    section = get_object_or_404(Section, pk=pk, report__slug=slug)
    initial = {
        "heading_ja": section.heading_ja,
        "heading_en": section.heading_en,
        "body_ja": section.body_ja,
        "body_en": section.body_en,
    }
    form = SectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_update(section=section, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Section saved."))
            return redirect("reports:builder_report", slug)
    return render(
        request,
        "reports/section_edit.html",
        {"report": section.report, "section": section, "form": form},
    )


@_staff
@require_POST
def section_add(request, slug: str):
    report = get_object_or_404(Report, slug=slug)
    form = SectionAddForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        params = {"goal": data["goal"]} if data["block"] == "goal_detail" else {}
        try:
            services.section_add(
                report=report,
                by=request.user,
                kind=data["kind"],
                block=data["block"] if data["kind"] == SectionKind.BLOCK else "",
                params=params,
                heading_ja=data["heading_ja"],
                heading_en=data["heading_en"],
                body_ja=data["body_ja"],
                body_en=data["body_en"],
            )
            messages.success(request, _("Section added."))
        except ValidationError as error:
            _errors(request, error)
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("reports:builder_report", slug)


@_staff
@require_POST
def section_action(request, slug: str, pk: int):
    section = get_object_or_404(Section, pk=pk, report__slug=slug)
    action = request.POST.get("action")
    if action == "delete":
        services.section_delete(section=section, by=request.user)
        messages.success(request, _("Section removed."))
    elif action in ("up", "down"):
        services.section_move(section=section, by=request.user, offset=-1 if action == "up" else 1)
    return redirect("reports:builder_report", slug)


@_staff
@require_POST
def report_action(request, slug: str):
    report = get_object_or_404(Report, slug=slug)
    action = request.POST.get("action", "")
    try:
        if action == "generate":
            version = report_generate(report=report, by=request.user)
            messages.success(
                request, _("Version %(number)d is being generated.") % {"number": version.number}
            )
        elif action == "publish":
            version = get_object_or_404(
                ReportVersion, report=report, pk=request.POST.get("version")
            )
            services.report_publish(report=report, version=version, by=request.user)
            messages.success(
                request, _("Version %(number)d is published.") % {"number": version.number}
            )
        elif action in ("draft", "in_review"):
            services.report_status_set(report=report, by=request.user, status=action)
            messages.success(request, _("Status changed."))
    except ValidationError as error:
        _errors(request, error)
    except QueueUnavailableError as error:
        messages.error(request, str(error))
    return redirect("reports:builder_report", slug)


@_staff
def version_progress(request, slug: str, number: int):
    """The htmx fragment polled while a version generates."""
    version = get_object_or_404(ReportVersion, report__slug=slug, number=number)
    return render(
        request, "reports/_version_row.html", {"version": version, "report": version.report}
    )


@_staff
def versions_diff(request, slug: str):
    report = get_object_or_404(Report, slug=slug)
    older = get_object_or_404(ReportVersion, report=report, number=request.GET.get("a"))
    newer = get_object_or_404(ReportVersion, report=report, number=request.GET.get("b"))
    language = request.LANGUAGE_CODE if request.LANGUAGE_CODE in ("ja", "en") else "ja"
    return render(
        request,
        "reports/compare.html",
        {
            "report": report,
            "older": older,
            "newer": newer,
            "changes": versions_compare(older, newer),
            "lang": language,
        },
    )
