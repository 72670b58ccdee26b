"""Checks shared by booking and joining the waiting list."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.experiences.models import Experience, Slot


def visitor_check(
    *, slot: Slot, participants: int, language: str, name: str, email: str
) -> Experience:
    """The checks shared by booking and joining the waiting list; raises ValidationError."""
    experience = slot.experience
    if not experience.is_published or not slot.is_open or slot.start <= timezone.now():
        raise ValidationError(_("This session cannot be booked."), code="not_bookable")
    if not 1 <= participants <= experience.max_group_size:
        raise ValidationError(
            _("Participants: between 1 and %(max)s.") % {"max": experience.max_group_size},
            code="participants",
        )
    if language not in experience.language_codes:
        raise ValidationError(
            _("This experience is not offered in that language."), code="language"
        )
    if not name.strip() or not email.strip():
        raise ValidationError(_("Please give your name and email address."), code="contact")
    return experience


def contact(user, name: str, email: str) -> tuple[object, str, str]:
    user = user if user is not None and user.is_authenticated else None
    if user is not None:
        return user, (name.strip() or user.full_name or user.email), (email.strip() or user.email)
    return None, name.strip(), email.strip()
