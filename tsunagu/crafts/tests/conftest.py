import pytest

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.crafts.tests.factories import CraftFactory, WorkshopFactory


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def craft(db):
    return CraftFactory(slug="kanazawa-gold-leaf", name_ja="金沢箔", name_en="Kanazawa gold leaf")


@pytest.fixture
def manager(db):
    return UserFactory(email="secret-manager@example.org")


@pytest.fixture
def workshop(craft, manager):
    return WorkshopFactory(
        slug="gold-studio",
        name_ja="箔工房",
        name_en="Gold Studio",
        crafts=[craft],
        managers=[manager],
        contact_email="secret-studio@example.org",
        languages=["ja", "en"],
        step_free_access=True,
    )


SECRET_ADDRESSES = ("secret-manager@example.org", "secret-studio@example.org")
