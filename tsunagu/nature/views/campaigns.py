"""Survey campaign pages: list, detail with map, charts and trends, joining, visit entry and
the results CSV. Who may do what is in selectors/campaigns.py; hidden campaigns are a 404."""

import csv
import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from tsunagu.core.cache import cached_for_anonymous
from tsunagu.nature.caching import CAMPAIGNS_CACHE_DOMAIN
from tsunagu.nature.campaign_trends import ALL_TAXA, Direction
from tsunagu.nature.models import Campaign, SiteKind, Visit
from tsunagu.nature.selectors import campaigns as selectors
from tsunagu.nature.services import campaigns as services
from tsunagu.nature.views.campaign_forms import ChildParticipantForm, VisitForm

VISITS_PER_PAGE = 25
# Credit for the default base map, GSI's pale map (settings.TSUNAGU_BASEMAP_TILES); with
# other tiles, set TSUNAGU_BASEMAP_ATTRIBUTION in the settings as well.
BASEMAP_ATTRIBUTION = '<a href="https://maps.gsi.go.jp/development/ichiran.html">国土地理院</a>'


def _direction_labels() -> dict[str, str]:
    return {
        Direction.INCREASING: _("increasing"),
        Direction.STABLE: _("stable (no clear change)"),
        Direction.DECREASING: pgettext("count trend", "decreasing"),
        Direction.NOT_ENOUGH_DATA: _("not enough data (fewer than 3 seasons)"),
    }


def _visible(request: HttpRequest, slug: str) -> Campaign:
    try:
        return selectors.campaign_get(slug=slug, user=request.user)
    except Campaign.DoesNotExist:
        raise Http404 from None


@cached_for_anonymous(CAMPAIGNS_CACHE_DOMAIN)
def campaign_list(request: HttpRequest) -> HttpResponse:
    campaigns = list(selectors.campaign_list(user=request.user))
    for campaign in campaigns:
        campaign.public_organisers = [p for p in campaign.organisers.all() if p.is_published]
    return render(request, "nature/campaigns/campaign_list.html", {"campaigns": campaigns})


def _map_data(campaign: Campaign) -> dict:
    features = []
    for site in campaign.sites.all():
        properties = {"code": site.code, "name": site.name, "kind": site.get_kind_display()}
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [site.longitude, site.latitude]},
                "properties": properties,
            }
        )
        if site.kind == SiteKind.TRANSECT and len(site.path) >= 2:
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": site.path},
                    "properties": properties,
                }
            )
    return {
        "type": "FeatureCollection",
        "features": features,
        "tiles": settings.TSUNAGU_BASEMAP_TILES,
        "attribution": getattr(settings, "TSUNAGU_BASEMAP_ATTRIBUTION", BASEMAP_ATTRIBUTION),
    }


def _taxon_choices(taxa) -> list[dict]:
    return [{"key": ALL_TAXA, "label": _("All target taxa together")}] + [
        {"key": str(t.pk), "label": t.common_name or t.scientific_name} for t in taxa
    ]


def _chart_data(results: dict, sites, taxa) -> dict:
    current = results["current_year"]
    return {
        "taxa": _taxon_choices(taxa),
        "sites": [{"code": s.code, "name": s.name} for s in sites],
        "years": results["years"],
        "current_year": current,
        "seasons": results["seasons"],
        "nights": [
            {**n, "date": n["date"].isoformat()}
            for n in results["nights"]
            if n["date"].year == current
        ],
        "labels": {
            "mean": _("Mean count per visit"),
            "total": _("Total count in the season"),
            "night": _("Count per night"),
        },
    }


def _trend_rows(results: dict, sites, taxa) -> list[dict]:
    site_names = {s.code: s.name for s in sites}
    taxon_names = {c["key"]: c["label"] for c in _taxon_choices(taxa)}
    labels = _direction_labels()
    return [
        {
            "site": site_names.get(row["site"], row["site"]),
            "taxon": taxon_names.get(row["taxon"], row["taxon"]),
            "trend": row["trend"],
            "label": labels[row["trend"].direction],
        }
        for row in results["trends"]
    ]


def _season(campaign: Campaign) -> str:
    start, end = campaign.season_start_month, campaign.season_end_month
    if not start:
        return ""
    if not end or end == start:
        return str(MONTHS[start])
    return f"{MONTHS[start]} – {MONTHS[end]}"


@cached_for_anonymous(CAMPAIGNS_CACHE_DOMAIN)
def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _visible(request, slug)
    sites = list(campaign.sites.all())
    taxa = selectors.campaign_targets(campaign)
    results = selectors.campaign_results(campaign)
    visits = Paginator(selectors.campaign_visits(campaign), VISITS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    for visit in visits:
        visit.may_edit = selectors.visit_can_edit(user=request.user, visit=visit)
    return render(
        request,
        "nature/campaigns/campaign_detail.html",
        {
            "campaign": campaign,
            "season": _season(campaign),
            "sites": sites,
            "taxa": taxa,
            "organisers": [p for p in campaign.organisers.all() if p.is_published],
            "participant_total": selectors.campaign_participant_total(campaign),
            "mine": selectors.campaign_participants_of(campaign=campaign, user=request.user),
            "may_record": selectors.campaign_can_record(user=request.user, campaign=campaign),
            "visits": visits,
            "trend_rows": _trend_rows(results, sites, taxa),
            "years": results["years"],
            "chart": _chart_data(results, sites, taxa),
            "map": _map_data(campaign),
        },
    )


@login_required
def campaign_join(request: HttpRequest, slug: str) -> HttpResponse:
    """Join yourself, register a child (with a guardian's consent), or withdraw a record."""
    campaign = _visible(request, slug)
    child_form = ChildParticipantForm(
        request.POST if request.POST.get("action") == "child" else None,
        initial={"guardian_name": request.user.full_name},
    )
    self_errors: list[str] = []
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "self":
                services.campaign_participant_add(campaign=campaign, user=request.user)
                messages.success(request, _("Thank you for joining the survey."))
                return redirect("nature:campaign_detail", slug=campaign.slug)
            if action == "child" and child_form.is_valid():
                services.campaign_participant_add(
                    campaign=campaign, user=request.user, is_child=True, **child_form.cleaned_data
                )
                messages.success(request, _("The child was registered for the survey."))
                return redirect("nature:campaign_detail", slug=campaign.slug)
            if action == "leave":
                participant = campaign.participants.filter(
                    user=request.user, pk=request.POST.get("participant") or 0
                ).first()
                if participant is None:
                    raise Http404
                services.campaign_participant_remove(participant=participant)
                messages.success(request, _("The participation was withdrawn."))
                return redirect("nature:campaign_join", slug=campaign.slug)
        except ValidationError as error:
            if action == "child":
                child_form.add_error(None, error)
            else:
                self_errors = error.messages
    return render(
        request,
        "nature/campaigns/campaign_join.html",
        {
            "campaign": campaign,
            "child_form": child_form,
            "self_errors": self_errors,
            "mine": selectors.campaign_participants_of(campaign=campaign, user=request.user),
        },
    )


def _recordable(request: HttpRequest, slug: str) -> Campaign:
    campaign = _visible(request, slug)
    if not selectors.campaign_can_record(user=request.user, campaign=campaign):
        raise PermissionDenied
    return campaign


def _editable(request: HttpRequest, slug: str, pk: int) -> tuple[Campaign, Visit]:
    campaign = _visible(request, slug)
    try:
        visit = selectors.visit_get(campaign=campaign, pk=pk)
    except Visit.DoesNotExist:
        raise Http404 from None
    if not selectors.visit_can_edit(user=request.user, visit=visit):
        raise PermissionDenied
    return campaign, visit


@login_required
def visit_create(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _recordable(request, slug)
    taxa = selectors.campaign_targets(campaign)
    form = VisitForm(
        request.POST or None,
        campaign=campaign,
        taxa=taxa,
        initial={"date": timezone.localdate(), "observers_count": 1, "is_complete_checklist": True},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_create(
                campaign=campaign, recorded_by=request.user, **form.service_kwargs()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The visit and its counts were saved."))
            return redirect("nature:campaign_detail", slug=campaign.slug)
    return render(
        request,
        "nature/campaigns/visit_form.html",
        {"campaign": campaign, "form": form, "visit": None},
    )


@login_required
def visit_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    campaign, visit = _editable(request, slug, pk)
    taxa = selectors.campaign_targets(campaign)
    form = VisitForm(
        request.POST or None, campaign=campaign, taxa=taxa, initial=VisitForm.initial_of(visit)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_update(visit=visit, **form.service_kwargs())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The visit was saved."))
            return redirect("nature:campaign_detail", slug=campaign.slug)
    return render(
        request,
        "nature/campaigns/visit_form.html",
        {"campaign": campaign, "form": form, "visit": visit},
    )


@login_required
@require_POST
def visit_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    campaign, visit = _editable(request, slug, pk)
    services.visit_delete(visit=visit)
    messages.success(request, _("The visit was deleted."))
    return redirect("nature:campaign_detail", slug=campaign.slug)


def _csv_text(value: object) -> str:
    """Keeps spreadsheets from running free text as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


CSV_COLUMNS = [
    "campaign",
    "event_id",
    "site_code",
    "site_name",
    "site_kind",
    "latitude",
    "longitude",
    "transect_length_m",
    "date",
    "start_time",
    "end_time",
    "duration_min",
    "observers",
    "weather",
    "temperature_c",
    "moon",
    "artificial_light",
    "protocol_variant",
    "complete_checklist",
    "scientific_name",
    "common_name_ja",
    "count",
    "sub_counts",
    "count_inferred_zero",
    "occurrence_id",
    "notes",
]


def _duration(visit: Visit) -> int | str:
    if not (visit.start_time and visit.end_time):
        return ""
    start = datetime.datetime.combine(visit.date, visit.start_time)
    end = datetime.datetime.combine(visit.date, visit.end_time)
    return int((end - start).total_seconds() // 60)


def results_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """One row per visit × taxon with the effort, zeros included.

    UTF-8 with a byte order mark: Excel in Japan opens a CSV without one as Shift_JIS and
    garbles the Japanese site names; pandas (encoding="utf-8-sig"), R and LibreOffice read the
    mark. Column names are fixed English identifiers so that scripts do not depend on the
    page's language; choice columns hold their codes (e.g. weather "clear").
    """
    campaign = _visible(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{campaign.slug}-results.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in selectors.campaign_count_rows(campaign):
        visit, site = row.visit, row.visit.site
        writer.writerow(
            [
                campaign.slug,
                visit.event_id,
                site.code,
                _csv_text(site.name_ja or site.name),
                site.kind,
                site.latitude,
                site.longitude,
                site.length_m if site.length_m is not None else "",
                visit.date.isoformat(),
                visit.start_time.strftime("%H:%M") if visit.start_time else "",
                visit.end_time.strftime("%H:%M") if visit.end_time else "",
                _duration(visit),
                visit.observers_count,
                visit.weather,
                visit.temperature_c if visit.temperature_c is not None else "",
                visit.moon,
                visit.artificial_light,
                _csv_text(visit.protocol_variant),
                "true" if visit.is_complete_checklist else "false",
                row.taxon.scientific_name,
                _csv_text(row.taxon.common_name_ja or row.taxon.common_name),
                "" if row.count is None else row.count,
                " ".join(map(str, row.sub_counts)),
                "true" if row.inferred else "false",
                row.occurrence_id,
                _csv_text(visit.notes),
            ]
        )
    return response
