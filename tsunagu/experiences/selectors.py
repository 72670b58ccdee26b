"""Reads: the public list with its filters, a session's free seats, ratings, the dashboard."""

from datetime import date, timedelta

from django.db.models import Avg, Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from tsunagu.accounts.policy import is_city_staff
from tsunagu.experiences.models import (
    Booking,
    BookingStatus,
    Experience,
    ReviewStatus,
    Slot,
    SlotStatus,
)


def experience_list(
    *,
    craft: str | None = None,
    language: str | None = None,
    day: date | None = None,
    max_price: int | None = None,
) -> QuerySet[Experience]:
    """Published experiences of published workshops; `day`: with a bookable session that day."""
    experiences = Experience.objects.filter(
        is_published=True, workshop__is_published=True
    ).select_related("workshop")
    if craft:
        experiences = experiences.filter(workshop__crafts__slug=craft)
    if language:
        experiences = experiences.filter(
            Q(languages=language)
            | Q(languages__startswith=f"{language},")
            | Q(languages__endswith=f",{language}")
            | Q(languages__contains=f",{language},")
        )
    if day:
        experiences = experiences.filter(
            pk__in=slots_available().filter(start__date=day).values("experience_id")
        )
    if max_price is not None:
        experiences = experiences.filter(
            Q(price_per_person__lte=max_price) | Q(group_price__lte=max_price)
        )
    return experiences.distinct().order_by("workshop__slug", "slug")


def slots_available() -> QuerySet[Slot]:
    return Slot.objects.filter(
        status=SlotStatus.OPEN, start__gt=timezone.now(), seats_taken__lt=F("capacity")
    )


def experience_slots_upcoming(
    *, experience: Experience, days: int = 21, limit: int = 40
) -> list[Slot]:
    """Open future sessions (full ones too: their visitors may join the waiting list)."""
    now = timezone.now()
    return list(
        experience.slots.filter(
            status=SlotStatus.OPEN, start__gt=now, start__lte=now + timedelta(days=days)
        ).order_by("start")[:limit]
    )


def experience_rating(*, experience: Experience) -> dict:
    return Booking.objects.filter(
        slot__experience=experience, review__status=ReviewStatus.PUBLISHED
    ).aggregate(average=Avg("review__rating"), count=Count("review"))


def experience_reviews(*, experience: Experience):
    return (
        Booking.objects.filter(slot__experience=experience, review__status=ReviewStatus.PUBLISHED)
        .select_related("review")
        .order_by("-review__created_at")
    )


def managed_workshop_ids(user) -> set[int] | None:
    """The workshops a user runs; None means all (city staff and administrators)."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser or is_city_staff(user):
        return None
    return set(user.managed_workshops.values_list("pk", flat=True))


def dashboard_slots(*, workshop_ids: set[int] | None, day: date) -> list[Slot]:
    slots = Slot.objects.filter(start__date=day).select_related("experience__workshop")
    if workshop_ids is not None:
        slots = slots.filter(experience__workshop_id__in=workshop_ids)
    slots = list(slots.order_by("start"))
    bookings = Booking.objects.filter(slot__in=slots).order_by("created_at")
    by_slot: dict[int, list[Booking]] = {}
    for booking in bookings:
        by_slot.setdefault(booking.slot_id, []).append(booking)
    for slot in slots:
        slot.day_bookings = by_slot.get(slot.pk, [])
        slot.confirmed_bookings = [
            b for b in slot.day_bookings if b.status == BookingStatus.CONFIRMED
        ]
    return slots


def bookings_held(*, date_from: date, date_to: date) -> dict:
    """Confirmed bookings, no-shows left out, of the sessions held between two dates
    (inclusive, Kanazawa time): {"bookings", "participants", "demo" (demo bookings among them)}."""
    return Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        no_show=False,
        slot__start__date__gte=date_from,
        slot__start__date__lte=date_to,
    ).aggregate(
        bookings=Count("pk"),
        participants=Coalesce(Sum("participants"), 0),
        demo=Count("pk", filter=Q(is_demo=True)),
    )
