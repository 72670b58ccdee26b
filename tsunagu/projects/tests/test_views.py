"""Project pages over HTTP: who may see and edit what, the atomic row forms, and the whole
flow from a partner application to a progress report."""

from datetime import datetime, time

import pytest
from django.urls import reverse
from django.utils import timezone

from tsunagu.accounts.models import User
from tsunagu.core.models import PublicationStatus
from tsunagu.indicators.models import Indicator
from tsunagu.partners.models import Partner
from tsunagu.projects.light import months_before
from tsunagu.projects.models import Project, ProjectStatus
from tsunagu.projects.tests.factories import DeliverableFactory, ProjectFactory, ResourceFactory

pytestmark = pytest.mark.django_db

ROLES_EDITING_OWN_PROJECT = [
    (None, "login"),
    ("plain_user", 403),
    ("partner_member", 200),
    ("assessor", 403),
    ("city_staff", 200),
    ("administrator", 200),
]


def edit_urls(project: Project) -> list[str]:
    return [
        reverse(name, args=[project.slug])
        for name in [
            "projects:project_edit",
            "projects:deliverables_edit",
            "projects:resources_edit",
            "projects:report_create",
        ]
    ]


def project_post(project: Project, **changes) -> dict:
    data = {
        "title_ja": project.title_ja,
        "title_en": project.title_en or "",
        "lead_partner": project.lead_partner_id,
        "status": project.status,
        "publication": project.publication,
    }
    return data | changes


def formset_post(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data |= {f"{prefix}-{index}-{key}": value for key, value in row.items()}
    return data


def assert_status(response, expected) -> None:
    if expected == "login":
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == expected


# Permission matrix


@pytest.mark.parametrize(("role", "expected"), ROLES_EDITING_OWN_PROJECT)
def test_own_project_is_edited_by_its_members_and_staff(client_as, own_project, role, expected):
    client = client_as(role)
    for url in edit_urls(own_project):
        assert_status(client.get(url), expected)
    response = client.post(
        reverse("projects:project_edit", args=[own_project.slug]),
        project_post(own_project, title_ja="書き換えた"),
    )
    assert_status(response, 302 if expected == 200 else expected)
    own_project.refresh_from_db()
    assert (own_project.title_ja == "書き換えた") == (expected == 200)


def test_member_of_a_may_not_edit_bs_project(client_as, own_project, other_project):
    member = client_as("partner_member")
    for url in edit_urls(other_project):
        assert member.get(url).status_code == 403
    response = member.post(
        reverse("projects:project_edit", args=[other_project.slug]),
        project_post(other_project, title_ja="乗っ取り", lead_partner=own_project.lead_partner_id),
    )
    assert response.status_code == 403
    response = member.post(
        reverse("projects:report_create", args=[other_project.slug]),
        {"year": timezone.localdate().year, "summary": "偽の報告"},
    )
    assert response.status_code == 403
    other_project.refresh_from_db()
    assert other_project.title_ja == "他団体の事業"
    assert not other_project.progress_reports.exists()
    page = member.get(reverse("projects:project_detail", args=[other_project.slug]))
    assert page.status_code == 200
    assert reverse("projects:project_edit", args=[other_project.slug]) not in page.content.decode()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, 404),
        ("plain_user", 404),
        ("assessor", 404),
        ("partner_member", 200),
        ("city_staff", 200),
        ("administrator", 200),
    ],
)
def test_drafts_are_hidden_from_the_public(client_as, own_project, role, expected):
    Project.objects.filter(pk=own_project.pk).update(publication=PublicationStatus.DRAFT)
    client = client_as(role)
    detail = reverse("projects:project_detail", args=[own_project.slug])
    assert client.get(detail).status_code == expected
    listed = own_project.title_ja in client.get(reverse("projects:project_list")).content.decode()
    assert not listed  # the public list never shows drafts, whoever looks
    if role in ("plain_user", "assessor"):
        assert client.get(edit_urls(own_project)[0]).status_code == 404


def test_unapproved_partners_projects_are_hidden(client, own_project):
    Partner.objects.filter(pk=own_project.lead_partner_id).update(status="applied")
    assert (
        client.get(reverse("projects:project_detail", args=[own_project.slug])).status_code == 404
    )


def test_co_partners_members_see_drafts_but_do_not_edit(client_as, own_partner, other_project):
    Project.objects.filter(pk=other_project.pk).update(publication=PublicationStatus.DRAFT)
    other_project.co_partners.add(own_partner)
    member = client_as("partner_member")
    assert (
        member.get(reverse("projects:project_detail", args=[other_project.slug])).status_code == 200
    )
    for url in edit_urls(other_project):
        assert member.get(url).status_code == 403


@pytest.mark.parametrize(("role", "expected"), [(None, "login"), ("plain_user", 403)])
def test_only_partner_members_and_staff_register_projects(client_as, own_partner, role, expected):
    assert_status(client_as(role).get(reverse("projects:project_create")), expected)


def test_members_register_projects_only_for_their_own_partner(
    client_as, own_partner, other_partner
):
    member = client_as("partner_member")
    url = reverse("projects:project_create")
    form = member.get(url).context["form"]
    assert list(form.fields["lead_partner"].queryset) == [own_partner]
    assert "publication" not in form.fields  # publishing is the city's decision
    response = member.post(
        url, {"title_ja": "なりすまし", "lead_partner": other_partner.pk, "status": "planned"}
    )
    assert response.status_code == 200
    assert "lead_partner" in response.context["form"].errors
    assert not Project.objects.exists()

    staff = client_as("city_staff")
    response = staff.post(
        url,
        {
            "title_ja": "市の代理登録",
            "title_en": "Registered by staff",
            "lead_partner": other_partner.pk,
            "status": "planned",
            "publication": "draft",
        },
    )
    project = Project.objects.get(slug="registered-by-staff")
    assert response["Location"].endswith(f"/projects/{project.slug}/")
    assert project.publication == PublicationStatus.DRAFT


def test_staff_see_the_overdue_list(client_as, own_project):
    Project.objects.filter(pk=own_project.pk).update(
        created_at=timezone.now().replace(year=timezone.now().year - 2)
    )
    assert client_as("partner_member").get(reverse("projects:reporting_overdue")).status_code == 403
    page = client_as("city_staff").get(reverse("projects:reporting_overdue")).content.decode()
    assert own_project.title_ja in page


# Atomic row forms


def test_deliverables_form_with_one_bad_row_saves_nothing(client_as, own_project):
    kept = DeliverableFactory(project=own_project, title="観察会")
    url = reverse("projects:deliverables_edit", args=[own_project.slug])
    member = client_as("partner_member")
    rows = [
        {"pk": kept.pk, "title": "観察会（変更）", "due_on": "2026-07-01", "is_done": "on"},
        {"title": "報告書", "due_on": "2026-13-45"},
        {"title": "", "due_on": ""},
    ]
    response = member.post(url, formset_post("deliverables", rows, initial=1))
    assert response.status_code == 200
    formset = response.context["formset"]
    assert "due_on" in formset.forms[1].errors
    assert not formset.forms[0].errors
    kept.refresh_from_db()
    assert (kept.title, kept.is_done) == ("観察会", False)
    assert own_project.deliverables.count() == 1

    rows[1]["due_on"] = "2026-12-01"
    response = member.post(url, formset_post("deliverables", rows, initial=1))
    assert response.status_code == 302
    kept.refresh_from_db()
    assert (kept.title, kept.is_done, kept.done_on) == (
        "観察会（変更）",
        True,
        timezone.localdate(),
    )
    assert [d.title for d in own_project.deliverables.all()] == ["観察会（変更）", "報告書"]


def test_deliverables_form_rejects_a_row_of_another_project(client_as, own_project, other_project):
    foreign = DeliverableFactory(project=other_project, title="他団体の成果物")
    url = reverse("projects:deliverables_edit", args=[own_project.slug])
    rows = [{"title": "新しい成果物"}, {"pk": foreign.pk, "title": "乗っ取り"}]
    response = client_as("partner_member").post(url, formset_post("deliverables", rows))
    assert response.status_code == 200
    assert response.context["formset"].forms[1].non_field_errors()
    foreign.refresh_from_db()
    assert foreign.title == "他団体の成果物"
    assert not own_project.deliverables.exists()


def test_resources_form_is_atomic_too(client_as, own_project):
    kept = ResourceFactory(project=own_project, description="職員の時間", person_days=5)
    url = reverse("projects:resources_edit", args=[own_project.slug])
    member = client_as("partner_member")
    rows = [
        {
            "pk": kept.pk,
            "kind": "staff",
            "description": "職員の時間",
            "person_days": "5",
            "DELETE": "on",
        },
        {"kind": "financial", "description": "助成金"},
    ]
    response = member.post(url, formset_post("resources", rows, initial=1))
    assert response.status_code == 200
    assert response.context["formset"].forms[1].errors
    assert list(own_project.resources.all()) == [kept]

    rows[1]["amount_jpy"] = "300000"
    rows[1]["provided_by"] = str(own_project.lead_partner_id)
    assert member.post(url, formset_post("resources", rows, initial=1)).status_code == 302
    (resource,) = own_project.resources.all()
    assert (resource.kind, resource.amount_jpy) == ("financial", 300_000)
    assert resource.provided_by_id == own_project.lead_partner_id


# Progress report and the light on the pages


def test_report_form_validates_figures_and_turns_the_light_green(client_as, own_project):
    Project.objects.filter(pk=own_project.pk).update(
        created_at=timezone.now().replace(year=timezone.now().year - 3),
        status=ProjectStatus.INACTIVE,
    )
    deliverable = DeliverableFactory(project=own_project, title="観察会")
    member = client_as("partner_member")
    detail = reverse("projects:project_detail", args=[own_project.slug])
    assert 'data-light="red"' in member.get(detail).content.decode()
    url = reverse("projects:report_create", args=[own_project.slug])
    year = timezone.localdate().year
    data = {
        "year": year,
        "summary": "ホタルが戻ってきました",
        "deliverables_done": [deliverable.pk],
    } | formset_post("figures", [{"label": "ホタル", "value": ""}, {"label": "", "value": ""}])
    response = member.post(url, data)
    assert response.status_code == 200
    assert response.context["figures"].forms[0].errors
    assert not own_project.progress_reports.exists()

    data |= formset_post(
        "figures", [{"label": "ホタル", "value": "64"}, {"label": "参加者", "value": "12.5"}]
    )
    assert member.post(url, data).status_code == 302
    report = own_project.progress_reports.get()
    assert report.figures == {"ホタル": 64, "参加者": 12.5}
    assert report.submitted_by.email == "partner@example.org"
    deliverable.refresh_from_db()
    assert deliverable.is_done
    own_project.refresh_from_db()
    assert own_project.status == ProjectStatus.ACTIVE
    page = member.get(detail).content.decode()
    assert 'data-light="green"' in page
    assert "ホタルが戻ってきました" in page
    # the year is reported: it is no longer offered
    assert year not in [c[0] for c in member.get(url).context["form"].fields["year"].choices]


def test_list_shows_the_light_as_a_dot_with_words_and_filters_by_it(client, own_partner):
    today = timezone.localdate()
    yellow = ProjectFactory(lead_partner=own_partner, title_ja="黄色の事業", title_en="Yellow one")
    ProjectFactory(lead_partner=own_partner, title_ja="緑の事業")
    Project.objects.filter(pk=yellow.pk).update(
        created_at=timezone.make_aware(datetime.combine(months_before(today, 13), time(9)))
    )
    page = client.get(reverse("projects:project_list")).content.decode()
    assert page.count('class="light__dot" aria-hidden="true"') == 2
    assert 'data-light="yellow"' in page
    assert 'data-light="green"' in page
    filtered = client.get(reverse("projects:project_list"), {"light": "yellow"}).content.decode()
    assert "黄色の事業" in filtered
    assert "緑の事業" not in filtered
    english = client.get("/en/projects/", {"light": "yellow"}).content.decode()
    assert "Yellow one" in english
    assert "Report overdue: over 12 months" in english


def test_detail_links_indicators_partners_and_goals(client, own_project, other_partner):
    from tsunagu.core.models import Goal
    from tsunagu.core.services import sdg_relations_set

    indicator = Indicator.objects.create(
        code="G6-1",
        indicator_set="test",
        name="水質",
        goal_id=6,
        formula="a",
        unit="%",
        direction="higher",
        upper_bound=100,
        green_threshold=80,
        red_threshold=20,
        source="test",
    )
    own_project.indicators.add(indicator)
    own_project.co_partners.add(other_partner)
    sdg_relations_set(own_project, goals=Goal.objects.filter(number=6))
    page = client.get(reverse("projects:project_detail", args=[own_project.slug])).content.decode()
    assert reverse("indicators:indicator_detail", args=["G6-1"]) in page
    assert reverse("partners:partner_detail", args=[other_partner.organisation.slug]) in page
    assert reverse("core:goal_detail", args=[6]) in page


# The whole flow


def test_application_approval_member_creates_edits_and_reports(
    client, client_as, django_capture_on_commit_callbacks
):
    response = client.post(
        reverse("partners:partner_apply"),
        {
            "name_ja": "犀川ホタルの会",
            "name_en": "Saigawa Firefly Club",
            "kind": "citizens",
            "contact_name": "金沢 花子",
            "contact_email": "hanako@example.org",
            "accept_terms": "on",
            "accept_privacy": "on",
        },
    )
    assert response.status_code == 200
    partner = Partner.objects.get(organisation__name_ja="犀川ホタルの会")
    review = reverse("partners:partner_review", args=[partner.organisation.slug])
    with django_capture_on_commit_callbacks(execute=True):
        assert client_as("city_staff").post(review, {"decision": "approve"}).status_code == 302

    member = User.objects.get(email="hanako@example.org")
    member.set_password("a long enough password 42")
    member.save()
    assert client.login(username="hanako@example.org", password="a long enough password 42")

    response = client.post(
        reverse("projects:project_create"),
        {
            "title_ja": "犀川のホタル調査",
            "title_en": "Saigawa firefly survey",
            "lead_partner": partner.pk,
            "goals": ["6", "15"],
            "starts_on": "2026-04-01",
            "status": "active",
        },
    )
    assert response.status_code == 302
    project = Project.objects.get(slug="saigawa-firefly-survey")
    assert project.lead_partner == partner
    assert project.is_published

    response = client.post(
        reverse("projects:project_edit", args=[project.slug]),
        project_post(project, description_ja="毎年6月に調査します", goals=["6"]),
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.description_ja == "毎年6月に調査します"
    assert [g.number for g in project.sdg_goals] == [6]

    client.post(
        reverse("projects:deliverables_edit", args=[project.slug]),
        formset_post("deliverables", [{"title": "調査報告書", "due_on": "2026-12-01"}]),
    )
    deliverable = project.deliverables.get()
    response = client.post(
        reverse("projects:report_create", args=[project.slug]),
        {
            "year": timezone.localdate().year,
            "summary": "初年度の調査を終えました",
            "deliverables_done": [deliverable.pk],
        }
        | formset_post("figures", [{"label": "ホタル", "value": "31"}]),
    )
    assert response.status_code == 302
    page = client.get(reverse("projects:project_detail", args=[project.slug])).content.decode()
    assert "初年度の調査を終えました" in page
    assert 'data-light="green"' in page
    assert "ホタル" in page
    assert "31" in page
