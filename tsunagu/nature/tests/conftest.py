import pytest
from django.utils import translation


@pytest.fixture
def english_messages():
    """The tests read the English messages of services called directly; pages and API calls
    choose their own language (URL prefix or Accept-Language)."""
    with translation.override("en"):
        yield
