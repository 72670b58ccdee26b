"""Campaign pages over HTTP: who may see, join and record; the atomic visit form; the CSV."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from tsunagu.core.models import PublicationStatus
from tsunagu.nature.models import CampaignParticipant, Visit, VisitCount
from tsunagu.nature.services import campaigns as services
from tsunagu.nature.services.campaigns import CountInput
from tsunagu.nature.tests.factories_campaigns import (
    CampaignFactory,
    ParticipantFactory,
    SiteFactory,
    fireflies,
)
from tsunagu.projects.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def taxa():
    return fireflies()


@pytest.fixture
def campaign(taxa, organisation):
    """Organised by the partner whose member is users["partner_member"]."""
    return CampaignFactory(
        slug="hotaru",
        title_ja="ホタル調査",
        title_en="Firefly survey",
        target_taxa=taxa,
        organisers=[PartnerFactory(organisation=organisation)],
    )


@pytest.fixture
def site(campaign):
    return SiteFactory(campaign=campaign, code="kikugawa", name_ja="菊川", name_en="Kikugawa")


@pytest.fixture
def participant_client(client_as, users, campaign):
    ParticipantFactory(campaign=campaign, user=users["plain_user"], name="市民")
    return client_as("plain_user")


def visit_post(site, taxa, **changes) -> dict:
    genji, heike = taxa
    data = {
        "site": site.pk,
        "date": "2024-06-12",
        "start_time": "19:30",
        "end_time": "21:00",
        "observers_count": "4",
        "weather": "clear",
        "temperature_c": "21.5",
        "moon": "crescent",
        "artificial_light": "low",
        "protocol_variant": "three 10-second counts",
        "is_complete_checklist": "on",
        "notes": "",
        f"count_{genji.pk}": "",
        f"sub_counts_{genji.pk}": "12, 15, 10",
        f"count_{heike.pk}": "0",
        f"sub_counts_{heike.pk}": "",
    }
    return data | changes


def test_list_and_detail_are_public(client_as, campaign, site, taxa):
    client = client_as(None)
    response = client.get(reverse("nature:campaign_list"))
    assert response.status_code == 200
    assert "ホタル調査" in response.text
    detail = client.get(reverse("nature:campaign_detail", args=["hotaru"]))
    assert detail.status_code == 200
    assert "菊川" in detail.text
    assert "Luciola cruciata" in detail.text
    english = client.get("/en/nature/campaigns/hotaru/")
    assert "Firefly survey" in english.text
    assert "Kikugawa" in english.text
    assert f'href="/partners/{campaign.organisers.get().organisation.slug}/"' in detail.text


def test_organisers_not_approved_are_not_shown(client_as, campaign, other_organisation):
    campaign.organisers.add(PartnerFactory(organisation=other_organisation, status="applied"))
    client = client_as(None)
    for url in (
        reverse("nature:campaign_list"),
        reverse("nature:campaign_detail", args=["hotaru"]),
    ):
        text = client.get(url).text
        assert other_organisation.name_ja not in text
        assert campaign.organisers.get(status="active").organisation.name_ja in text


def test_target_taxa_link_to_their_pages(client_as, campaign, taxa):
    detail = client_as(None).get(reverse("nature:campaign_detail", args=["hotaru"]))
    for taxon in taxa:
        assert f'href="/nature/taxa/{taxon.pk}/"' in detail.text


def test_a_draft_is_hidden_from_the_public(client_as, campaign):
    campaign.publication = PublicationStatus.DRAFT
    campaign.save()
    url = reverse("nature:campaign_detail", args=["hotaru"])
    assert client_as(None).get(url).status_code == 404
    assert client_as("plain_user").get(url).status_code == 404
    assert client_as("partner_member").get(url).status_code == 200  # an organiser
    assert client_as("city_staff").get(url).status_code == 200
    assert "ホタル調査" not in client_as(None).get(reverse("nature:campaign_list")).text
    assert client_as(None).get(f"/api/v1/nature/campaigns/{campaign.slug}").status_code == 404


def test_children_names_are_never_public(client_as, campaign, users):
    services.campaign_participant_add(
        campaign=campaign,
        user=users["assessor"],
        name="ひみつの子",
        is_child=True,
        guardian_name="保護者",
        guardian_consent=True,
    )
    ParticipantFactory(campaign=campaign, name="大人の参加者")
    for client in (client_as(None), client_as("plain_user")):
        page = client.get(reverse("nature:campaign_detail", args=["hotaru"]))
        assert "ひみつの子" not in page.text
        assert "大人の参加者" not in page.text
        assert '<td data-testid="participant-total">2</td>' in page.text
    api = client_as(None).get("/api/v1/nature/campaigns/hotaru").json()
    assert api["participants"] == 2
    assert "ひみつの子" not in str(api)
    own = client_as("assessor").get(reverse("nature:campaign_join", args=["hotaru"]))
    assert "ひみつの子" in own.text  # the guardian sees the child they registered


def test_joining_needs_an_account(client_as, campaign):
    url = reverse("nature:campaign_join", args=["hotaru"])
    response = client_as(None).post(url, {"action": "self"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not CampaignParticipant.objects.exists()


def test_a_user_joins_and_registers_a_child_with_consent(client_as, users, campaign):
    client = client_as("plain_user")
    url = reverse("nature:campaign_join", args=["hotaru"])
    assert client.post(url, {"action": "self"}).status_code == 302
    refused = client.post(url, {"action": "child", "name": "たろう", "guardian_name": "市民 花子"})
    assert refused.status_code == 200
    assert "A guardian must consent" in refused.text or "保護者" in refused.text
    assert not CampaignParticipant.objects.filter(is_child=True).exists()
    accepted = client.post(
        url,
        {
            "action": "child",
            "name": "たろう",
            "guardian_name": "市民 花子",
            "guardian_consent": "on",
        },
    )
    assert accepted.status_code == 302
    child = CampaignParticipant.objects.get(is_child=True)
    assert child.user == users["plain_user"]
    assert child.guardian_consent_at is not None
    leave = client.post(url, {"action": "leave", "participant": child.pk})
    assert leave.status_code == 302
    assert not CampaignParticipant.objects.filter(is_child=True).exists()


def test_nobody_withdraws_someone_elses_record(client_as, campaign):
    other = ParticipantFactory(campaign=campaign, name="他人")
    url = reverse("nature:campaign_join", args=["hotaru"])
    response = client_as("plain_user").post(url, {"action": "leave", "participant": other.pk})
    assert response.status_code == 404
    assert CampaignParticipant.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, "login"),
        ("plain_user", 403),
        ("assessor", 403),
        ("partner_member", 200),  # member of an organiser
        ("city_staff", 200),
        ("administrator", 200),
    ],
)
def test_who_may_record_a_visit(client_as, campaign, site, role, status):
    response = client_as(role).get(reverse("nature:visit_create", args=["hotaru"]))
    if status == "login":
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    else:
        assert response.status_code == status


def test_a_participant_records_a_visit_with_a_zero(participant_client, site, taxa, users):
    genji, heike = taxa
    response = participant_client.post(
        reverse("nature:visit_create", args=["hotaru"]), visit_post(site, taxa)
    )
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert visit.recorded_by == users["plain_user"]
    assert (visit.start_time, visit.observers_count, visit.moon) == (
        datetime.time(19, 30),
        4,
        "crescent",
    )
    counts = {c.taxon_id: (c.count, c.sub_counts) for c in visit.counts.all()}
    assert counts == {genji.pk: (15, [12, 15, 10]), heike.pk: (0, [])}


def test_one_bad_count_saves_nothing_and_says_where(participant_client, site, taxa):
    _, heike = taxa
    response = participant_client.post(
        reverse("nature:visit_create", args=["hotaru"]),
        visit_post(site, taxa, **{f"sub_counts_{heike.pk}": "3, x", f"count_{heike.pk}": ""}),
    )
    assert response.status_code == 200
    assert not Visit.objects.exists()
    assert not VisitCount.objects.exists()
    form = response.context["form"]
    assert list(form.errors) == [f"sub_counts_{heike.pk}"]


def test_service_errors_land_on_their_fields(participant_client, site, taxa):
    _, heike = taxa
    response = participant_client.post(
        reverse("nature:visit_create", args=["hotaru"]),
        visit_post(site, taxa, end_time="19:00", **{f"count_{heike.pk}": ""}),
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"end_time", f"count_{heike.pk}"}
    assert not Visit.objects.exists()


def _visit(campaign, site, taxa, recorded_by=None) -> Visit:
    genji, heike = taxa
    return services.visit_create(
        campaign=campaign,
        site=site,
        date=datetime.date(2024, 6, 12),
        recorded_by=recorded_by,
        counts={genji: CountInput(count=3), heike: CountInput(count=0)},
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [(None, "login"), ("partner_member", 403), ("plain_user", 200), ("city_staff", 200)],
)
def test_only_the_recorder_and_staff_edit_a_visit(
    client_as, users, campaign, site, taxa, role, status
):
    visit = _visit(campaign, site, taxa, recorded_by=users["plain_user"])
    response = client_as(role).get(reverse("nature:visit_edit", args=["hotaru", visit.pk]))
    if status == "login":
        assert response.status_code == 302
    else:
        assert response.status_code == status


def test_delete_by_someone_else_is_refused(client_as, users, campaign, site, taxa):
    visit = _visit(campaign, site, taxa, recorded_by=users["city_staff"])
    url = reverse("nature:visit_delete", args=["hotaru", visit.pk])
    assert client_as("partner_member").post(url).status_code == 403
    assert client_as("plain_user").post(url).status_code == 403
    assert Visit.objects.filter(pk=visit.pk).exists()
    assert client_as("city_staff").post(url).status_code == 302
    assert not Visit.objects.exists()


def test_the_recorder_edits_the_visit(client_as, users, campaign, site, taxa):
    _, heike = taxa
    visit = _visit(campaign, site, taxa, recorded_by=users["plain_user"])
    client = client_as("plain_user")
    url = reverse("nature:visit_edit", args=["hotaru", visit.pk])
    form = client.get(url).context["form"]
    assert form.initial[f"count_{heike.pk}"] == 0
    response = client.post(url, visit_post(site, taxa, **{f"count_{heike.pk}": "2"}))
    assert response.status_code == 302
    assert visit.counts.get(taxon=heike).count == 2


def test_results_csv(client_as, campaign, site, taxa):
    genji, heike = taxa
    services.visit_create(
        campaign=campaign,
        site=site,
        date=datetime.date(2024, 6, 12),
        start_time=datetime.time(19, 30),
        end_time=datetime.time(21, 0),
        temperature_c=-1,
        notes="=HYPERLINK()",
        counts={genji: CountInput(sub_counts=(12, 15, 10)), heike: CountInput(count=0)},
    )
    services.visit_create(
        campaign=campaign,
        site=site,
        date=datetime.date(2024, 6, 20),
        is_complete_checklist=False,
        counts={genji: CountInput(count=1)},
    )
    response = client_as(None).get(reverse("nature:campaign_results_csv", args=["hotaru"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # BOM for Excel
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 4  # two visits × two target taxa
    first = {r["scientific_name"]: r for r in rows if r["date"] == "2024-06-12"}
    assert first["Luciola cruciata"]["count"] == "15"
    assert first["Luciola cruciata"]["sub_counts"] == "12 15 10"
    assert first["Aquatica lateralis"]["count"] == "0"  # the zero is a row
    assert first["Aquatica lateralis"]["duration_min"] == "90"
    assert first["Aquatica lateralis"]["site_name"] == "菊川"
    assert first["Aquatica lateralis"]["temperature_c"] == "-1.0"
    assert first["Aquatica lateralis"]["notes"] == "'=HYPERLINK()"
    second = {r["scientific_name"]: r for r in rows if r["date"] == "2024-06-20"}
    assert second["Aquatica lateralis"]["count"] == ""  # not looked for: unknown, not zero
    assert second["Aquatica lateralis"]["complete_checklist"] == "false"


def test_detail_shows_trends_and_chart_data(client_as, campaign, site, taxa):
    genji, heike = taxa
    for year, count in ((2020, 2), (2021, 4), (2022, 6), (2023, 8), (2024, 10)):
        services.visit_create(
            campaign=campaign,
            site=site,
            date=datetime.date(year, 6, 10),
            counts={genji: CountInput(count=count), heike: CountInput(count=0)},
        )
    response = client_as(None).get("/en/nature/campaigns/hotaru/")
    directions = {
        r["taxon"]: str(r["trend"].direction)
        for r in response.context["trend_rows"]
        if r["site"] == "Kikugawa"
    }
    assert directions.pop("All target taxa together") == "increasing"
    assert sorted(directions.values()) == ["increasing", "stable"]  # genji up, heike all zero
    assert "↑" in response.text
    chart = response.context["chart"]
    assert chart["years"] == [2020, 2021, 2022, 2023, 2024]
    assert chart["current_year"] == 2024
    assert [n["total"] for n in chart["nights"] if n["taxon"] == str(genji.pk)] == [10]
    assert 'id="campaign-chart-data"' in response.text
