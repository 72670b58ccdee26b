"""Reads for events."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from tsunagu.accounts.policy import can_see_drafts
from tsunagu.events.models import Event, EventStatus, Registration, RegistrationStatus


def event_list(
    *, kind: str | None = None, year: int | None = None, month: int | None = None
) -> QuerySet[Event]:
    """Published (and cancelled, announced) events, oldest first; drafts never."""
    events = Event.objects.exclude(status=EventStatus.DRAFT).select_related("series")
    if kind:
        events = events.filter(kind=kind)
    if year and month:
        events = events.filter(starts_at__year=year, starts_at__month=month)
    return events


def event_get(*, pk: int, user) -> Event:
    """An event its viewer may see: drafts only for staff. Raises Event.DoesNotExist."""
    events = Event.objects.select_related("series")
    if not can_see_drafts(user):
        events = events.exclude(status=EventStatus.DRAFT)
    return events.get(pk=pk)


@dataclass(frozen=True)
class EventCounts:
    confirmed: int
    waitlisted: int
    attended: int


def event_counts(*, event: Event) -> EventCounts:
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        attended=Count(
            "pk", filter=Q(status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=False)
        ),
    )
    return EventCounts(**counts)


def seats_left(*, event: Event) -> int | None:
    """Free seats, or None when the event has no capacity limit."""
    if event.capacity is None:
        return None
    confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    return max(event.capacity - confirmed, 0)


def registration_get(*, event: Event, code: str) -> Registration:
    """The registration with this code at this event. Raises Registration.DoesNotExist."""
    return Registration.objects.select_related("event__series").get(event=event, code=code)
