import csv
import io
import zipfile

import pytest
from django.urls import reverse

from tsunagu.events.models import EventStatus
from tsunagu.events.services import registration_check_in, registration_create
from tsunagu.events.tests.factories import EventFactory
from tsunagu.partners.models import Partner, PartnerStatus

pytestmark = pytest.mark.django_db


def read(client) -> dict[str, list[dict]]:
    response = client.get(reverse("partners:open_data"))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "README.txt" in archive.namelist()
    return {
        name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))
        for name in ("partners.csv", "events.csv", "attendance.csv")
    } | {"raw": archive.read("partners.csv") + archive.read("events.csv")}


def test_open_data_holds_public_facts_and_no_personal_data(
    client, organisation, other_organisation
):
    Partner.objects.create(
        organisation=organisation,
        status=PartnerStatus.ACTIVE,
        contact_name="菊川 花子",
        contact_email="hanako@example.org",
    )
    Partner.objects.create(
        organisation=other_organisation,
        status=PartnerStatus.APPLIED,
        contact_name="非公開",
        contact_email="secret@example.org",
    )
    event = EventFactory(title_ja="SDGsカフェ #19", capacity=10)
    EventFactory(title_ja="下書き", status=EventStatus.DRAFT)
    first = registration_create(event=event, name="加賀 太郎", email="taro@example.org")
    registration_create(event=event, name="能登 次郎", email="jiro@example.org")
    registration_check_in(event=event, code=first.code)

    data = read(client)
    assert [p["slug"] for p in data["partners.csv"]] == [organisation.slug]
    assert [e["title_ja"] for e in data["events.csv"]] == ["SDGsカフェ #19"]
    assert data["attendance.csv"] == [
        {"event_id": str(event.pk), "registered": "2", "attended": "1", "waitlisted": "0"}
    ]
    raw = data["raw"].decode("utf-8")
    for personal in [
        "hanako@example.org",
        "菊川 花子",
        "taro@example.org",
        "加賀 太郎",
        "secret@example.org",
    ]:
        assert personal not in raw
