"""Database and model rules: coordinates, opening hours and language lists."""

from datetime import time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tsunagu.crafts.models import OpeningHours, Workshop
from tsunagu.crafts.validators import languages_validate


def test_latitude_out_of_range_is_refused(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Workshop.objects.create(slug="w", name_ja="w", latitude=120, longitude=136.6)


def test_half_a_location_is_refused_by_clean(db):
    with pytest.raises(ValidationError):
        Workshop(slug="w", name_ja="w", latitude=36.5).clean()


def test_closing_before_opening_is_refused(workshop):
    with pytest.raises(IntegrityError), transaction.atomic():
        OpeningHours.objects.create(workshop=workshop, weekday=1, opens=time(17), closes=time(10))
    with pytest.raises(ValidationError):
        OpeningHours(workshop=workshop, weekday=1, opens=time(17), closes=time(10)).clean()


@pytest.mark.parametrize("value", [["ja", "xx"], "ja", ["ja", "ja"], [1]])
def test_bad_language_lists(value):
    with pytest.raises(ValidationError):
        languages_validate(value)


def test_good_language_list():
    languages_validate(["ja", "en", "zh-hant"])
