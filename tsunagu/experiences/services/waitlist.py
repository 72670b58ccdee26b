"""The waiting list of a full slot. When seats are freed (a cancellation, an expired
offer), the oldest waiting entry whose group fits the free seats is offered them: the seats
are held for it (taken in the slot) until the offer expires or is accepted."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tsunagu.experiences.models import (
    Booking,
    Slot,
    SlotStatus,
    WaitlistEntry,
    WaitlistStatus,
)
from tsunagu.experiences.services._locking import retry_when_sqlite_is_locked
from tsunagu.experiences.services.emails import booking_email_on_commit, waitlist_email_on_commit
from tsunagu.experiences.services.seats import seats_release, seats_take
from tsunagu.experiences.services.visitors import contact, visitor_check

OFFER_HOLD_HOURS = 12


def _offer_expiry(slot: Slot, now: datetime) -> datetime:
    hold = timedelta(hours=getattr(settings, "EXPERIENCES_OFFER_HOLD_HOURS", OFFER_HOLD_HOURS))
    return min(now + hold, slot.start)


def waitlist_offer_next(*, slot: Slot) -> list[WaitlistEntry]:
    """Offer free seats to waiting entries, oldest first, skipping groups that do not fit.
    Call inside the transaction that freed the seats. Returns the entries offered."""
    offered = []
    now = timezone.now()
    for entry in slot.waitlist.filter(status=WaitlistStatus.WAITING).order_by("created_at", "pk"):
        current = Slot.objects.get(pk=slot.pk)
        if current.status != SlotStatus.OPEN or current.start <= now or not current.seats_free:
            break
        if entry.participants > current.seats_free:
            continue
        if not seats_take(slot_id=slot.pk, seats=entry.participants):
            continue
        expires = _offer_expiry(current, now)
        if not WaitlistEntry.objects.filter(pk=entry.pk, status=WaitlistStatus.WAITING).update(
            status=WaitlistStatus.OFFERED, offered_at=now, offer_expires_at=expires
        ):
            seats_release(slot_id=slot.pk, seats=entry.participants)
            continue
        entry.refresh_from_db()
        waitlist_email_on_commit(entry, "waitlist_offer")
        offered.append(entry)
    return offered


@retry_when_sqlite_is_locked
@transaction.atomic
def waitlist_join(
    *,
    slot: Slot,
    participants: int,
    language: str,
    name: str = "",
    email: str = "",
    user=None,
    needs: str = "",
) -> WaitlistEntry:
    user, name, email = contact(user, name, email)
    slot = Slot.objects.select_related("experience").get(pk=slot.pk)
    visitor_check(slot=slot, participants=participants, language=language, name=name, email=email)
    active = slot.waitlist.filter(status__in=[WaitlistStatus.WAITING, WaitlistStatus.OFFERED])
    if active.filter(email__iexact=email).exists():
        raise ValidationError(
            _("This email address is already on the waiting list."), code="duplicate"
        )
    entry = WaitlistEntry.objects.create(
        slot=slot,
        user=user,
        name=name,
        email=email,
        participants=participants,
        language=language,
        needs=needs.strip(),
        site_language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    waitlist_email_on_commit(entry, "waitlist_joined")
    waitlist_offer_next(slot=slot)  # seats may have been freed meanwhile
    entry.refresh_from_db()
    return entry


@retry_when_sqlite_is_locked
@transaction.atomic
def waitlist_offer_accept(*, entry: WaitlistEntry) -> Booking:
    """Turn a held offer into a booking (the seats are already taken for it)."""
    now = timezone.now()
    entry = WaitlistEntry.objects.select_related("slot__experience").get(pk=entry.pk)
    if entry.status != WaitlistStatus.OFFERED:
        raise ValidationError(_("This offer is no longer open."), code="not_offered")
    if entry.offer_expires_at <= now:
        raise ValidationError(_("This offer has expired."), code="expired")
    if not WaitlistEntry.objects.filter(
        pk=entry.pk, status=WaitlistStatus.OFFERED, offer_expires_at__gt=now
    ).update(status=WaitlistStatus.ACCEPTED):
        raise ValidationError(_("This offer is no longer open."), code="not_offered")
    booking = Booking.objects.create(
        slot=entry.slot,
        user=entry.user,
        name=entry.name,
        email=entry.email,
        participants=entry.participants,
        language=entry.language,
        needs=entry.needs,
        site_language=entry.site_language,
        amount_due=entry.slot.experience.amount_due(entry.participants),
    )
    WaitlistEntry.objects.filter(pk=entry.pk).update(booking=booking)
    booking_email_on_commit(booking, "booking_confirmed")
    return booking


@retry_when_sqlite_is_locked
@transaction.atomic
def waitlist_offers_expire(*, now: datetime | None = None) -> int:
    """Release the seats of offers not accepted in time and offer them to the next."""
    now = now or timezone.now()
    expired = 0
    due = WaitlistEntry.objects.filter(status=WaitlistStatus.OFFERED, offer_expires_at__lte=now)
    for entry in due.select_related("slot"):
        if WaitlistEntry.objects.filter(pk=entry.pk, status=WaitlistStatus.OFFERED).update(
            status=WaitlistStatus.EXPIRED
        ):
            seats_release(slot_id=entry.slot_id, seats=entry.participants)
            waitlist_offer_next(slot=entry.slot)
            expired += 1
    return expired
