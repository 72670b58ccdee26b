"""Reviews: written by visitors who were checked in, published by staff."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.experiences.models import Booking, Review, ReviewStatus


def review_allowed(booking: Booking) -> bool:
    return booking.is_confirmed and booking.checked_in_at is not None


@transaction.atomic
def review_create(*, booking: Booking, rating: int, text: str = "") -> Review:
    if not review_allowed(booking):
        raise ValidationError(
            _("Only visitors who attended the session can review it."), code="not_attended"
        )
    if not 1 <= rating <= 5:
        raise ValidationError(_("Rate from 1 to 5."), code="rating")
    if Review.objects.filter(booking=booking).exists():
        raise ValidationError(_("You have already reviewed this visit."), code="duplicate")
    return Review.objects.create(booking=booking, rating=rating, text=text.strip())


@transaction.atomic
def review_moderate(*, review: Review, publish: bool) -> Review:
    review.status = ReviewStatus.PUBLISHED if publish else ReviewStatus.REJECTED
    review.moderated_at = timezone.now()
    review.save(update_fields=["status", "moderated_at"])
    return review
