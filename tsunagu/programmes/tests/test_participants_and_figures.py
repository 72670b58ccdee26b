"""Participants, reports and the yearly figures (page, CSV and API)."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tsunagu.programmes import selectors, services
from tsunagu.programmes.models import ProgrammeKind, ReportKind
from tsunagu.programmes.tests.factories import ProgrammeFactory


@pytest.fixture
def figures_data(users):
    staff = users["city_staff"]
    scholarship = ProgrammeFactory(kind=ProgrammeKind.SCHOLARSHIP)
    workshop = ProgrammeFactory(kind=ProgrammeKind.CHILDREN_WORKSHOP)
    dispatch = ProgrammeFactory(kind=ProgrammeKind.DISPATCH)
    residency = ProgrammeFactory(kind=ProgrammeKind.RESIDENCY)
    seminar = ProgrammeFactory(kind=ProgrammeKind.SEMINAR_SERIES)
    add = services.participant_add
    add(programme=scholarship, year=2024, name="A", by=staff)
    add(programme=scholarship, year=2024, name="B", by=staff)
    add(programme=scholarship, year=2025, name="C", by=staff)
    add(programme=workshop, year=2024, name="class 1", count=28, by=staff)
    add(programme=workshop, year=2024, name="class 2", count=30, by=staff)
    add(
        programme=dispatch,
        year=2025,
        name="D",
        destination_city="Nantes",
        by=staff,
        destination_country="fr",
    )
    add(
        programme=dispatch,
        year=2025,
        name="E",
        destination_city="Nantes",
        by=staff,
        destination_country="FR",
    )
    add(
        programme=dispatch,
        year=2025,
        name="F",
        destination_city="Jingdezhen",
        by=staff,
        destination_country="CN",
    )
    add(programme=residency, year=2025, name="G", by=staff)
    add(programme=seminar, year=2025, name="not counted", count=99, by=staff)


def test_figures_are_grouped_by_year(figures_data):
    rows = selectors.figures_by_year()
    assert [row["year"] for row in rows] == [2024, 2025]
    y2024, y2025 = rows
    assert (y2024["scholarships_awarded"], y2024["children_reached"]) == (2, 58)
    assert y2024["craftsmen_dispatched"] == 0
    assert y2025["scholarships_awarded"] == 1
    assert y2025["craftsmen_dispatched"] == 3
    assert y2025["residents_hosted"] == 1
    assert y2025["cities"] == [
        {"city": "Jingdezhen", "country": "CN", "dispatched": 1},
        {"city": "Nantes", "country": "FR", "dispatched": 2},
    ]


def test_figures_page_csv_and_api(figures_data, client):
    page = client.get(reverse("programmes:figures"))
    assert page.status_code == 200
    assert b"figures-chart" in page.content
    assert b"Nantes (FR) \xc3\x972" in page.content
    response = client.get(reverse("programmes:figures_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:2] == ["year", "scholarships_awarded"]
    assert rows[1][:5] == ["2024", "2", "58", "0", "0"]
    api = client.get("/api/v1/crafts/programmes/figures").json()
    assert api[1]["craftsmen_dispatched"] == 3
    assert api[1]["cities"][1]["city"] == "Nantes"


def test_only_staff_add_participants(users):
    programme = ProgrammeFactory()
    with pytest.raises(PermissionDenied):
        services.participant_add(programme=programme, year=2025, name="x", by=users["assessor"])
    with pytest.raises(ValidationError):
        services.participant_add(
            programme=programme, year=2025, name="x", count=0, by=users["city_staff"]
        )


def test_participant_reports_and_staff_publish(users, client_as):
    participant = services.participant_add(
        programme=ProgrammeFactory(kind=ProgrammeKind.DISPATCH),
        year=2025,
        name="職人",
        user=users["plain_user"],
        destination_city="Demo City",
        destination_country="ZZ",
        by=users["city_staff"],
    )
    with pytest.raises(PermissionDenied):
        services.report_submit(
            participant=participant,
            by=users["partner_member"],
            kind=ReportKind.DISPATCH,
            year=2025,
            title="t",
            body="b",
        )
    url = reverse("programmes:report_new", args=[participant.pk])
    assert client_as("partner_member").get(url).status_code == 403
    response = client_as("plain_user").post(
        url, {"kind": "dispatch", "year": 2025, "title": "派遣報告", "body": "本文"}
    )
    assert response.status_code == 302
    report = participant.reports.get()
    assert report.destination_city == "Demo City"
    assert not report.is_published
    assert "派遣報告" not in client_as(None).get(reverse("programmes:report_list")).content.decode()
    assert (
        "派遣報告"
        in client_as("city_staff").get(reverse("programmes:report_list")).content.decode()
    )
    publish = reverse("programmes:report_publish", args=[report.pk])
    assert client_as("plain_user").post(publish, {"publish": "1"}).status_code == 403
    client_as("city_staff").post(publish, {"publish": "1"})
    report.refresh_from_db()
    assert report.is_published
    assert "派遣報告" in client_as(None).get(reverse("programmes:report_list")).content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [(None, 302), ("plain_user", 403), ("assessor", 403), ("city_staff", 200)],
)
def test_participants_page_is_for_staff(client_as, role, status):
    programme = ProgrammeFactory()
    url = reverse("programmes:participant_list", args=[programme.slug])
    assert client_as(role).get(url).status_code == status


def test_staff_add_children_as_a_count(client_as):
    programme = ProgrammeFactory(kind=ProgrammeKind.CHILDREN_WORKSHOP)
    url = reverse("programmes:participant_list", args=[programme.slug])
    staff = client_as("city_staff")
    bad = staff.post(url, {"year": 2025, "name": "x", "count": 3, "destination_country": "FRA"})
    assert bad.status_code == 400
    response = staff.post(url, {"year": 2025, "name": "金沢小学校 3年", "count": 31})
    assert response.status_code == 302
    assert selectors.figures_by_year()[0]["children_reached"] == 31
