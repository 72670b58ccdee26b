"""Two-step log-in from the outside: turning it on and off, logging in with a code or a backup
code, wrong codes counted by the lockout, the admin closed to unverified sessions."""

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
SETTINGS = reverse("mfa:settings")
LOGIN = reverse("accounts:login")
VERIFY = reverse("mfa:verify")
# A page only city staff may open: it tells "logged in as staff" from "not logged in".
STAFF_PAGE = reverse("nature:dwca")


def code_now(device: TOTPDevice, offset: int = 0) -> str:
    """The code the user's authenticator app shows (`offset` steps of 30 s later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset * device.step
    return f"{totp.token():0{device.digits}d}"


def log_in(client: Client, email: str, password: str = PASSWORD, **extra):
    return client.post(LOGIN, {"username": email, "password": password}, **extra)


@pytest.fixture
def staff(db):
    return UserFactory(email="chief@example.org", roles=[Role.CITY_STAFF], is_staff=True)


@pytest.fixture
def enrolled(staff):
    """`staff` with two-step log-in turned on through the page; returns (device, backup codes)."""
    client = Client()
    client.force_login(staff)
    page = client.post(SETTINGS, {"action": "start"}).content.decode()
    assert 'data-testid="totp-secret"' in page
    assert 'src="data:image/svg+xml' in page  # the QR code, drawn without script
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    response = client.post(SETTINGS, {"action": "confirm", "token": code_now(device)})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.content.decode())
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    return device, codes


def test_the_secret_on_the_page_is_the_one_the_codes_come_from(staff):
    client = Client()
    client.force_login(staff)
    page = client.post(SETTINGS, {"action": "start"}).content.decode()
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', page).group(1)
    device = TOTPDevice.objects.get(user=staff)
    from base64 import b32decode

    typed = secret.replace(" ", "")
    assert b32decode(typed + "=" * (-len(typed) % 8)) == device.bin_key


def test_a_wrong_code_does_not_turn_it_on(staff):
    client = Client()
    client.force_login(staff)
    client.post(SETTINGS, {"action": "start"})
    device = TOTPDevice.objects.get(user=staff)
    wrong = f"{(int(code_now(device)) + 1) % 1_000_000:06d}"
    response = client.post(f"/en{SETTINGS}", {"action": "confirm", "token": wrong})
    assert response.status_code == 400
    assert "not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


@pytest.mark.parametrize("role", [None, "partner_member", "plain_user"])
def test_only_staff_and_assessors_are_offered_it(client_as, role):
    client = client_as(role)
    response = client.get(SETTINGS)
    assert response.status_code == (302 if role is None else 403)
    assert client.post(SETTINGS, {"action": "start"}).status_code in (302, 403)
    assert not TOTPDevice.objects.exists()
    home = client.get("/").content.decode()
    assert 'data-testid="two-step-link"' not in home


def test_assessors_may_turn_it_on(client_as):
    client = client_as("assessor")
    assert client.get(SETTINGS).status_code == 200
    assert 'data-testid="two-step-link"' in client.get("/").content.decode()


def test_password_alone_does_not_log_in(enrolled, staff):
    client = Client()
    response = log_in(client, staff.email)
    assert response.status_code == 302
    assert response["Location"] == VERIFY
    assert "_auth_user_id" not in client.session
    assert client.get(STAFF_PAGE).status_code == 302  # to the log-in page
    assert client.get("/admin/").status_code == 302


def test_a_wrong_code_is_refused_and_the_right_one_logs_in(enrolled, staff):
    device, _codes = enrolled
    client = Client()
    log_in(client, staff.email)
    wrong = client.post(f"/en{VERIFY}", {"token": "000000"})
    assert wrong.status_code == 400
    assert "not right" in wrong.content.decode()
    assert client.get(STAFF_PAGE).status_code == 302
    with override_settings(OTP_TOTP_THROTTLE_FACTOR=0):  # django-otp slows down after a miss
        response = client.post(VERIFY, {"token": code_now(device, offset=1)})
    assert response.status_code == 302
    assert client.get(STAFF_PAGE).status_code == 200
    assert client.get("/admin/").status_code == 200


def test_a_code_works_only_once(enrolled, staff):
    device, _codes = enrolled
    used = code_now(device, offset=1)
    first = Client()
    log_in(first, staff.email)
    assert first.post(VERIFY, {"token": used}).status_code == 302
    second = Client()
    log_in(second, staff.email)
    assert second.post(VERIFY, {"token": used}).status_code == 400


def test_a_backup_code_works_once(enrolled, staff):
    _device, codes = enrolled
    client = Client()
    log_in(client, staff.email)
    assert client.post(VERIFY, {"token": codes[0].upper()}).status_code == 302
    assert client.get(STAFF_PAGE).status_code == 200
    again = Client()
    log_in(again, staff.email)
    assert again.post(VERIFY, {"token": codes[0]}).status_code == 400
    assert StaticToken.objects.filter(device__user=staff).count() == 9


def test_the_code_page_needs_the_password_first(enrolled):
    response = Client().get(VERIFY)
    assert response.status_code == 302
    assert response["Location"] == LOGIN


def test_admin_refuses_a_session_that_skipped_the_code(enrolled, staff):
    """The admin's own log-in page checks the password only: the session it makes is sent to
    the code page before any page is served."""
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/", {"username": staff.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    admin = client.get("/admin/")
    assert admin.status_code == 302
    assert admin["Location"] == VERIFY
    assert client.get(STAFF_PAGE).status_code == 302
    assert "_auth_user_id" not in client.session


def test_staff_without_an_authenticator_are_not_asked_for_a_code(staff):
    client = Client()
    assert log_in(client, staff.email).status_code == 302
    assert client.get(STAFF_PAGE).status_code == 200


@override_settings(AXES_ENABLED=True)
def test_wrong_codes_count_towards_the_lockout(enrolled, staff):
    device, _codes = enrolled
    client = Client()
    log_in(client, staff.email, REMOTE_ADDR="203.0.113.9")
    statuses = [
        client.post(VERIFY, {"token": "000000"}, REMOTE_ADDR="203.0.113.9").status_code
        for _ in range(5)
    ]
    assert statuses[:4] == [400] * 4
    assert statuses[4] == 429
    with override_settings(OTP_TOTP_THROTTLE_FACTOR=0):
        locked = client.post(VERIFY, {"token": code_now(device)}, REMOTE_ADDR="203.0.113.9")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # and the password step is closed too
    assert log_in(Client(), staff.email, REMOTE_ADDR="203.0.113.9").status_code == 429


def test_turning_it_off_needs_a_code(enrolled, staff):
    device, codes = enrolled
    client = Client()
    log_in(client, staff.email)
    assert client.post(VERIFY, {"token": code_now(device, offset=1)}).status_code == 302
    refused = client.post(SETTINGS, {"action": "disable", "token": "123"})
    assert refused.status_code == 400
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).exists()
    with override_settings(OTP_TOTP_THROTTLE_FACTOR=0):
        response = client.post(SETTINGS, {"action": "disable", "token": codes[1]})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert not StaticToken.objects.filter(device__user=staff).exists()
    fresh = Client()
    log_in(fresh, staff.email)
    assert fresh.get(STAFF_PAGE).status_code == 200


def test_it_cannot_be_set_up_again_over_itself(enrolled, staff):
    device, _codes = enrolled
    client = Client()
    log_in(client, staff.email)
    assert client.post(VERIFY, {"token": code_now(device, offset=1)}).status_code == 302
    assert client.post(SETTINGS, {"action": "start"}).status_code == 200
    assert list(TOTPDevice.objects.filter(user=staff)) == [device]
