import pytest
from django.utils import translation

from tsunagu.core.models import Area, AreaKind


@pytest.fixture
def area(db):
    area, _ = Area.objects.get_or_create(
        code="17201",
        defaults={"kind": AreaKind.MUNICIPALITY, "name_ja": "金沢市", "name_en": "Kanazawa"},
    )
    return area


@pytest.fixture
def other_area(db):
    return Area.objects.create(
        code="17206", kind=AreaKind.MUNICIPALITY, name_ja="加賀市", name_en="Kaga"
    )


@pytest.fixture
def english():
    """Services called directly answer in the active language; these tests read English."""
    with translation.override("en"):
        yield
