"""Project pages: the list, a project, and the forms its lead partner's members use.

Hidden projects are a 404 for whoever may not see them; a visible project that the user may
not edit is a 403 (anonymous users are sent to the login page first). See selectors.py for who
may see and who may edit a project.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.accounts.policy import can_edit, is_city_staff
from tsunagu.core.cache import cached_for_anonymous
from tsunagu.core.models import PublicationStatus, SdgRelation
from tsunagu.partners.apps import CACHE_DOMAIN
from tsunagu.partners.models import Partner
from tsunagu.projects import light, selectors, services
from tsunagu.projects.forms import (
    DeliverableFormSet,
    FigureFormSet,
    ProgressReportForm,
    ProjectFilterForm,
    ProjectForm,
    ResourceFormSet,
    figures_from,
)
from tsunagu.projects.models import Project

PAGE_SIZE = 24


def _light_of(project: Project, now) -> dict:
    colour = selectors.project_light(project, now=now)
    return {"colour": colour, "label": light.LABELS[colour]}


@cached_for_anonymous(CACHE_DOMAIN)
def project_list(request: HttpRequest) -> HttpResponse:
    form = ProjectFilterForm(request.GET or None)
    projects = selectors.project_list(**form.filters()).prefetch_related(
        Prefetch(
            "sdg_relations",
            queryset=SdgRelation.objects.filter(goal__isnull=False).order_by("goal_id"),
            to_attr="goal_relations",
        )
    )
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    for project in page:
        project.light = _light_of(project, now)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "projects/project_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "may_create": request.user.is_authenticated
            and selectors.lead_partner_choices(request.user).exists(),
            "show_overdue": is_city_staff(request.user),
        },
    )


def _visible(request: HttpRequest, slug: str) -> Project:
    try:
        return selectors.project_get(slug=slug, user=request.user)
    except Project.DoesNotExist:
        raise Http404 from None


def _editable(request: HttpRequest, slug: str) -> Project:
    project = _visible(request, slug)
    if not can_edit(request.user, project):
        raise PermissionDenied
    return project


@cached_for_anonymous(CACHE_DOMAIN)
def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    project = _visible(request, slug)
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "light": _light_of(project, timezone.now()),
            "may_edit": can_edit(request.user, project),
            **selectors.project_detail_related(project),
        },
    )


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    if not selectors.lead_partner_choices(request.user).exists():
        raise PermissionDenied
    form = ProjectForm(
        request.POST or None,
        user=request.user,
        initial={"publication": PublicationStatus.PUBLISHED},
    )
    if request.method == "POST" and form.is_valid():
        try:
            project = services.project_create(**form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The project was registered."))
            return redirect("projects:project_detail", slug=project.slug)
    return render(request, "projects/project_form.html", {"form": form, "project": None})


@login_required
def project_edit(request: HttpRequest, slug: str) -> HttpResponse:
    project = _editable(request, slug)
    initial = {
        "title_ja": project.title_ja,
        "title_en": project.title_en,
        "description_ja": project.description_ja,
        "description_en": project.description_en,
        "lead_partner": project.lead_partner,
        "co_partners": list(project.co_partners.all()),
        "goals": list(project.sdg_goals),
        "targets": list(project.sdg_targets),
        "local_targets": list(project.sdg_local_targets),
        "area": project.area,
        "place": project.place,
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
        "status": project.status,
        "indicators": list(project.indicators.all()),
        "publication": project.publication,
    }
    form = ProjectForm(
        request.POST or None,
        user=request.user,
        current_status=project.status,
        current_lead=project.lead_partner,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(project=project, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The project was saved."))
            return redirect("projects:project_detail", slug=project.slug)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


def _row_error(formset, error: services.RowError) -> None:
    formset.forms[error.index].add_error(None, error.messages)


@login_required
def deliverables_edit(request: HttpRequest, slug: str) -> HttpResponse:
    project = _editable(request, slug)
    initial = [
        {"pk": d.pk, "title": d.title, "due_on": d.due_on, "is_done": d.is_done}
        for d in project.deliverables.all()
    ]
    formset = DeliverableFormSet(request.POST or None, initial=initial, prefix="deliverables")
    if request.method == "POST" and formset.is_valid():
        rows = [
            services.DeliverableRow(
                pk=data.get("pk"),
                title=data.get("title", ""),
                due_on=data.get("due_on"),
                is_done=data.get("is_done", False),
                delete=data.get("DELETE", False),
            )
            for data in formset.cleaned_data
            if data
        ]
        try:
            services.deliverables_save(project=project, rows=rows)
        except services.RowError as error:
            _row_error(formset, error)
        else:
            messages.success(request, _("The deliverables were saved."))
            return redirect("projects:project_detail", slug=project.slug)
    return render(
        request, "projects/deliverables_form.html", {"project": project, "formset": formset}
    )


@login_required
def resources_edit(request: HttpRequest, slug: str) -> HttpResponse:
    project = _editable(request, slug)
    partners = (
        Partner.objects.filter(Q(pk=project.lead_partner_id) | Q(co_projects=project))
        .distinct()
        .select_related("organisation")
    )
    initial = [
        {
            "pk": r.pk,
            "kind": r.kind,
            "description": r.description,
            "amount_jpy": r.amount_jpy,
            "person_days": r.person_days,
            "provided_by": r.provided_by,
        }
        for r in project.resources.all()
    ]
    formset = ResourceFormSet(
        request.POST or None,
        initial=initial,
        prefix="resources",
        form_kwargs={"partners": partners},
    )
    if request.method == "POST" and formset.is_valid():
        rows = [
            services.ResourceRow(
                pk=data.get("pk"),
                kind=data.get("kind", ""),
                description=data.get("description", ""),
                amount_jpy=data.get("amount_jpy"),
                person_days=data.get("person_days"),
                provided_by=data.get("provided_by"),
                delete=data.get("DELETE", False),
            )
            for data in formset.cleaned_data
            if data
        ]
        try:
            services.resources_save(project=project, rows=rows)
        except services.RowError as error:
            _row_error(formset, error)
        else:
            messages.success(request, _("The resources were saved."))
            return redirect("projects:project_detail", slug=project.slug)
    return render(request, "projects/resources_form.html", {"project": project, "formset": formset})


@login_required
def report_create(request: HttpRequest, slug: str) -> HttpResponse:
    project = _editable(request, slug)
    form = ProgressReportForm(
        request.POST or None, project=project, reported_years=selectors.report_years(project)
    )
    figures = FigureFormSet(request.POST or None, prefix="figures")
    if request.method == "POST" and form.is_valid() and figures.is_valid():
        try:
            services.progress_report_submit(
                project=project,
                submitted_by=request.user,
                figures=figures_from(figures),
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: the progress report was submitted."))
            return redirect("projects:project_detail", slug=project.slug)
    return render(
        request,
        "projects/report_form.html",
        {"project": project, "form": form, "figures": figures},
    )


@login_required
def reporting_overdue(request: HttpRequest) -> HttpResponse:
    if not is_city_staff(request.user):
        raise PermissionDenied
    projects = list(selectors.reporting_overdue())
    now = timezone.now()
    for project in projects:
        project.light = _light_of(project, now)
    return render(request, "projects/reporting_overdue.html", {"projects": projects})
