import pytest

from tsunagu.events import demo, selectors
from tsunagu.events.models import Event, MinutesRevision, Question, Registration

pytestmark = pytest.mark.django_db


def test_demo_loads_twice_without_duplicates():
    demo.load()
    counts = (Event.objects.count(), Registration.objects.count(), MinutesRevision.objects.count())
    demo.load()
    assert counts == (
        Event.objects.count(),
        Registration.objects.count(),
        MinutesRevision.objects.count(),
    )
    assert counts[0] >= 25
    assert Event.objects.filter(is_demo=False).count() == 0
    assert Question.objects.exists()
    cafe = next(row for row in selectors.series_by_year() if row.series.slug == "sdgs-cafe")
    assert (cafe.year, cafe.events, cafe.online, cafe.participants) == (2021, 8, 8, 500)
    past_with_minutes = Event.objects.filter(minutes__isnull=False)
    assert past_with_minutes.exists()
    assert all(event.minutes.revisions.count() == 2 for event in past_with_minutes)
    assert Registration.objects.filter(checked_in_at__isnull=False).exists()
