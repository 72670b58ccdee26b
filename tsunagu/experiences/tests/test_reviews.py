"""Reviews only from visitors who were checked in; published after moderation."""

import pytest
from django.core.exceptions import ValidationError

from tsunagu.experiences import selectors, services
from tsunagu.experiences.models import ReviewStatus
from tsunagu.experiences.tests.factories import SlotFactory

pytestmark = pytest.mark.django_db


def _booking():
    return services.booking_create(
        slot=SlotFactory(), participants=1, language="ja", name="花子", email="h@example.org"
    )


def test_no_review_before_check_in():
    booking = _booking()
    with pytest.raises(ValidationError) as caught:
        services.review_create(booking=booking, rating=5)
    assert caught.value.code == "not_attended"


def test_review_is_published_after_moderation_and_counts_in_the_average():
    booking = _booking()
    booking = services.booking_check_in(code=booking.code, workshop_ids=None)
    review = services.review_create(booking=booking, rating=4, text="Lovely")
    assert review.status == ReviewStatus.PENDING
    experience = booking.slot.experience
    assert selectors.experience_rating(experience=experience)["count"] == 0
    services.review_moderate(review=review, publish=True)
    assert selectors.experience_rating(experience=experience) == {"average": 4.0, "count": 1}
    with pytest.raises(ValidationError):
        services.review_create(booking=booking, rating=3)
    with pytest.raises(ValidationError):
        services.review_create(booking=_booking(), rating=9)
