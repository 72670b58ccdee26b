"""Personal data never reaches open-data downloads, the public API, the logs or error
reports: a person with distinctive values uses the site, then every such output is
searched for those values."""

import io
import logging
import zipfile

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.log import AdminEmailHandler

from config.api import api
from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.privacy.tests import seed
from tsunagu.tourism_grants.models import Award

pytestmark = pytest.mark.django_db

OPEN_DATA_URLS = (
    "nature:dwca_export",
    "network:cities_csv",
    "network:cities_json",
    "biodiversity_index:download_csv",
    "programmes:figures_csv",
    "tourism_stats:download_csv",
    "tourism_grants:award_csv",
    "events:events_feed",
)


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "".join(archive.read(name).decode() for name in archive.namelist())
    return body.decode("utf-8", errors="replace")


def _leaks(text: str, values=seed.SEEDED_VALUES) -> list[str]:
    return [value for value in values if value.lower() in text.lower()]


@pytest.fixture
def seeded():
    seeded = seed.person_with_data()
    seeded.grant_submitted.status = "awarded"
    seeded.grant_submitted.save(update_fields=["status"])
    Award.objects.create(application=seeded.grant_submitted, amount_yen=500_000)
    return seeded


def test_open_data_downloads_hold_no_personal_data(seeded):
    # Staff download the Darwin Core archive to publish it (GBIF); the rest is public.
    client = Client()
    client.force_login(UserFactory(roles=[Role.CITY_STAFF]))
    for name in OPEN_DATA_URLS:
        response = client.get(reverse(name))
        # 404: a download with nothing to offer yet (no published assessment, no figures)
        assert response.status_code in (200, 404), name
        text = _text(response)
        assert not _leaks(text), f"{name} leaks {_leaks(text)}"
        if name == "nature:dwca_export":  # the observation is exported, credited by pseudonym
            assert seeded.observation.occurrence_id in text
        if name == "tourism_grants:award_csv":
            assert seeded.grant_submitted.project_title in text


def test_public_api_lists_hold_no_personal_data(seeded):
    """Every parameterless GET of the API, anonymously. Observations credit the name the
    person chose to show to others (the signup form says so), so only that value may
    appear; everything else must not."""
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    paths = [p for p, operations in schema["paths"].items() if "get" in operations and "{" not in p]
    assert len(paths) > 10
    private = tuple(v for v in seed.SEEDED_VALUES if v != seed.DISPLAY_NAME)
    client = Client()
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, path
        assert not _leaks(_text(response), private), f"{path} leaks {_leaks(_text(response))}"


@pytest.fixture
def captured_logs():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield stream
    root.removeHandler(handler)
    root.setLevel(old_level)


def _failing_requests(monkeypatch, seeded) -> None:
    """A signed-in search and an anonymous signup, both failing with a server error while
    carrying the person's values in the query string and the form."""

    def explode(*args, **kwargs):
        raise RuntimeError("the search index is gone")

    monkeypatch.setattr("tsunagu.search.views.search", explode)
    monkeypatch.setattr("tsunagu.accounts.services.user_signup", explode)
    signed_in = Client(raise_request_exception=False)
    signed_in.force_login(seeded.user)
    response = signed_in.get(reverse("search:search"), {"q": seed.EMAIL, "phone": seed.PHONE})
    assert response.status_code == 500
    anonymous = Client(raise_request_exception=False)
    response = anonymous.post(
        reverse("accounts:signup"),
        {
            "email": "new." + seed.EMAIL,
            "full_name": seed.REAL_NAME,
            "password1": "Seedpassword-4711-long",
            "password2": "Seedpassword-4711-long",
            "consent": "on",
        },
    )
    assert response.status_code == 500


def test_logs_hold_no_personal_data(seeded, captured_logs, monkeypatch):
    client = Client()
    client.force_login(seeded.user)
    client.get(reverse("nature:observation_detail", args=[seeded.observation.uuid]))
    client.post(reverse("privacy:download"))
    _failing_requests(monkeypatch, seeded)
    client.post(
        reverse("privacy:delete"), {"password": "correct horse battery staple", "confirm": "on"}
    )
    logs = captured_logs.getvalue()
    assert "Internal Server Error" in logs  # the failures were logged
    assert "privacy: deletion" in logs
    assert not _leaks(logs), _leaks(logs)


@override_settings(ADMINS=[("Ops", "ops@example.org")])
def test_error_reports_hold_no_personal_data(seeded, monkeypatch):
    handler = AdminEmailHandler(include_html=True)
    handler.setLevel(logging.ERROR)
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        _failing_requests(monkeypatch, seeded)
    finally:
        logger.removeHandler(handler)
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        report = message.body + "".join(content for content, _type in message.alternatives)
        assert "the search index is gone" in report  # a real report, with the traceback
        assert not _leaks(report), _leaks(report)
        assert "Seedpassword" not in report
