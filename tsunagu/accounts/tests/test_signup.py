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
