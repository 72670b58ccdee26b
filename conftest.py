"""Shared fixtures: one user per role, organisations, logged-in clients."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import OrganisationFactory, UserFactory


def shared_data_dir() -> Path:
    return Path(os.environ.get("TSUNAGU_DATA_DIR", settings.TSUNAGU_DATA_DIR))


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (pages are cached by scores version)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request in English must not leak into the
    next test's reverse() and model translations."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def data_dir() -> Path:
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"shared datasets not found at {path}: set TSUNAGU_DATA_DIR (README, Data)")
    return path


@pytest.fixture
def organisation(db):
    return OrganisationFactory(slug="kikugawa-npo", status="published")


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(slug="other-npo", status="published")


@pytest.fixture
def users(db, organisation):
    """One account per role; the partner member belongs to `organisation`."""
    partner = UserFactory(email="partner@example.org")
    partner.organisations.add(organisation)
    return {
        "administrator": UserFactory(email="admin@example.org", roles=[Role.ADMINISTRATOR]),
        "city_staff": UserFactory(email="staff@example.org", roles=[Role.CITY_STAFF]),
        "partner_member": partner,
        "assessor": UserFactory(email="assessor@example.org", roles=[Role.ASSESSOR]),
        "plain_user": UserFactory(email="citizen@example.org"),
    }


@pytest.fixture
def client_as(users):
    """client_as("city_staff") -> a Client logged in as that role; client_as(None) -> anonymous."""

    def make(role: str | None) -> Client:
        client = Client()
        if role is not None:
            client.force_login(users[role])
        return client

    return make


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs the block's on-commit callbacks (cache invalidation, tasks) as
    a request's commit would, inside the test's transaction."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
