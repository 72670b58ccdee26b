import pytest
from django.test import override_settings
from django.utils.functional import empty

from tsunagu.tourism_grants.models.applications import private_storage


@pytest.fixture(autouse=True)
def _private_media(tmp_path):
    """Uploaded documents go to a temporary directory, not var/."""
    with override_settings(TSUNAGU_PRIVATE_MEDIA_ROOT=str(tmp_path / "private")):
        private_storage._wrapped = empty
        yield
        private_storage._wrapped = empty
