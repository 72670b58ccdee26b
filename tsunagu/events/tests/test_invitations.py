"""Invitations to by-invitation events, and who may register for partners-only events."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tsunagu.events.models import Audience, Invitation, Registration
from tsunagu.events.services import invitation_create, registration_cancel, registration_create
from tsunagu.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    return EventFactory(audience=Audience.INVITED, title_en="Council 2030")


def invite(event, email="guest@example.org", **kwargs) -> Invitation:
    return invitation_create(
        event=event,
        email=email,
        language=kwargs.pop("language", "en"),
        invited_by=None,
        site_url="https://tsunagu.example/",
        **kwargs,
    )


def test_staff_invite_by_email_and_the_link_opens_registration(
    client_as, council, django_capture_on_commit_callbacks
):
    staff = client_as("city_staff")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            f"/en/events/{council.pk}/staff/invitations/",
            {"email": "guest@example.org", "name": "Guest", "language": "en"},
            follow=True,
        )
    assert "Invitation sent to guest@example.org" in response.content.decode()
    invitation = Invitation.objects.get()
    [message] = mail.outbox
    assert message.to == ["guest@example.org"]
    link = re.search(r"http://testserver(/en/events/\d+/invitations/\S+/)", message.body).group(1)
    assert invitation.token in link

    visitor = client_as(None)
    page = visitor.get(link).content.decode()
    assert 'name="name"' in page
    assert "guest@example.org" in page
    response = visitor.post(link, {"name": "Guest", "email": "someone.else@example.org"})
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.email == "guest@example.org"  # the invitation's address, not the POST's
    invitation.refresh_from_db()
    assert invitation.registration == registration
    # the link now leads to the registration
    again = visitor.get(link)
    assert again.status_code == 302
    assert registration.code in again["Location"]


def test_without_an_invitation_nobody_registers(client, council):
    page = client.get(f"/en/events/{council.pk}/").content.decode()
    assert "Participation is by invitation" in page
    assert 'name="email"' not in page
    with pytest.raises(ValidationError) as excinfo:
        registration_create(event=council, name="X", email="x@example.org")
    assert excinfo.value.code == "audience"


def test_an_invitation_is_for_one_address_and_one_registration(council):
    invitation = invite(council)
    with pytest.raises(ValidationError) as wrong:
        registration_create(
            event=council, name="X", email="other@example.org", invitation=invitation
        )
    assert wrong.value.code == "invitation_email"
    registration = registration_create(
        event=council, name="Guest", email="Guest@example.org", invitation=invitation
    )
    with pytest.raises(ValidationError) as used:
        registration_create(
            event=council, name="Guest", email="guest@example.org", invitation=invitation
        )
    assert used.value.code == "invitation_used"
    registration_cancel(registration=registration)
    invitation.refresh_from_db()
    assert registration_create(
        event=council, name="Guest", email="guest@example.org", invitation=invitation
    )


def test_an_invitation_of_another_event_does_not_open_this_one(council):
    invitation = invite(EventFactory(audience=Audience.INVITED))
    with pytest.raises(ValidationError):
        registration_create(
            event=council, name="Guest", email="guest@example.org", invitation=invitation
        )


def test_inviting_twice_resends_the_same_link(council, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = invite(council)
        second = invite(council, email="GUEST@example.org")
    assert first == second
    assert len(mail.outbox) == 2
    assert mail.outbox[0].body == mail.outbox[1].body


def test_invitations_speak_the_invitees_language(council, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(council, language="ja")
    assert "https://tsunagu.example/events/" in mail.outbox[0].body
    assert "/en/" not in mail.outbox[0].body


def test_unknown_invitation_tokens_are_not_found(client, council):
    assert client.get(f"/en/events/{council.pk}/invitations/nope/").status_code == 404


@pytest.mark.parametrize("role", ["plain_user", "partner_member", "assessor"])
def test_only_staff_invite(client_as, council, role):
    response = client_as(role).post(
        f"/en/events/{council.pk}/staff/invitations/",
        {"email": "guest@example.org", "language": "en"},
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_partners_only_events_ask_visitors_to_log_in(client_as, organisation):
    from tsunagu.partners.models import Partner, PartnerStatus

    Partner.objects.create(
        organisation=organisation,
        status=PartnerStatus.ACTIVE,
        contact_name="x",
        contact_email="x@example.org",
    )
    event = EventFactory(audience=Audience.PARTNERS_ONLY)
    anonymous = client_as(None).get(f"/en/events/{event.pk}/").content.decode()
    assert "for members of partner organisations" in anonymous
    assert "Log in to register" in anonymous
    assert 'name="email"' not in anonymous
    citizen = client_as("plain_user").get(f"/en/events/{event.pk}/").content.decode()
    assert 'name="email"' not in citizen
    member = client_as("partner_member").get(f"/en/events/{event.pk}/").content.decode()
    assert 'name="email"' in member
