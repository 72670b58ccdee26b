import pytest

from tsunagu.biodiversity_index.tests.factories import city_area


@pytest.fixture
def area(db):
    return city_area()
