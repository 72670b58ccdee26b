import pytest
from django.utils import translation

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.tourism.services.schemes import default_version, schemes_seed
from tsunagu.tourism.tests.factories import operator_for


@pytest.fixture(autouse=True)
def _private_evidence_root(settings, tmp_path):
    settings.TOURISM_EVIDENCE_ROOT = tmp_path / "evidence"


@pytest.fixture
def english_messages():
    with translation.override("en"):
        yield


@pytest.fixture
def version(db):
    schemes_seed()
    return default_version()


@pytest.fixture
def member(db):
    return UserFactory(email="member@operator.example")


@pytest.fixture
def operator(member):
    return operator_for(member)


@pytest.fixture
def staff(db):
    return UserFactory(email="chair@example.org", roles=[Role.CITY_STAFF])


@pytest.fixture
def assessor(db):
    return UserFactory(email="panel@example.org", roles=[Role.ASSESSOR])
