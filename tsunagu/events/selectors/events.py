"""Reads for events, registrations and minutes."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from tsunagu.accounts.policy import can_see_drafts, is_city_staff
from tsunagu.core.models import SdgRelation
from tsunagu.events.models import (
    Answer,
    Event,
    EventStatus,
    Invitation,
    Minutes,
    MinutesRevision,
    Question,
    Registration,
    RegistrationStatus,
)
from tsunagu.events.services import registration_code_normalise

UPCOMING, PAST = "upcoming", "past"


def event_list(
    *,
    kind: str | None = None,
    year: int | None = None,
    month: int | None = None,
    goal: int | None = None,
    mode: str | None = None,
    when: str | None = None,
) -> QuerySet[Event]:
    """Published (and cancelled, announced) events; drafts never. Upcoming events (not yet
    over) oldest first, past ones newest first; `has_public_minutes` is annotated."""
    events = (
        Event.objects.exclude(status=EventStatus.DRAFT)
        .select_related("series")
        .annotate(
            has_public_minutes=Exists(
                Minutes.objects.filter(event=OuterRef("pk"), is_published=True)
            )
        )
    )
    if kind:
        events = events.filter(kind=kind)
    if mode:
        events = events.filter(mode=mode)
    if goal:
        # sdg_relations_set always stores a target's goal too, so the goal rows suffice.
        events = events.filter(
            Exists(
                SdgRelation.objects.filter(
                    content_type=ContentType.objects.get_for_model(Event),
                    object_id=OuterRef("pk"),
                    goal_id=goal,
                )
            )
        )
    if year and month:
        events = events.filter(starts_at__year=year, starts_at__month=month)
    now = timezone.now()
    if when == UPCOMING:
        events = events.filter(ends_at__gt=now)
    elif when == PAST:
        events = events.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    return events


def event_get(*, pk: int, user) -> Event:
    """An event its viewer may see: drafts only for staff. Raises Event.DoesNotExist."""
    events = Event.objects.select_related("series")
    if not can_see_drafts(user):
        events = events.exclude(status=EventStatus.DRAFT)
    return events.get(pk=pk)


def event_questions(*, event: Event) -> list[Question]:
    return list(event.questions.order_by("order", "pk"))


@dataclass(frozen=True)
class EventCounts:
    confirmed: int
    waitlisted: int
    cancelled: int
    attended: int


def event_counts(*, event: Event) -> EventCounts:
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
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


def registration_by_code(*, code: str) -> Registration | None:
    """The registration a typed or scanned code points to, at whichever event (for the
    check-in page to explain a mistake), or None."""
    normalised = registration_code_normalise(code)
    if not normalised:
        return None
    return Registration.objects.select_related("event").filter(code=normalised).first()


def registrations_with_answers(*, event: Event) -> QuerySet[Registration]:
    """All registrations of an event with their answers prefetched, in registration order."""
    return event.registrations.order_by("created_at", "pk").prefetch_related(
        Prefetch("answers", queryset=Answer.objects.select_related("question"))
    )


def invitation_get(*, event: Event, token: str) -> Invitation:
    """Raises Invitation.DoesNotExist."""
    return Invitation.objects.select_related("registration").get(event=event, token=token)


def invitation_list(*, event: Event) -> QuerySet[Invitation]:
    return event.invitations.select_related("registration").order_by("-created_at", "-pk")


def minutes_get(*, event: Event, user) -> Minutes | None:
    """The minutes its viewer may read: staff always; everyone else once they are published
    and the event has started."""
    minutes = (
        Minutes.objects.select_related("current", "current__author")
        .prefetch_related("attending_organisations", "projects_created", "partners_matched")
        .filter(event=event)
        .first()
    )
    if minutes is None or minutes.current is None:
        return None
    if is_city_staff(user):
        return minutes
    if minutes.is_published and event.has_started:
        return minutes
    return None


def minutes_revisions(*, event: Event) -> QuerySet[MinutesRevision]:
    return MinutesRevision.objects.filter(minutes__event=event).select_related("author")
