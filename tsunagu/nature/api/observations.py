"""Observations API: read (public coordinates unless the caller may see the true ones),
submit (multipart) and identify."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, File, Form, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.responses import Status

from tsunagu.accounts.api_auth import SESSION_OR_TOKEN, request_user
from tsunagu.core.api_common import PageNumber
from tsunagu.core.cache import cached_for_anonymous
from tsunagu.nature.caching import CACHE_DOMAIN
from tsunagu.nature.models import LICENCE_URLS, Observation, Taxon
from tsunagu.nature.selectors import observations as selectors
from tsunagu.nature.services import observations as services

router = Router(tags=["nature"])
MAX_PAGE_SIZE = 100


class TaxonRef(Schema):
    id: int
    scientific_name: str
    common_name: str
    rank: str


class PhotoOut(Schema):
    url: str
    width: int
    height: int


class IdentificationOut(Schema):
    id: int
    taxon: TaxonRef
    identifier: str
    by_expert: bool
    is_current: bool
    comment: str
    created_at: datetime


class ObservationOut(Schema):
    uuid: str
    occurrence_id: str
    url: str
    observed_at: datetime | None
    latitude: float | None
    longitude: float | None
    uncertainty_m: int | None
    location_generalised: bool = Field(
        description="The public location is a random point in the 0.2° cell of the true one."
    )
    coordinates_are_true: bool = Field(
        description="True only for the observer, city staff and trusted researchers."
    )
    taxon: TaxonRef | None
    community_taxon: TaxonRef | None
    quality_grade: str
    count: int | None
    life_stage: str
    is_cultivated: bool
    licence: str
    licence_url: str | None
    observer: str
    photos: list[PhotoOut]


class ObservationDetailOut(ObservationOut):
    notes: str
    locality: str
    identifications: list[IdentificationOut]


class ObservationPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ObservationOut]


class IdentificationIn(Schema):
    taxon_id: int
    comment: str = Field("", max_length=2000)


class ErrorOut(Schema):
    detail: str
    errors: list[str] = []


def _taxon(taxon: Taxon | None) -> dict | None:
    if taxon is None:
        return None
    return {
        "id": taxon.pk,
        "scientific_name": taxon.scientific_name,
        "common_name": taxon.common_name or "",
        "rank": taxon.rank,
    }


def _photos(request: HttpRequest, observation: Observation) -> list[dict]:
    photos = getattr(observation, "visible_photos", None)
    if photos is None:
        photos = list(selectors.public_photos(observation))
    return [
        {
            "url": request.build_absolute_uri(
                reverse(
                    "nature:observation_photo",
                    kwargs={"uuid": observation.uuid, "pk": photo.pk},
                )
            ),
            "width": photo.width,
            "height": photo.height,
        }
        for photo in photos
    ]


def _observation(request: HttpRequest, user, observation: Observation) -> dict:
    location = selectors.observation_location_for(user, observation)
    return {
        "uuid": str(observation.uuid),
        "occurrence_id": observation.occurrence_id,
        "url": request.build_absolute_uri(
            reverse("nature:observation_detail", kwargs={"uuid": observation.uuid})
        ),
        "observed_at": observation.observed_at,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "uncertainty_m": location.uncertainty_m,
        "location_generalised": location.generalised,
        "coordinates_are_true": location.is_true,
        "taxon": _taxon(observation.taxon),
        "community_taxon": _taxon(observation.community_taxon),
        "quality_grade": observation.quality_grade,
        "count": observation.count,
        "life_stage": observation.life_stage,
        "is_cultivated": observation.is_cultivated,
        "licence": observation.licence,
        "licence_url": LICENCE_URLS.get(observation.licence),
        "observer": (
            str(observation.observer.public_name)
            if observation.observer
            else observation.recorded_by
        ),
        "photos": _photos(request, observation),
    }


def _detail(request: HttpRequest, user, observation: Observation) -> dict:
    return {
        **_observation(request, user, observation),
        "notes": observation.notes,
        "locality": observation.locality,
        "identifications": [
            {
                "id": i.pk,
                "taxon": _taxon(i.taxon),
                "identifier": str(i.user.public_name),
                "by_expert": i.by_expert,
                "is_current": i.is_current,
                "comment": i.comment,
                "created_at": i.created_at,
            }
            for i in selectors.identification_timeline(observation)
            if not i.is_removed
        ],
    }


def _get(user, uuid: str) -> Observation:
    try:
        return selectors.observation_get(user=user, uuid=uuid)
    except (Observation.DoesNotExist, ValueError, ValidationError):
        raise HttpError(404, "Observation not found.") from None


@router.get("/observations", response={200: ObservationPage, 400: ErrorOut})
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def observation_list(
    request: HttpRequest,
    taxon_id: int | None = None,
    grade: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    page: PageNumber = 1,
    page_size: int = 50,
):
    """Observations, newest first. Coordinates are the public ones (generalised for
    sensitive species) unless the caller is the observer, city staff or a trusted
    researcher."""
    user = request_user(request)
    taxon = Taxon.objects.filter(pk=taxon_id).first() if taxon_id else None
    if taxon_id and taxon is None:
        raise HttpError(400, "Unknown taxon_id.")
    queryset = selectors.observation_list(
        user=user, taxon=taxon, grade=grade, date_from=date_from, date_to=date_to
    )
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    page = max(1, page)
    start = (page - 1) * page_size
    return {
        "count": queryset.count(),
        "page": page,
        "page_size": page_size,
        "results": [_observation(request, user, o) for o in queryset[start : start + page_size]],
    }


@router.get("/observations/{uuid}", response=ObservationDetailOut)
def observation_detail(request: HttpRequest, uuid: str):
    user = request_user(request)
    return _detail(request, user, _get(user, uuid))


@router.post(
    "/observations",
    response={201: ObservationDetailOut, 400: ErrorOut, 403: ErrorOut},
    auth=SESSION_OR_TOKEN,
)
def observation_create(
    request: HttpRequest,
    photos: File[list[UploadedFile]],
    observed_at: Form[datetime | None] = None,
    latitude: Form[float | None] = None,
    longitude: Form[float | None] = None,
    uncertainty_m: Form[int | None] = None,
    count: Form[int | None] = None,
    life_stage: Form[str] = "",
    is_cultivated: Form[bool] = False,
    notes: Form[str] = "",
    licence: Form[str] = "CC-BY-4.0",
    taxon_id: Form[int | None] = None,
    locality: Form[str] = "",
):
    """Submit an observation (multipart/form-data, one or more `photos`). Date, time and
    location left out are read from the photos' EXIF; the published photos carry no EXIF."""
    user = request.auth
    taxon = None
    if taxon_id is not None:
        taxon = Taxon.objects.filter(pk=taxon_id).first()
        if taxon is None:
            return Status(400, {"detail": "Unknown taxon_id.", "errors": ["Unknown taxon_id."]})
    try:
        observation = services.observation_create(
            observer=user,
            photos=photos,
            observed_at=observed_at,
            latitude=latitude,
            longitude=longitude,
            uncertainty_m=uncertainty_m,
            count=count,
            life_stage=life_stage,
            is_cultivated=is_cultivated,
            notes=notes,
            licence=licence,
            taxon=taxon,
            locality=locality,
        )
    except ValidationError as error:
        return Status(400, {"detail": " ".join(error.messages), "errors": error.messages})
    except PermissionDenied as error:
        return Status(403, {"detail": str(error), "errors": []})
    return Status(201, _detail(request, user, _get(user, str(observation.uuid))))


@router.post(
    "/observations/{uuid}/identifications",
    response={201: IdentificationOut, 400: ErrorOut, 403: ErrorOut},
    auth=SESSION_OR_TOKEN,
)
def identification_create(request: HttpRequest, uuid: str, payload: IdentificationIn):
    """Add the caller's identification; their previous one is withdrawn."""
    user = request.auth
    observation = _get(user, uuid)
    taxon = Taxon.objects.filter(pk=payload.taxon_id).first()
    if taxon is None:
        return Status(400, {"detail": "Unknown taxon_id.", "errors": ["Unknown taxon_id."]})
    try:
        identification = services.identification_add(
            observation=observation, user=user, taxon=taxon, comment=payload.comment
        )
    except ValidationError as error:
        return Status(400, {"detail": " ".join(error.messages), "errors": error.messages})
    except PermissionDenied as error:
        return Status(403, {"detail": str(error), "errors": []})
    return Status(
        201,
        {
            "id": identification.pk,
            "taxon": _taxon(taxon),
            "identifier": str(user.public_name),
            "by_expert": identification.by_expert,
            "is_current": True,
            "comment": identification.comment,
            "created_at": identification.created_at,
        },
    )
