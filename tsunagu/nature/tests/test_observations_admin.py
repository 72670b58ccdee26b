"""The admin pages for observations and flags work, and admin actions go through services."""

import pytest
from django.urls import reverse

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.nature.models import Flag, FlagStatus
from tsunagu.nature.services.observations import flag_create
from tsunagu.nature.tests.factories import ObservationFactory, taxon_tree


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_admin_pages_and_uphold_action(client_as, db):
    tree = taxon_tree()
    observation = ObservationFactory(taxon=tree["species"])
    flag_create(user=UserFactory(), observation=observation, reason="spam")
    client = client_as("administrator")
    for name in ("nature_observation_changelist", "nature_flag_changelist"):
        assert client.get(reverse(f"admin:{name}")).status_code == 200
    change = reverse("admin:nature_observation_change", args=[observation.pk])
    page = client.get(change)
    assert page.status_code == 200
    response = client.post(
        reverse("admin:nature_flag_changelist"),
        {"action": "uphold", "_selected_action": [Flag.objects.get().pk]},
    )
    assert response.status_code == 302
    assert Flag.objects.get().status == FlagStatus.UPHELD
    observation.refresh_from_db()
    assert observation.is_hidden


def test_plain_users_have_no_admin(client_as, db):
    response = client_as("plain_user").get(reverse("admin:nature_observation_changelist"))
    assert response.status_code == 302
