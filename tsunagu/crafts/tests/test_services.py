"""Messages to workshops: sent to the managers with Reply-To the visitor; bad input writes
nothing."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.crafts.models import ContactMessage
from tsunagu.crafts.services import (
    MAX_MESSAGES_PER_DAY,
    contact_message_send,
    workshop_message_recipients,
)
from tsunagu.crafts.tests.factories import WorkshopFactory


def test_visitor_message_goes_to_managers_with_reply_to(
    workshop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        contact = contact_message_send(
            workshop=workshop, name="Emma", email="emma@example.org", message="Hello, can I visit?"
        )
    assert contact.sender is None
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sorted(sent.to) == ["secret-manager@example.org", "secret-studio@example.org"]
    assert sent.reply_to == ["emma@example.org"]
    assert "Hello, can I visit?" in sent.body
    assert "Emma" in sent.body


def test_account_holder_writes_with_their_account_email(
    workshop, django_capture_on_commit_callbacks
):
    user = UserFactory(email="member@example.org", full_name="Member One")
    with django_capture_on_commit_callbacks(execute=True):
        contact = contact_message_send(
            workshop=workshop, sender=user, email="other@example.org", message="Hi"
        )
    assert contact.sender == user
    assert contact.email == "member@example.org"
    assert contact.name == "Member One"
    assert mail.outbox[0].reply_to == ["member@example.org"]


@pytest.mark.parametrize(
    ("name", "email", "message", "field"),
    [
        ("", "emma@example.org", "Hi", "name"),
        ("Emma", "not-an-email", "Hi", "email"),
        ("Emma\nBcc: x@example.org", "emma@example.org", "Hi", "name"),
        ("Emma", "emma@example.org", "   ", "message"),
        ("Emma", "emma@example.org", "x" * 5001, "message"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(workshop, name, email, message, field):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        contact_message_send(workshop=workshop, name=name, email=email, message=message)
    assert field in error.value.message_dict
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_unpublished_workshop_and_workshop_without_recipients(db, workshop):
    workshop.is_published = False
    workshop.save()
    with translation.override("en"), pytest.raises(ValidationError, match="not open"):
        contact_message_send(workshop=workshop, name="E", email="e@example.org", message="Hi")
    lonely = WorkshopFactory(contact_email="")
    assert workshop_message_recipients(lonely) == []
    with translation.override("en"), pytest.raises(ValidationError, match="cannot receive"):
        contact_message_send(workshop=lonely, name="E", email="e@example.org", message="Hi")
    assert not ContactMessage.objects.exists()


def test_inactive_managers_get_nothing(workshop, manager):
    manager.is_active = False
    manager.save()
    assert workshop_message_recipients(workshop) == ["secret-studio@example.org"]


def test_one_sender_cannot_flood_a_workshop(workshop):
    for _ in range(MAX_MESSAGES_PER_DAY):
        contact_message_send(workshop=workshop, name="E", email="e@example.org", message="Hi")
    with translation.override("en"), pytest.raises(ValidationError, match="already sent"):
        contact_message_send(workshop=workshop, name="E", email="E@example.org", message="Hi")
    assert ContactMessage.objects.count() == MAX_MESSAGES_PER_DAY
