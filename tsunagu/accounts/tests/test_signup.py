"""Citizens open their own accounts from the public site."""

import pytest
from django.urls import reverse

from tsunagu.accounts.models import User

pytestmark = pytest.mark.django_db

GOOD = {
    "email": "Hotaru@Example.org",
    "full_name": "ほたる好き",
    "password1": "kuratsuki-canal-1957",
    "password2": "kuratsuki-canal-1957",
    "consent": "on",
}


def test_signup_creates_a_logged_in_account_with_no_roles(client):
    response = client.post(reverse("accounts:signup"), {**GOOD, "next": "/nature/"})
    assert response.status_code == 302
    assert response["Location"] == "/nature/"
    user = User.objects.get(email="hotaru@example.org")
    assert user.full_name == "ほたる好き"
    assert not user.is_staff
    assert not user.groups.exists()
    assert client.get(reverse("web:home")).context["user"] == user


def test_signup_needs_consent_matching_passwords_and_a_new_email(client):
    User.objects.create_user(email="taken@example.org", password="x")
    bad = {**GOOD, "email": "TAKEN@example.org", "password2": "different", "consent": ""}
    response = client.post(reverse("accounts:signup"), bad)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"email", "password2", "consent"}
    assert User.objects.count() == 1


def test_signup_rejects_weak_passwords_and_foreign_next_urls(client):
    response = client.post(
        reverse("accounts:signup"), {**GOOD, "password1": "123", "password2": "123"}
    )
    assert "password2" in response.context["form"].errors
    response = client.post(reverse("accounts:signup"), {**GOOD, "next": "https://evil.example/"})
    assert response["Location"] == reverse("web:home")


def test_public_name_never_shows_the_email():
    user = User.objects.create_user(email="secret@example.org", password="x")
    assert "secret" not in str(user.public_name)
    user.full_name = "Aki"
    assert user.public_name == "Aki"


def test_signup_page_states_the_password_rules(client):
    page = client.get("/en" + reverse("accounts:signup")).content.decode()
    assert "at least 12 characters" in page
    assert "can’t be entirely numeric" in page
    assert "can’t be a commonly used password" in page


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("kenroku-1957", None),  # 12 characters: just long enough
        ("kenroku-195", "This password is too short. It must contain at least 12 characters."),
        ("202604011234", "This password is entirely numeric."),
        ("password1234", "This password is too common."),
        ("hotaru@example.org", "The password is too similar to the email address."),
    ],
)
def test_signup_refuses_weak_passwords_with_a_clear_message(client, password, message):
    data = {**GOOD, "email": "hotaru@example.org", "password1": password, "password2": password}
    response = client.post("/en" + reverse("accounts:signup"), data)
    if message is None:
        assert response.status_code == 302
        return
    assert response.status_code == 200
    assert message in response.context["form"].errors["password2"]
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not User.objects.filter(email="hotaru@example.org").exists()
