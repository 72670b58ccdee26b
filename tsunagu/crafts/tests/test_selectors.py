"""Only published workshops and artisans are public; the craft filter and the week table."""

from datetime import time

import pytest

from tsunagu.crafts import selectors
from tsunagu.crafts.models import Artisan, OpeningHours, Workshop
from tsunagu.crafts.tests.factories import ArtisanFactory, CraftFactory, WorkshopFactory


def test_workshop_list_filters_by_craft_and_hides_unpublished(workshop, craft):
    other = WorkshopFactory(crafts=[CraftFactory()])
    WorkshopFactory(crafts=[craft], is_published=False)
    assert list(selectors.workshop_list(craft=craft)) == [workshop]
    assert set(selectors.workshop_list()) == {workshop, other}


def test_unpublished_workshop_is_not_found(workshop):
    workshop.is_published = False
    workshop.save()
    with pytest.raises(Workshop.DoesNotExist):
        selectors.workshop_get(slug=workshop.slug)


def test_artisans_of_unpublished_workshops_are_hidden(workshop):
    visible = ArtisanFactory(workshop=workshop)
    independent = ArtisanFactory(workshop=None)
    hidden = ArtisanFactory(workshop=WorkshopFactory(is_published=False))
    ArtisanFactory(is_published=False)
    assert set(selectors.artisan_list()) == {visible, independent}
    with pytest.raises(Artisan.DoesNotExist):
        selectors.artisan_get(slug=hidden.slug)


def test_opening_hours_by_day(workshop):
    OpeningHours.objects.create(workshop=workshop, weekday=2, opens=time(13), closes=time(17))
    OpeningHours.objects.create(workshop=workshop, weekday=2, opens=time(9), closes=time(12))
    days = selectors.opening_hours_by_day(workshop)
    assert [d["weekday"] for d in days] == list(range(7))
    assert [p.opens for p in days[2]["periods"]] == [time(9), time(13)]
    assert days[0]["periods"] == []


def test_languages_named():
    assert selectors.languages_named(["ja", "en"]) == ["日本語", "English"]
