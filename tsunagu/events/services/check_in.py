"""Check-in at the door: by a typed code, or by the URL in the registrant's QR code."""

from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.events.models import Event, Registration, RegistrationStatus
from tsunagu.events.services._locking import retry_when_sqlite_is_locked


def registration_code_normalise(code: str) -> str:
    """Codes are typed by hand at the door: ignore case, spaces and hyphens. A scanned
    check-in URL (…/check-in/?code=ABCD2345) is accepted too and reduced to its code."""
    code = code.strip()
    if "code=" in code:
        code = parse_qs(urlsplit(code).query).get("code", [""])[0]
    return "".join(code.split()).replace("-", "").upper()


@retry_when_sqlite_is_locked
@transaction.atomic
def registration_check_in(*, event: Event, code: str) -> Registration:
    """Record that the holder of a confirmed registration has arrived (once)."""
    normalised = registration_code_normalise(code)
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event")
        .filter(code=normalised)
        .first()
    )
    if registration is None or not normalised:
        raise ValidationError(
            _("No registration has the code %(code)s.") % {"code": normalised or code.strip()},
            code="unknown",
        )
    if registration.event_id != event.pk:
        raise ValidationError(
            _("The code %(code)s is for another event: %(event)s.")
            % {"code": registration.code, "event": registration.event.title},
            code="other_event",
        )
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(
            _("The registration %(code)s was cancelled.") % {"code": registration.code},
            code="cancelled",
        )
    if registration.status == RegistrationStatus.WAITLISTED:
        raise ValidationError(
            _("The registration %(code)s is on the waiting list and has no seat.")
            % {"code": registration.code},
            code="waitlisted",
        )
    if registration.checked_in_at is not None:
        checked_in_at = timezone.localtime(registration.checked_in_at)
        raise ValidationError(
            _("%(name)s (%(code)s) already checked in at %(time)s.")
            % {
                "name": registration.name,
                "code": registration.code,
                "time": checked_in_at.strftime("%H:%M"),
            },
            code="already_checked_in",
        )
    registration.checked_in_at = timezone.now()
    registration.save(update_fields=["checked_in_at"])
    return registration
