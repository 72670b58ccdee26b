import pytest
from django.utils import translation

from tsunagu.biodiversity_index.tests.factories import city_area


@pytest.fixture
def area(db):
    return city_area()


@pytest.fixture(autouse=True)
def english_messages():
    """Services called directly answer in the active language; these tests read English."""
    with translation.override("en"):
        yield
