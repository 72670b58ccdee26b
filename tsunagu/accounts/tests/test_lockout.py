"""Log-in lockout (django-axes): five failures for one email from one address lock it out."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from tsunagu.accounts.lockout import client_ip
from tsunagu.accounts.tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_axes_on")]

PASSWORD = "correct horse battery staple"
EMAIL = "hotaru@example.org"


@pytest.fixture
def _axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


def _log_in(client, password, email=EMAIL, address="203.0.113.7", path=None):
    return client.post(
        path or reverse("accounts:login"),
        {"username": email, "password": password},
        REMOTE_ADDR=address,
    )


def _fail(client, times: int, **kwargs) -> list[int]:
    return [_log_in(client, "wrong password", **kwargs).status_code for _ in range(times)]


def test_five_failures_lock_the_email_out_of_that_address_for_15_minutes(client):
    UserFactory(email=EMAIL)
    assert _fail(client, 4) == [200] * 4  # the form again, with its error
    locked = _log_in(client, "wrong password")
    assert locked.status_code == 429
    assert "accounts/lockout.html" in [t.name for t in locked.templates]
    assert "15" in locked.content.decode()
    # Now even the right password is refused, whatever the case of the address.
    assert _log_in(client, PASSWORD).status_code == 429
    assert _log_in(client, PASSWORD, email=EMAIL.upper()).status_code == 429
    assert "_auth_user_id" not in client.session

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        response = _log_in(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_the_lockout_is_per_address_and_per_email(client):
    UserFactory(email=EMAIL)
    UserFactory(email="other@example.org")
    _fail(client, 5)
    assert _log_in(client, PASSWORD, address="198.51.100.20").status_code == 302
    client.logout()
    assert _log_in(client, PASSWORD, email="other@example.org").status_code == 302


def test_a_success_before_the_limit_resets_the_count(client):
    UserFactory(email=EMAIL)
    _fail(client, 4)
    assert _log_in(client, PASSWORD).status_code == 302
    client.logout()
    assert _fail(client, 4) == [200] * 4


def test_the_lockout_page_is_translated(client):
    UserFactory(email=EMAIL)
    _fail(client, 4, path="/en/accounts/login/")
    response = _log_in(client, "wrong password", path="/en/accounts/login/")
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()
    assert '<html lang="en">' in response.content.decode()


def test_the_admin_log_in_is_protected_too(client):
    UserFactory(email=EMAIL, is_staff=True)
    assert _fail(client, 5, path=reverse("admin:login"))[-1] == 429


def test_an_administrator_unlocks_an_account_in_the_admin(client):
    UserFactory(email=EMAIL)
    admin = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    _fail(client, 5)
    attempt = AccessAttempt.objects.get(username=EMAIL)
    assert attempt.failures_since_start == 5

    staff = type(client)()
    staff.force_login(admin)
    listing = staff.get(reverse("admin:axes_accessattempt_changelist"))
    assert EMAIL in listing.content.decode()
    delete = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert staff.post(delete, {"post": "yes"}).status_code == 302

    assert _log_in(client, PASSWORD).status_code == 302


def test_the_client_address_is_the_one_the_trusted_proxy_saw():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7"
    )
    with override_settings(TSUNAGU_PROXY_COUNT=0):
        assert client_ip(request) == "10.0.0.2"
    with override_settings(TSUNAGU_PROXY_COUNT=1):
        assert client_ip(request) == "203.0.113.7"  # "1.2.3.4" was sent by the client
    direct = RequestFactory().get("/", REMOTE_ADDR="198.51.100.9")
    with override_settings(TSUNAGU_PROXY_COUNT=1):
        assert client_ip(direct) == "198.51.100.9"
