from datetime import date

import pytest

from tsunagu.programmes import services
from tsunagu.programmes.tests.factories import CallFactory

ADULT_BIRTH = date(1995, 5, 5)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def call(db):
    return CallFactory()


@pytest.fixture
def submit(call):
    """submit(user, **overrides) -> an application to `call` with sensible defaults."""

    def make(user, **overrides):
        fields = {
            "call": call,
            "applicant": user,
            "full_name": "金沢 花子",
            "date_of_birth": ADULT_BIRTH,
            "statement": "漆芸を学んでいます。",
            **overrides,
        }
        return services.application_submit(**fields)

    return make
