"""Partner registry pages: directory, profiles, the public application, the staff queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.accounts.models import OrganisationKind
from tsunagu.accounts.policy import can_edit, can_view, is_city_staff
from tsunagu.core.cache import cached_for_anonymous
from tsunagu.partners import selectors, services
from tsunagu.partners.apps import CACHE_DOMAIN
from tsunagu.partners.forms import (
    IntroductionRequestForm,
    PartnerApplicationForm,
    PartnerProfileForm,
    PartnerReviewForm,
)
from tsunagu.partners.models import Partner
from tsunagu.partners.open_data import open_data_zip


@cached_for_anonymous(CACHE_DOMAIN)
def partner_list(request):
    goal = request.GET.get("goal")
    kind = request.GET.get("kind")
    partners = selectors.partner_list(
        user=request.user,
        goal=int(goal) if goal and goal.isdigit() else None,
        kind=kind or None,
    )
    return render(
        request,
        "partners/partner_list.html",
        {
            "partners": partners,
            "kinds": OrganisationKind.choices,
            "selected_kind": kind,
            "selected_goal": goal,
        },
    )


def _visible_partner(request, slug: str) -> Partner:
    partner = get_object_or_404(
        Partner.objects.select_related("organisation"), organisation__slug=slug
    )
    if not can_view(request.user, partner):
        raise Http404
    return partner


@cached_for_anonymous(CACHE_DOMAIN)
def partner_detail(request, slug: str):
    partner = _visible_partner(request, slug)
    return render(
        request,
        "partners/partner_detail.html",
        {
            "partner": partner,
            "projects": selectors.partner_projects(partner=partner, user=request.user),
            "may_edit": can_edit(request.user, partner),
            "show_contact": is_city_staff(request.user),
        },
    )


def partner_apply(request):
    form = PartnerApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if not k.startswith("accept_")}
        services.partner_apply(**data)
        return render(
            request, "partners/application_received.html", {"email": data["contact_email"]}
        )
    return render(request, "partners/application_form.html", {"form": form})


@login_required
def review_queue(request):
    if not is_city_staff(request.user):
        raise PermissionDenied
    return render(
        request, "partners/review_queue.html", {"applications": selectors.application_queue()}
    )


@login_required
def partner_review(request, slug: str):
    if not is_city_staff(request.user):
        raise PermissionDenied
    partner = get_object_or_404(
        Partner.objects.select_related("organisation"), organisation__slug=slug
    )
    form = PartnerReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "approve":
                services.partner_approve(partner=partner, reviewer=request.user, request=request)
                messages.success(request, _("%(name)s is approved.") % {"name": partner})
            else:
                services.partner_reject(
                    partner=partner, reviewer=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("%(name)s is rejected.") % {"name": partner})
        except services.PartnerWorkflowError as error:
            messages.error(request, str(error))
        return redirect("partners:review_queue")
    return render(request, "partners/partner_review.html", {"partner": partner, "form": form})


@login_required
def partner_edit(request, slug: str):
    partner = _visible_partner(request, slug)
    if not can_edit(request.user, partner):
        raise PermissionDenied
    organisation = partner.organisation
    initial = {
        "description_ja": organisation.description_ja,
        "description_en": organisation.description_en,
        "website": organisation.website,
        "goals": list(organisation.sdg_goals),
        "offers": partner.offers,
        "needs": partner.needs,
        "sector": partner.sector,
        "offer_tags": partner.offer_tags,
        "need_tags": partner.need_tags,
        "tags": partner.tags,
        "matchmaking_opt_in": partner.matchmaking_opt_in,
    }
    form = PartnerProfileForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.partner_profile_update(partner=partner, **form.cleaned_data)
        messages.success(request, _("The profile was saved."))
        return redirect("partners:partner_detail", slug=slug)
    return render(request, "partners/partner_form.html", {"partner": partner, "form": form})


def open_data(request):
    """Open data ZIP: public partner profiles, events and attendance counts; no personal data."""
    response = HttpResponse(open_data_zip(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="imagine-kanazawa-2030-open-data.zip"'
    return response


def _own_partner(request, slug: str) -> Partner:
    """A partner whose private tools (matches, introductions) the user may use."""
    partner = _visible_partner(request, slug)
    if not can_edit(request.user, partner):
        raise PermissionDenied
    return partner


@login_required
def partner_matches(request, slug: str):
    partner = _own_partner(request, slug)
    return render(
        request,
        "partners/matches.html",
        {
            "partner": partner,
            "subject": partner,
            "matches": selectors.partner_matches(partner=partner),
            "form": IntroductionRequestForm(),
        },
    )


@login_required
def project_matches(request, slug: str):
    from tsunagu.projects.models import Project

    project = get_object_or_404(
        Project.objects.select_related("lead_partner__organisation"), slug=slug
    )
    if not can_view(request.user, project):
        raise Http404
    if not can_edit(request.user, project):
        raise PermissionDenied
    return render(
        request,
        "partners/matches.html",
        {
            "partner": project.lead_partner,
            "subject": project,
            "project": project,
            "matches": selectors.project_matches(project=project),
            "form": IntroductionRequestForm(),
        },
    )


@login_required
@require_POST
def introduction_request(request, slug: str, other: str):
    partner = _own_partner(request, slug)
    to_partner = get_object_or_404(
        Partner.objects.select_related("organisation"), organisation__slug=other
    )
    project = None
    if request.POST.get("project"):
        from tsunagu.projects.models import Project

        project = get_object_or_404(Project, slug=request.POST["project"], lead_partner=partner)
    form = IntroductionRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The message is too long."))
    else:
        try:
            services.introduction_request_create(
                from_partner=partner,
                to_partner=to_partner,
                project=project,
                requested_by=request.user,
                message=form.cleaned_data["message"],
            )
        except services.PartnerWorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("We asked the secretariat to introduce you to %(name)s.") % {"name": to_partner},
            )
    if project is not None:
        return redirect("partners:project_matches", slug=project.slug)
    return redirect("partners:partner_matches", slug=slug)


def council(request):
    return render(
        request,
        "partners/council.html",
        {
            "members": selectors.council_members(),
            "former_members": selectors.council_former_members(),
        },
    )
