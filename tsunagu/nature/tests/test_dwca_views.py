"""Darwin Core staff pages, tested from outside: who may import and export, and what they see."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tsunagu.nature.models import Campaign, DarwinCoreImport, Observation

from .factories_dwca import OCCURRENCE_ROWS, occurrence_files

pytestmark = pytest.mark.django_db


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _upload(content: bytes, name: str = "fireflies.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/zip")


@pytest.mark.parametrize(
    ("role", "status"),
    [(None, 302), ("plain_user", 403), ("partner_member", 403), ("assessor", 403),
     ("city_staff", 200), ("administrator", 200)],
)  # fmt: skip
def test_only_city_staff_reach_the_pages(client_as, role, status):
    client = client_as(role)
    assert client.get(reverse("nature:dwca")).status_code == status
    assert client.get(reverse("nature:dwca_export")).status_code == status
    response = client.post(reverse("nature:dwca"), {"archive": _upload(_zip(occurrence_files()))})
    assert response.status_code == status
    assert Observation.objects.exists() == (status == 200)


def test_dry_run_then_import_then_history(client_as):
    client = client_as("city_staff")
    content = _zip(occurrence_files())
    response = client.post(reverse("nature:dwca"), {"archive": _upload(content), "dry_run": "on"})
    assert response.status_code == 200
    assert response.context["report"].created == 3
    assert not Observation.objects.exists()
    assert not DarwinCoreImport.objects.exists()

    response = client.post("/en" + reverse("nature:dwca"), {"archive": _upload(content)})
    body = response.content.decode()
    assert "Imported." in body
    assert "Kikugawa firefly test dataset" in body
    assert Observation.objects.count() == 3
    record = DarwinCoreImport.objects.get()
    assert (record.file_name, record.rows_created, record.imported_by.email) == (
        "fireflies.zip",
        3,
        "staff@example.org",
    )
    assert "fireflies.zip" in client.get(reverse("nature:dwca")).content.decode()


def test_bad_archive_shows_row_errors_and_writes_nothing(client_as):
    rows = [list(row) for row in OCCURRENCE_ROWS]
    rows[2][6], rows[2][7] = "north", "east"
    content = _zip(occurrence_files(rows=rows))
    response = client_as("city_staff").post(
        "/en" + reverse("nature:dwca"), {"archive": _upload(content)}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Nothing was imported." in body
    assert "occurrence.txt line 4" in body
    assert not Observation.objects.exists()
    assert not DarwinCoreImport.objects.exists()


def test_export_downloads_a_zip_per_dataset_and_campaign(client_as):
    client = client_as("city_staff")
    campaign = Campaign.objects.create(slug="sun-gardens", title="SUN garden survey")
    page = client.get(reverse("nature:dwca")).content.decode()
    assert "?campaign=sun-gardens" in page
    response = client.get(reverse("nature:dwca_export"))
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert {"meta.xml", "eml.xml", "occurrence.txt"} <= set(archive.namelist())
    response = client.get(reverse("nature:dwca_export"), {"campaign": campaign.slug})
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "event.txt" in archive.namelist()
    assert client.get(reverse("nature:dwca_export"), {"campaign": "nope"}).status_code == 404
