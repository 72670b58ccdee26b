"""Security headers on pages and API answers; production passes `check --deploy`."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_pages_send_a_strict_content_security_policy(client):
    response = client.get("/")
    assert response.status_code == 200
    csp = _directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]  # no inline scripts, no eval
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert "blob:" in csp["worker-src"]  # MapLibre's worker
    assert "https://cyberjapandata.gsi.go.jp" in csp["img-src"]  # the campaign base map
    assert "https://cyberjapandata.gsi.go.jp" in csp["connect-src"]


@pytest.mark.parametrize("path", ["/", "/en/", "/api/v1/indicators"])
def test_pages_and_api_send_the_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_session_and_csrf_cookies_stay_away_from_scripts_and_other_sites():
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.CSRF_COOKIE_SAMESITE == "Lax"


def test_templates_have_no_inline_scripts_or_event_handlers():
    """The policy blocks them, so a page relying on one would silently break."""
    offenders = []
    for template in settings.BASE_DIR.glob("tsunagu/**/templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        lowered = text.lower()
        for needle in (" onclick=", " onchange=", " onsubmit=", " onload=", "javascript:"):
            if needle in lowered:
                offenders.append(f"{template}: {needle.strip()}")
        for chunk in lowered.split("<script")[1:]:
            tag = chunk.split(">", 1)[0]
            if "src=" not in tag and "application/json" not in tag:
                offenders.append(f"{template}: inline <script>")
    assert offenders == []


def _production(command: list[str], **extra_env: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "k" * 20 + "x7Qv!s9#Lm2@pZ4&rT6*wY8^bN0%cF3$hJ5(",
        "ALLOWED_HOSTS": "tsunagu.example.org",
        **extra_env,
    }
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "tsunagu.manage", *command],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_sends_hsts_and_secure_cookies_over_https():
    script = (
        "from django.test import Client\n"
        "client = Client(headers={'host': 'tsunagu.example.org'})\n"
        "response = client.get('/healthz', secure=True)\n"
        "print(response['Strict-Transport-Security'])\n"
        "from django.conf import settings as s\n"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)\n"
    )
    result = _production(["shell", "-c", script])
    assert result.returncode == 0, result.stderr[-2000:]
    hsts, cookies = result.stdout.strip().splitlines()[-2:]
    assert hsts == "max-age=31536000; includeSubDomains; preload"
    assert cookies == "True True True"


def test_production_hsts_preload_can_be_switched_off():
    script = "from django.conf import settings as s; print(s.SECURE_HSTS_PRELOAD)"
    result = _production(["shell", "-c", script], SECURE_HSTS_PRELOAD="false")
    assert result.stdout.strip().splitlines()[-1] == "False"
