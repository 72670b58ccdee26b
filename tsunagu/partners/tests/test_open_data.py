import csv
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from tsunagu.events.models import EventStatus
from tsunagu.events.services import registration_check_in, registration_create
from tsunagu.events.tests.factories import EventFactory
from tsunagu.partners.models import Partner, PartnerStatus
from tsunagu.projects.models import Deliverable, ProgressReport, Project

pytestmark = pytest.mark.django_db


def read(client) -> dict[str, list[dict]]:
    response = client.get(reverse("partners:open_data"))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "README.txt" in archive.namelist()
    return {
        name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))
        for name in ("partners.csv", "projects.csv", "events.csv", "attendance.csv")
    } | {"raw": b"".join(archive.read(name) for name in archive.namelist())}


def test_open_data_holds_public_facts_and_no_personal_data(
    client, organisation, other_organisation
):
    partner = Partner.objects.create(
        organisation=organisation,
        status=PartnerStatus.ACTIVE,
        contact_name="菊川 花子",
        contact_email="hanako@example.org",
    )
    project = Project.objects.create(slug="fireflies", title_ja="ホタル調査", lead_partner=partner)
    Deliverable.objects.create(project=project, title="報告書", is_done=True)
    ProgressReport.objects.create(
        project=project, year=2025, submitted_at=timezone.now(), summary="菊川 花子が報告"
    )
    Project.objects.create(
        slug="draft", title_ja="下書き計画", lead_partner=partner, publication="draft"
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
    (project_row,) = data["projects.csv"]
    assert project_row["slug"] == "fireflies"
    assert project_row["lead_partner"] == organisation.slug
    assert (project_row["deliverables"], project_row["deliverables_done"]) == ("1", "1")
    assert project_row["last_report_year"] == "2025"
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


def test_open_data_api_filters_by_sdg_type_and_year(client):
    import datetime

    from tsunagu.accounts.tests.factories import OrganisationFactory
    from tsunagu.core.models import Goal
    from tsunagu.core.services import sdg_relations_set

    def partner(slug, kind, year, goals):
        organisation = OrganisationFactory(slug=slug, kind=kind)
        sdg_relations_set(organisation, goals=Goal.objects.filter(number__in=goals))
        return Partner.objects.create(
            organisation=organisation,
            status=PartnerStatus.ACTIVE,
            registered_on=datetime.date(year, 4, 1),
            contact_name="担当者 名前",
            contact_email=f"{slug}@example.org",
        )

    school = partner("school", "school", 2020, [4])
    partner("npo", "npo", 2021, [4, 15])
    project = Project.objects.create(
        slug="esd",
        title_ja="ESD",
        lead_partner=school,
        starts_on=datetime.date(2020, 4, 1),
        ends_on=datetime.date(2022, 3, 31),
    )
    sdg_relations_set(project, goals=Goal.objects.filter(number__in=[4]))
    cafe = EventFactory(
        kind="sdgs_cafe", starts_at=timezone.make_aware(datetime.datetime(2021, 6, 1, 18))
    )
    EventFactory(kind="workshop", starts_at=timezone.make_aware(datetime.datetime(2021, 7, 1, 18)))
    sdg_relations_set(cafe, goals=Goal.objects.filter(number__in=[17]))

    def slugs(url, key="slug", **params):
        response = client.get(url, params)
        assert response.status_code == 200
        return [row[key] for row in response.json()]

    assert slugs("/api/v1/open-data/partners", sdg=4) == ["npo", "school"]
    assert slugs("/api/v1/open-data/partners", sdg=15) == ["npo"]
    assert slugs("/api/v1/open-data/partners", type="school") == ["school"]
    assert slugs("/api/v1/open-data/partners", year=2021) == ["npo"]
    assert slugs("/api/v1/open-data/projects", year=2021) == ["esd"]
    assert slugs("/api/v1/open-data/projects", year=2023) == []
    assert slugs("/api/v1/open-data/projects", sdg=15) == []
    assert slugs("/api/v1/open-data/events", key="id", sdg=17) == [cafe.pk]
    assert slugs("/api/v1/open-data/events", key="type", year=2021) == ["sdgs_cafe", "workshop"]
    assert slugs("/api/v1/open-data/events", key="id", type="sdgs_cafe") == [cafe.pk]
    raw = client.get("/api/v1/open-data/partners").content.decode()
    assert "@example.org" not in raw
    assert "担当者" not in raw
