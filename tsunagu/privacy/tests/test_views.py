import io
import json
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from tsunagu.accounts.models import User
from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.privacy.models import PrivacyRequest
from tsunagu.privacy.tests import seed

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"  # UserFactory's


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_data_page_counts_records_and_offers_download_and_deletion():
    seeded = seed.person_with_data()
    response = _client(seeded.user).get(reverse("privacy:my_data"))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="privacy-counts"' in content
    assert reverse("privacy:download") in content
    assert reverse("privacy:delete") in content


def test_download_answers_a_zip_of_the_signed_in_persons_data():
    seeded = seed.person_with_data()
    response = _client(seeded.user).post(reverse("privacy:download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("data.json"))
    assert seed.REAL_NAME in json.dumps(data, ensure_ascii=False)
    assert PrivacyRequest.objects.filter(kind="download", user=seeded.user).exists()


def test_deletion_needs_the_password_and_then_logs_out():
    user = UserFactory(email=seed.EMAIL, full_name=seed.DISPLAY_NAME)
    client = _client(user)

    wrong = client.post(reverse("privacy:delete"), {"password": "not it", "confirm": "on"})
    assert wrong.status_code == 200
    user.refresh_from_db()
    assert user.is_active
    assert not PrivacyRequest.objects.exists()

    done = client.post(reverse("privacy:delete"), {"password": PASSWORD, "confirm": "on"})
    assert done.status_code == 302
    assert done["Location"] == reverse("web:privacy")
    user.refresh_from_db()
    assert not user.is_active
    assert user.full_name == ""
    assert client.get(reverse("privacy:my_data")).status_code == 302  # logged out
    assert not Client().login(username=seed.EMAIL, password=PASSWORD)


def test_staff_see_the_audit_by_reference_without_the_persons_data():
    user = UserFactory(email=seed.EMAIL, full_name=seed.DISPLAY_NAME)
    client = _client(user)
    client.post(reverse("privacy:download"))
    client.post(reverse("privacy:delete"), {"password": PASSWORD, "confirm": "on"})
    references = set(PrivacyRequest.objects.values_list("subject_reference", flat=True))
    assert len(references) == 1

    staff = UserFactory(roles=[Role.CITY_STAFF])
    page = _client(staff).get(reverse("privacy:request_list")).content.decode()
    assert references.pop() in page
    assert seed.EMAIL not in page
    assert seed.DISPLAY_NAME not in page
    assert page.count("<tr>") == 3  # header, download, deletion

    citizen = UserFactory()
    assert _client(citizen).get(reverse("privacy:request_list")).status_code == 403
    assert User.objects.filter(is_active=False).count() == 1
