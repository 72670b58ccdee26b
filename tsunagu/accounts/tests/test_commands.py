import pytest
from django.core.management import call_command

from tsunagu.accounts.models import ApiToken, User

pytestmark = pytest.mark.django_db


def test_ensure_admin_generates_a_password_once(capsys, monkeypatch):
    monkeypatch.delenv("TSUNAGU_ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin", "--email", "Admin@Example.org")
    out = capsys.readouterr().out
    password = out.strip().rsplit("password: ", 1)[1]
    admin = User.objects.get(email="admin@example.org")
    assert admin.is_superuser
    assert admin.check_password(password)
    call_command("ensure_admin", "--email", "admin@example.org")
    assert "existing account" in capsys.readouterr().out
    assert User.objects.count() == 1


def test_ensure_admin_reads_the_password_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("TSUNAGU_ADMIN_PASSWORD", "kanazawa-gold-leaf-99")
    call_command("ensure_admin", "--email", "officer@example.org")
    out = capsys.readouterr().out
    assert "Administrator created: officer@example.org" in out
    assert "kanazawa-gold-leaf-99" not in out
    assert User.objects.get(email="officer@example.org").check_password("kanazawa-gold-leaf-99")


def test_api_token_create_prints_a_working_secret(capsys, client, users):
    call_command("api_token_create", "staff@example.org", "--name", "nightly export")
    secret = capsys.readouterr().out.strip()
    assert ApiToken.objects.get().name == "nightly export"
    me = client.get("/api/v1/accounts/me", HTTP_AUTHORIZATION=f"Bearer {secret}").json()
    assert me["email"] == "staff@example.org"
    assert me["roles"] == ["city_staff"]
