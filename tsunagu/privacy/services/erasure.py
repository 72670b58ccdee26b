"""Deletion at the person's request, carried out at once and in one transaction: upcoming
seats are given back, then every kind in the registry is deleted, anonymised, retained or
unlinked as it says, and the account is scrubbed and deactivated. A failure anywhere undoes
all of it; files are removed only after the commit."""

import logging
from collections import Counter
from collections.abc import Iterable

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from tsunagu.accounts.models import User
from tsunagu.privacy.models import PrivacyRequest, RequestKind, RequestStatus
from tsunagu.privacy.registry import ERASED, Erasure, PersonalData, personal_data
from tsunagu.privacy.services.references import subject_reference

logger = logging.getLogger(__name__)

ERASED_EMAIL_DOMAIN = "erased.invalid"


def account_is_erased(user: User) -> bool:
    return user.email.endswith(f"@{ERASED_EMAIL_DOMAIN}")


def _upcoming_seats_release(user: User) -> int:
    """Cancel future registrations and bookings and leave waiting lists, through the apps'
    own services, so the seats go to the next people waiting."""
    from tsunagu.events.models import Registration, RegistrationStatus
    from tsunagu.events.services.registrations import registration_cancel
    from tsunagu.experiences.models import Booking, BookingStatus, WaitlistEntry, WaitlistStatus
    from tsunagu.experiences.services.bookings import booking_cancel
    from tsunagu.experiences.services.seats import seats_release
    from tsunagu.experiences.services.waitlist import waitlist_offer_next

    now = timezone.now()
    released = 0
    registrations = Registration.objects.filter(user=user, event__starts_at__gt=now).exclude(
        status=RegistrationStatus.CANCELLED
    )
    bookings = Booking.objects.filter(
        user=user, status=BookingStatus.CONFIRMED, slot__start__gt=now
    )
    for cancel, records in (
        (lambda r: registration_cancel(registration=r), registrations),
        (lambda b: booking_cancel(booking=b), bookings),
    ):
        for record in records:
            try:
                cancel(record)
                released += 1
            except ValidationError:  # past its cancellation deadline: it stays, anonymised
                pass
    active = (WaitlistStatus.WAITING, WaitlistStatus.OFFERED)
    for entry in WaitlistEntry.objects.filter(user=user, status__in=active).select_related("slot"):
        WaitlistEntry.objects.filter(pk=entry.pk).update(status=WaitlistStatus.WITHDRAWN)
        if entry.status == WaitlistStatus.OFFERED:  # its offer held seats
            seats_release(slot_id=entry.slot_id, seats=entry.participants)
            waitlist_offer_next(slot=entry.slot)
        released += 1
    return released


def _files(entry: PersonalData, records: models.QuerySet) -> list[FieldFile]:
    if not entry.files:
        return []
    return [
        file
        for record in records
        for file in (getattr(record, name) for name in entry.files)
        if file
    ]


def _scrubbed(entry: PersonalData, record: models.Model) -> list[str]:
    changed = []
    for name, value in entry.scrub.items():
        setattr(record, name, value(record) if callable(value) else value)
        changed.append(name)
    if entry.erasure == Erasure.ANONYMISE and "__" not in entry.person:
        setattr(record, entry.person, None)
        changed.append(entry.person)
    return changed


def _erase_kind(entry: PersonalData, user: User, doomed_files: list[FieldFile]) -> Counter:
    counts: Counter = Counter()
    if entry.delete_when is not None:
        drafts = entry.records(user).filter(entry.delete_when)
        doomed_files += _files(entry, drafts)
        counts[Erasure.DELETE] += drafts.count()
        drafts.delete()
    records = entry.records(user)
    if entry.erasure == Erasure.DELETE:
        doomed_files += _files(entry, records)
        counts[entry.erasure] += records.count()
        records.delete()
    elif entry.erasure == Erasure.UNLINK:
        for record in records:
            getattr(record, entry.person).remove(user)
            counts[entry.erasure] += 1
    else:
        for record in records:
            changed = _scrubbed(entry, record)
            if changed:
                record.save(update_fields=changed)
            counts[entry.erasure] += 1
    return counts


def _admin_history_scrub(user: User) -> None:
    """The admin's history names the account it changed (its email): keep the history,
    drop the name."""
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(object_repr=ERASED, change_message="")


def account_scrub(user: User) -> None:
    user.email = f"erased-{user.pk}@{ERASED_EMAIL_DOMAIN}"
    user.full_name = ""
    user.set_unusable_password()  # also ends every session: their hash no longer matches
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _files_delete(files: Iterable[FieldFile]) -> None:
    for file in files:
        try:
            file.storage.delete(file.name)
        except OSError:
            logger.warning("privacy: could not delete a stored file of an erased account")


@transaction.atomic
def _account_erase(*, user: User, reference: str, handled_by: User | None) -> PrivacyRequest:
    user = User.objects.select_for_update().get(pk=user.pk)
    if account_is_erased(user):
        raise ValidationError("This account has already been deleted.", code="already_erased")
    summary: dict[str, dict[str, int]] = {}
    released = _upcoming_seats_release(user)
    if released:
        summary["upcoming seats given back"] = {"cancel": released}
    doomed_files: list[FieldFile] = []
    for entry in personal_data():
        if entry.model == "accounts.User":
            continue
        counts = _erase_kind(entry, user, doomed_files)
        if counts:
            summary[entry.key] = {str(action): n for action, n in counts.items()}
    _admin_history_scrub(user)
    account_scrub(user)
    transaction.on_commit(lambda: _files_delete(doomed_files))
    return PrivacyRequest.objects.create(
        kind=RequestKind.DELETION,
        status=RequestStatus.COMPLETED,
        subject_reference=reference,
        user=user,
        handled_by=handled_by,
        completed_at=timezone.now(),
        summary=summary,
    )


def account_erase(*, user: User, handled_by: User | None = None) -> PrivacyRequest:
    """Delete the person's data as the registry says. `handled_by`: the staff member who
    carried out a request made to the secretariat; None when the person did it."""
    reference = subject_reference(user.pk)
    try:
        request = _account_erase(user=user, reference=reference, handled_by=handled_by)
    except Exception as error:
        # Recorded outside the failed transaction, so staff see it; the message of a
        # database error can quote values, so only its type is kept.
        PrivacyRequest.objects.create(
            kind=RequestKind.DELETION,
            status=RequestStatus.FAILED,
            subject_reference=reference,
            user=user,
            handled_by=handled_by,
            error=type(error).__name__,
        )
        logger.error("privacy: deletion %s failed (%s)", reference, type(error).__name__)
        raise
    logger.info("privacy: deletion %s completed", reference)
    return request
