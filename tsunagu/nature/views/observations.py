"""Observation pages: list, detail (identify, flag), submission, my observations, moderation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.core.cache import cached_for_anonymous
from tsunagu.nature import policy
from tsunagu.nature.caching import CACHE_DOMAIN, cached_observation_page
from tsunagu.nature.models import (
    LICENCE_URLS,
    Flag,
    FlagStatus,
    Observation,
    ObservationPhoto,
    QualityGrade,
)
from tsunagu.nature.selectors import observations as selectors
from tsunagu.nature.services import observations as services
from tsunagu.nature.services.geoprivacy import CELL_DEGREES, cell_bounds
from tsunagu.nature.views.observations_forms import (
    FlagForm,
    FlagResolveForm,
    IdentificationForm,
    ObservationFilterForm,
    ObservationForm,
)

PAGE_SIZE = 24


def _observation_or_404(request: HttpRequest, uuid) -> Observation:
    try:
        return selectors.observation_get(user=request.user, uuid=uuid)
    except Observation.DoesNotExist:
        raise Http404 from None


def _page(request: HttpRequest, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _cards(request: HttpRequest, page) -> list[dict]:
    return [
        {"observation": o, "location": selectors.observation_location_for(request.user, o)}
        for o in page
    ]


@cached_for_anonymous(CACHE_DOMAIN)
def observation_list(request: HttpRequest) -> HttpResponse:
    form = ObservationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    observations = selectors.observation_list(
        user=request.user,
        taxon=filters.get("taxon"),
        grade=filters.get("grade") or None,
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )
    page = _page(request, observations)
    query = {k: v for k, v in request.GET.items() if k != "page" and v}
    return render(
        request,
        "nature/observations/observation_list.html",
        {
            "form": form,
            "page": page,
            "cards": _cards(request, page),
            "query": urlencode(query),
            "filtered": bool(query),
        },
    )


@login_required
def observation_mine(request: HttpRequest) -> HttpResponse:
    page = _page(request, selectors.observation_list(user=request.user, observer=request.user))
    return render(
        request,
        "nature/observations/observation_mine.html",
        {"page": page, "cards": _cards(request, page), "query": ""},
    )


def _detail(request: HttpRequest, observation: Observation, **forms) -> HttpResponse:
    user = request.user
    location = selectors.observation_location_for(user, observation)
    missing = selectors.observation_quality_missing(observation)
    cell = None
    if location.generalised and not location.is_true and location.latitude is not None:
        cell = ",".join(f"{v:.1f}" for v in cell_bounds(location.latitude, location.longitude))
    context = {
        "cell": cell,
        "observation": observation,
        "photos": observation.visible_photos,
        "location": location,
        "cell_degrees": CELL_DEGREES,
        "identifications": selectors.identification_timeline(observation),
        "missing": missing,
        "licence_url": LICENCE_URLS.get(observation.licence),
        "may_identify": policy.can_identify(user, observation),
        "may_flag": policy.can_flag(user, observation),
        "my_identification": selectors.current_identification_of(observation, user),
        "identification_form": forms.get("identification_form") or IdentificationForm(),
        "flag_form": forms.get("flag_form") or FlagForm(),
        "is_research": observation.quality_grade == QualityGrade.RESEARCH,
    }
    return render(request, "nature/observations/observation_detail.html", context)


@cached_observation_page
def observation_detail(request: HttpRequest, uuid) -> HttpResponse:
    return _detail(request, _observation_or_404(request, uuid))


@login_required
def observation_create(request: HttpRequest) -> HttpResponse:
    form = ObservationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            observation = services.observation_create(
                observer=request.user,
                photos=data["photos"],
                observed_at=data["observed_at"],
                latitude=data["latitude"],
                longitude=data["longitude"],
                uncertainty_m=data["uncertainty_m"],
                count=data["count"],
                life_stage=data["life_stage"] or "",
                is_cultivated=data["is_cultivated"],
                notes=data["notes"],
                licence=data["licence"],
                taxon=data["taxon"],
                locality=data["locality"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: your observation has been published."))
            return redirect("nature:observation_detail", uuid=observation.uuid)
    return render(
        request,
        "nature/observations/observation_form.html",
        {"form": form, "cell_degrees": CELL_DEGREES},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def identification_create(request: HttpRequest, uuid) -> HttpResponse:
    observation = _observation_or_404(request, uuid)
    form = IdentificationForm(request.POST)
    if form.is_valid():
        try:
            services.identification_add(
                observation=observation,
                user=request.user,
                taxon=form.cleaned_data["taxon"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your identification has been added."))
            return redirect(f"{observation_url(observation)}#identifications")
    return _detail(request, _observation_or_404(request, uuid), identification_form=form)


@login_required
@require_POST
def identification_withdraw(request: HttpRequest, uuid, pk: int) -> HttpResponse:
    """The author takes back their identification: it stays in the timeline, no longer votes."""
    observation = _observation_or_404(request, uuid)
    identification = get_object_or_404(observation.identifications, pk=pk, is_current=True)
    services.identification_withdraw(identification=identification, user=request.user)
    messages.success(request, _("Your identification has been withdrawn."))
    return redirect(f"{observation_url(observation)}#identifications")


def observation_url(observation: Observation) -> str:
    return reverse("nature:observation_detail", kwargs={"uuid": observation.uuid})


@login_required
@require_POST
def flag_create(request: HttpRequest, uuid) -> HttpResponse:
    observation = _observation_or_404(request, uuid)
    form = FlagForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        photo = identification = None
        if data["photo"]:
            photo = observation.photos.filter(pk=data["photo"]).first()
        if data["identification"]:
            identification = observation.identifications.filter(pk=data["identification"]).first()
        try:
            services.flag_create(
                user=request.user,
                observation=observation,
                reason=data["reason"],
                comment=data["comment"],
                photo=photo,
                identification=identification,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: a moderator will look at it."))
            return redirect(observation_url(observation))
    return _detail(request, _observation_or_404(request, uuid), flag_form=form)


def observation_photo(request: HttpRequest, uuid, pk: int) -> FileResponse:
    """The public copy (no EXIF); photos removed by a moderator only for the observer and
    staff."""
    observation = _observation_or_404(request, uuid)
    photo = get_object_or_404(ObservationPhoto, pk=pk, observation=observation)
    removed = photo.flags.filter(status=FlagStatus.UPHELD).exists()
    if removed and not (
        policy.is_observer(request.user, observation) or policy.can_moderate(request.user)
    ):
        raise Http404
    try:
        handle = photo.image.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600" if removed else "public, max-age=86400"
    return response


def _moderator(request: HttpRequest):
    if not request.user.is_authenticated:
        return None
    if not policy.can_moderate(request.user):
        raise PermissionDenied
    return request.user


def moderation_queue(request: HttpRequest) -> HttpResponse:
    if _moderator(request) is None:
        return redirect_to_login(request.get_full_path())
    return render(
        request,
        "nature/observations/moderation.html",
        {
            "flags": selectors.flag_queue(),
            "resolved": selectors.flag_recent_resolved(),
        },
    )


@require_POST
def flag_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    moderator = _moderator(request)
    if moderator is None:
        return redirect_to_login(request.get_full_path())
    flag = get_object_or_404(Flag, pk=pk)
    form = FlagResolveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to uphold or dismiss the flag."))
        return redirect("nature:moderation")
    try:
        services.flag_resolve(
            flag=flag,
            moderator=moderator,
            uphold=form.cleaned_data["decision"] == "uphold",
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The flag has been resolved."))
    return redirect("nature:moderation")
