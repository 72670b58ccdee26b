"""Writes for registrations: register (with answers to the event's questions), cancel with
waiting-list promotion. See _locking for how capacity is kept under concurrent requests."""

from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tsunagu.accounts.policy import is_city_staff, is_partner_member
from tsunagu.events.models import (
    Answer,
    Audience,
    Event,
    EventStatus,
    Invitation,
    Registration,
    RegistrationStatus,
)
from tsunagu.events.services._locking import event_lock, retry_when_sqlite_is_locked
from tsunagu.events.services.emails import registration_email_send_on_commit


def _confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


def _invitation_valid(event: Event, invitation: Invitation | None) -> bool:
    return invitation is not None and invitation.event_id == event.pk and not invitation.is_used


def registration_allowed(*, event: Event, user=None, invitation: Invitation | None = None) -> bool:
    """Whether this person belongs to the event's audience. Partners-only events take members
    of an approved or active partner; invitation-only events take the holders of an unused
    invitation. City staff may register anyone anywhere."""
    if _invitation_valid(event, invitation):
        return True
    if user is not None and is_city_staff(user):
        return True
    if event.audience == Audience.PARTNERS_ONLY:
        return user is not None and is_partner_member(user)
    return event.audience != Audience.INVITED


def _answers_build(event: Event, answers: Mapping[int, str]) -> list[Answer]:
    """Check the answers against the event's questions (the form did so already; this guards
    the other callers) and return unsaved Answer rows for the non-empty ones."""
    questions = {question.pk: question for question in event.questions.all()}
    unknown = set(answers) - set(questions)
    if unknown:
        raise ValidationError(_("An answer is for a question of another event."), code="answers")
    rows = []
    for pk, question in questions.items():
        value = (answers.get(pk) or "").strip()
        if not value:
            if question.required:
                raise ValidationError(
                    _("Please answer: %(question)s") % {"question": question.text},
                    code="answer_required",
                )
            continue
        if question.has_choices:
            allowed = {stored for stored, _label in question.choice_list()}
            if not set(value.split("\n")) <= allowed:
                raise ValidationError(
                    _("Choose from the listed answers: %(question)s") % {"question": question.text},
                    code="answer_invalid",
                )
        rows.append(Answer(question=question, value=value))
    return rows


@retry_when_sqlite_is_locked
@transaction.atomic
def registration_create(
    *,
    event: Event,
    name: str,
    email: str,
    user=None,
    answers: Mapping[int, str] | None = None,
    invitation: Invitation | None = None,
) -> Registration:
    """Register one person (one email address, one account) for an event: a seat if one is
    free, else the waiting list. `answers` maps question pk to the answer (choices as their
    stored values, several separated by newlines)."""
    event = event_lock(event)
    email = email.strip()
    user = user if user is not None and user.is_authenticated else None
    if invitation is not None:
        invitation = Invitation.objects.select_related("registration").get(pk=invitation.pk)
        if not _invitation_valid(event, invitation):
            raise ValidationError(
                _("This invitation has already been used."), code="invitation_used"
            )
        if invitation.email.lower() != email.lower():
            raise ValidationError(
                _("This invitation is for %(email)s.") % {"email": invitation.email},
                code="invitation_email",
            )
    if event.status != EventStatus.PUBLISHED:
        raise ValidationError(_("This event is not open for registration."), code="not_open")
    if timezone.now() >= event.registration_closes_at:
        raise ValidationError(_("Registration for this event has closed."), code="closed")
    if not registration_allowed(event=event, user=user, invitation=invitation):
        raise ValidationError(
            _("Registration for this event is limited to its audience: %(audience)s.")
            % {"audience": event.audience_label},
            code="audience",
        )
    active = event.registrations.exclude(status=RegistrationStatus.CANCELLED)
    if active.filter(email__iexact=email).exists():
        raise ValidationError(
            _("This email address is already registered for this event."), code="duplicate"
        )
    if user is not None and active.filter(user=user).exists():
        raise ValidationError(
            _("You are already registered for this event."), code="duplicate_user"
        )
    answer_rows = _answers_build(event, answers or {})
    has_seat = event.capacity is None or _confirmed_count(event) < event.capacity
    registration = Registration.objects.create(
        event=event,
        user=user,
        name=name.strip(),
        email=email,
        status=RegistrationStatus.CONFIRMED if has_seat else RegistrationStatus.WAITLISTED,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    for row in answer_rows:
        row.registration = registration
    Answer.objects.bulk_create(answer_rows)
    if invitation is not None:
        invitation.registration = registration
        invitation.save(update_fields=["registration"])
    registration_email_send_on_commit(registration, registration.status)
    return registration


def _waitlist_promote(event: Event) -> list[Registration]:
    """Give free seats to the oldest waitlisted registrations. Call with the event locked."""
    waitlist = event.registrations.filter(status=RegistrationStatus.WAITLISTED).order_by(
        "created_at", "pk"
    )
    if event.capacity is not None:
        free = max(event.capacity - _confirmed_count(event), 0)
        waitlist = waitlist[:free]
    promoted = list(waitlist)
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status"])
        registration_email_send_on_commit(registration, "promoted")
    return promoted


@retry_when_sqlite_is_locked
@transaction.atomic
def registration_cancel(*, registration: Registration) -> list[Registration]:
    """Cancel a registration and hand its seat to the waiting list; returns who was promoted."""
    event = event_lock(registration.event)
    current = Registration.objects.get(pk=registration.pk)
    if current.status == RegistrationStatus.CANCELLED:
        raise ValidationError(
            _("This registration is already cancelled."), code="already_cancelled"
        )
    if timezone.now() >= event.cancellation_closes_at:
        raise ValidationError(
            _("The cancellation deadline for this event has passed."), code="cancellation_closed"
        )
    current.status = RegistrationStatus.CANCELLED
    current.cancelled_at = timezone.now()
    current.save(update_fields=["status", "cancelled_at"])
    registration.status, registration.cancelled_at = current.status, current.cancelled_at
    return _waitlist_promote(event)
