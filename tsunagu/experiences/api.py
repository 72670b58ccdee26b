"""API: published experiences, their sessions with free seats, booking and cancelling.
A signed-in browser books for its account (the CSRF token is then required); anyone else
books as a guest with name and email."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.utils import check_csrf

from tsunagu.core.api_common import ApiErrorOut
from tsunagu.experiences import selectors, services
from tsunagu.experiences.models import Booking, Experience, Slot

router = Router(tags=["experiences"])


class ExperienceOut(Schema):
    slug: str
    title: str
    workshop: str
    duration_minutes: int
    price_per_person: int
    group_price: int | None
    max_group_size: int
    languages: list[str]
    is_demo: bool


class SlotOut(Schema):
    id: int
    start: datetime
    end: datetime
    capacity: int
    seats_free: int


class BookingIn(Schema):
    slot: int
    participants: int
    language: str
    name: str = ""
    email: str = ""
    needs: str = ""
    waitlist_if_full: bool = False


class BookingOut(Schema):
    status: str
    code: str | None = None
    amount_due: int | None = None
    waitlist_status: str | None = None


class CancelIn(Schema):
    email: str


def _experience_out(experience: Experience) -> dict:
    return {
        "slug": experience.slug,
        "title": experience.title,
        "workshop": experience.workshop.slug,
        "duration_minutes": experience.duration_minutes,
        "price_per_person": experience.price_per_person,
        "group_price": experience.group_price,
        "max_group_size": experience.max_group_size,
        "languages": experience.language_codes,
        "is_demo": experience.is_demo,
    }


def _session_user(request: HttpRequest):
    if not request.user.is_authenticated:
        return None
    if check_csrf(request) is not None:
        raise HttpError(403, "CSRF check failed")
    return request.user


def _error(error: ValidationError) -> HttpError:
    return HttpError(409 if error.code == "full" else 400, " ".join(error.messages))


@router.get("/", response=list[ExperienceOut])
def experiences_list(request: HttpRequest, craft: str = "", language: str = ""):
    experiences = selectors.experience_list(craft=craft or None, language=language or None)
    return [_experience_out(experience) for experience in experiences]


@router.get("/{slug}/slots", response=list[SlotOut])
def experience_slots(request: HttpRequest, slug: str):
    experience = get_object_or_404(
        Experience, slug=slug, is_published=True, workshop__is_published=True
    )
    slots = selectors.slots_available().filter(experience=experience).order_by("start")[:500]
    return [
        {
            "id": s.pk,
            "start": s.start,
            "end": s.end,
            "capacity": s.capacity,
            "seats_free": s.seats_free,
        }
        for s in slots
    ]


@router.post(
    "/bookings",
    response={201: BookingOut, 202: BookingOut, (400, 403, 404, 409): ApiErrorOut},
)
def booking_create(request: HttpRequest, payload: BookingIn):
    slot = Slot(pk=payload.slot)  # the services read it (with its experience) themselves
    visitor = payload.dict(exclude={"slot", "waitlist_if_full"})
    user = _session_user(request)
    try:
        booking = services.booking_create(slot=slot, user=user, **visitor)
    except Slot.DoesNotExist as error:
        raise HttpError(404, "No such session.") from error
    except ValidationError as error:
        if error.code != "full" or not payload.waitlist_if_full:
            raise _error(error) from error
        try:
            entry = services.waitlist_join(slot=slot, user=user, **visitor)
        except ValidationError as waitlist_error:
            raise _error(waitlist_error) from waitlist_error
        return Status(202, {"status": "waitlisted", "waitlist_status": entry.status})
    return Status(
        201, {"status": booking.status, "code": booking.code, "amount_due": booking.amount_due}
    )


@router.post("/bookings/{code}/cancel", response={200: BookingOut, (400, 404, 409): ApiErrorOut})
def booking_cancel(request: HttpRequest, code: str, payload: CancelIn):
    booking = Booking.objects.filter(code=code, email__iexact=payload.email.strip()).first()
    if booking is None:
        raise HttpError(404, "No booking with this code and email address.")
    try:
        booking = services.booking_cancel(booking=booking)
    except ValidationError as error:
        raise _error(error) from error
    return {"status": booking.status, "code": booking.code, "amount_due": booking.amount_due}
