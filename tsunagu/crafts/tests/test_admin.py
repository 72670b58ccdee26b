"""Only staff reach the crafts admin."""

import pytest
from django.urls import reverse

from tsunagu.crafts.services import contact_message_send

PAGES = [
    "admin:crafts_craft_changelist",
    "admin:crafts_workshop_changelist",
    "admin:crafts_artisan_changelist",
    "admin:crafts_contactmessage_changelist",
]


def test_administrator_sees_every_admin_page(client_as, workshop, craft):
    contact_message_send(workshop=workshop, name="E", email="e@example.org", message="Hi")
    client = client_as("administrator")
    for name in PAGES:
        assert client.get(reverse(name)).status_code == 200, name
    assert client.get(reverse("admin:crafts_craft_change", args=[craft.pk])).status_code == 200
    assert (
        client.get(reverse("admin:crafts_workshop_change", args=[workshop.pk])).status_code == 200
    )
    assert client.get(reverse("admin:crafts_contactmessage_add")).status_code == 403


@pytest.mark.parametrize("role", [None, "plain_user", "partner_member"])
def test_others_have_no_admin(client_as, role, db):
    for name in PAGES:
        response = client_as(role).get(reverse(name))
        assert response.status_code == 302, (role, name)
