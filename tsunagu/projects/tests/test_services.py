from datetime import date, datetime, time
from unittest.mock import patch

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tsunagu.core.models import Goal, PublicationStatus, Target
from tsunagu.partners.models import PartnerStatus
from tsunagu.projects import selectors, services
from tsunagu.projects.light import months_before
from tsunagu.projects.models import Project, ProjectStatus
from tsunagu.projects.tests.factories import (
    DeliverableFactory,
    PartnerFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 15)


def at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def registered(project: Project, day: date) -> Project:
    Project.objects.filter(pk=project.pk).update(created_at=at(day))
    project.refresh_from_db()
    return project


def light_on(project: Project, day: date) -> str:
    """The light as the site shows it, with the clock frozen on `day`."""
    with patch("django.utils.timezone.now", return_value=at(day)):
        annotated = selectors.with_last_activity(Project.objects.filter(pk=project.pk)).get()
        return selectors.project_light(annotated)


# Projects


def test_create_makes_a_unique_slug_and_sets_the_sdgs(own_partner):
    first = services.project_create(
        lead_partner=own_partner,
        title_ja="ホタルの里",
        title_en="Firefly Canal",
        targets=Target.objects.filter(code="6.6"),
        goals=Goal.objects.filter(number=15),
    )
    second = services.project_create(
        lead_partner=own_partner, title_ja="ホタルの里 2", title_en="Firefly canal"
    )
    japanese_only = services.project_create(lead_partner=own_partner, title_ja="用水の清掃")
    assert (first.slug, second.slug) == ("firefly-canal", "firefly-canal-2")
    assert japanese_only.slug == "project"
    assert sorted(g.number for g in first.sdg_goals) == [6, 15]  # a target implies its goal
    assert [t.code for t in first.sdg_targets] == ["6.6"]
    assert first.title_ja == "ホタルの里"
    assert first.title_en == "Firefly Canal"


def test_create_refuses_an_end_before_the_start(own_partner):
    with pytest.raises(ValidationError):
        services.project_create(
            lead_partner=own_partner,
            title_ja="逆の期間",
            starts_on=date(2026, 5, 1),
            ends_on=date(2026, 4, 1),
        )
    assert not Project.objects.exists()


def test_update_keeps_the_slug_and_replaces_relations(own_project, other_partner):
    services.project_update(
        project=own_project,
        lead_partner=own_project.lead_partner,
        title_ja="新しい名前",
        title_en="A new name",
        co_partners=[other_partner, own_project.lead_partner],
        goals=Goal.objects.filter(number__in=[11, 13]),
        status=ProjectStatus.ACTIVE,
    )
    own_project.refresh_from_db()
    assert own_project.slug == "own-project"
    assert own_project.title_en == "A new name"
    assert list(own_project.co_partners.all()) == [other_partner]  # never its own co-partner
    assert sorted(g.number for g in own_project.sdg_goals) == [11, 13]
    assert own_project.publication == PublicationStatus.PUBLISHED  # None keeps it


# Deliverables and resources


def test_ticking_a_deliverable_records_the_day_and_unticking_clears_it(own_project):
    deliverable = services.deliverable_add(project=own_project, title="観察会")
    assert deliverable.done_on is None
    services.deliverable_update(deliverable=deliverable, title="観察会", is_done=True)
    assert deliverable.done_on == timezone.localdate()
    services.deliverable_update(deliverable=deliverable, title="観察会", is_done=False)
    assert deliverable.done_on is None
    assert not deliverable.is_done


def test_deliverables_save_is_all_or_nothing(own_project, other_project):
    kept = DeliverableFactory(project=own_project, title="既存")
    foreign = DeliverableFactory(project=other_project, title="他の事業")
    rows = [
        services.DeliverableRow(pk=kept.pk, title="変更した", is_done=True),
        services.DeliverableRow(title="新しい成果物"),
        services.DeliverableRow(pk=foreign.pk, title="乗っ取り"),
    ]
    with pytest.raises(services.RowError) as excinfo:
        services.deliverables_save(project=own_project, rows=rows)
    assert excinfo.value.index == 2
    kept.refresh_from_db()
    foreign.refresh_from_db()
    assert (kept.title, kept.is_done) == ("既存", False)
    assert foreign.title == "他の事業"
    assert own_project.deliverables.count() == 1

    services.deliverables_save(project=own_project, rows=rows[:2])
    assert [d.title for d in own_project.deliverables.all()] == ["変更した", "新しい成果物"]


def test_resources_need_their_measure(own_project):
    with pytest.raises(ValidationError):
        services.resource_add(project=own_project, kind="financial", description="助成金")
    with pytest.raises(ValidationError):
        services.resource_add(project=own_project, kind="staff", description="職員")
    resource = services.resource_add(
        project=own_project, kind="financial", description="助成金", amount_jpy=500_000
    )
    services.resource_remove(resource=resource)
    assert not own_project.resources.exists()


# Progress reports


@pytest.mark.parametrize(
    "figures",
    [
        {"participants": True},
        {"participants": "many"},
        {"participants": float("nan")},
        {" ": 3},
        {"x" * 101: 3},
        [("participants", 3)],
    ],
)
def test_figures_must_be_labelled_numbers(figures):
    with pytest.raises(ValidationError):
        services.figures_clean(figures)


def test_figures_keep_ints_and_floats():
    assert services.figures_clean({" 参加者 ": 120, "CO2 t": 1.5}) == {"参加者": 120, "CO2 t": 1.5}


def test_a_report_a_year_ticking_deliverables_done(own_project, other_project, users):
    first = DeliverableFactory(project=own_project)
    second = DeliverableFactory(project=own_project)
    report = services.progress_report_submit(
        project=own_project,
        year=2026,
        summary="順調",
        figures={"参加者": 120},
        deliverables_done=[first],
        submitted_by=users["partner_member"],
        submitted_at=at(TODAY),
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.is_done, first.done_on) == (True, TODAY)
    assert not second.is_done
    assert list(report.deliverables_done.all()) == [first]
    assert report.figures == {"参加者": 120}
    with pytest.raises(ValidationError, match="2026"):
        services.progress_report_submit(
            project=own_project, year=2026, summary="二度目", submitted_at=at(TODAY)
        )
    with pytest.raises(ValidationError):
        services.progress_report_submit(
            project=own_project,
            year=2025,
            summary="他の事業の成果物",
            deliverables_done=[DeliverableFactory(project=other_project)],
            submitted_at=at(TODAY),
        )
    with pytest.raises(ValidationError):
        services.progress_report_submit(
            project=own_project, year=2027, summary="未来", submitted_at=at(TODAY)
        )
    assert own_project.progress_reports.count() == 1


# Traffic light and the stale-project marking, with a frozen clock


def test_light_turns_yellow_after_12_and_red_after_24_months(own_project):
    registered(own_project, TODAY)
    assert light_on(own_project, months_before(TODAY, -11)) == "green"
    assert light_on(own_project, months_before(TODAY, -13)) == "yellow"
    assert light_on(own_project, months_before(TODAY, -25)) == "red"


def test_a_report_resets_the_light_and_reactivates(own_project):
    registered(own_project, months_before(TODAY, 25))
    Project.objects.filter(pk=own_project.pk).update(status=ProjectStatus.INACTIVE)
    assert light_on(own_project, TODAY) == "red"
    with patch("django.utils.timezone.now", return_value=at(TODAY)):
        services.progress_report_submit(project=own_project, year=2026, summary="再開しました")
    own_project.refresh_from_db()
    assert own_project.status == ProjectStatus.ACTIVE
    assert light_on(own_project, TODAY) == "green"
    assert light_on(own_project, months_before(TODAY, -13)) == "yellow"


@pytest.mark.parametrize("status", [ProjectStatus.COMPLETED, ProjectStatus.STOPPED])
def test_finished_projects_have_no_light(own_project, status):
    registered(own_project, months_before(TODAY, 30))
    Project.objects.filter(pk=own_project.pk).update(status=status)
    assert light_on(own_project, TODAY) == "n/a"


def test_mark_stale_inactive_in_one_query(own_partner, django_assert_num_queries):
    def project(status, registered_months_ago, reported_months_ago=None):
        p = registered(
            ProjectFactory(lead_partner=own_partner, status=status),
            months_before(TODAY, registered_months_ago),
        )
        if reported_months_ago is not None:
            day = months_before(TODAY, reported_months_ago)
            services.progress_report_submit(
                project=p, year=day.year, summary="報告", submitted_at=at(day)
            )
        return p

    stale_active = project(ProjectStatus.ACTIVE, 25)
    stale_planned = project(ProjectStatus.PLANNED, 30)
    stale_reported = project(ProjectStatus.ACTIVE, 40, reported_months_ago=25)
    recently_reported = project(ProjectStatus.ACTIVE, 40, reported_months_ago=23)
    yellow = project(ProjectStatus.ACTIVE, 13)
    completed = project(ProjectStatus.COMPLETED, 30)
    stopped = project(ProjectStatus.STOPPED, 30)

    with django_assert_num_queries(1):
        count = services.project_mark_stale_inactive(today=TODAY)
    assert count == 3
    statuses = {p.pk: s for p, s in ((p, p.status) for p in Project.objects.all())}
    assert {pk for pk, s in statuses.items() if s == ProjectStatus.INACTIVE} == {
        stale_active.pk,
        stale_planned.pk,
        stale_reported.pk,
    }
    assert statuses[recently_reported.pk] == statuses[yellow.pk] == ProjectStatus.ACTIVE
    assert statuses[completed.pk] == ProjectStatus.COMPLETED
    assert statuses[stopped.pk] == ProjectStatus.STOPPED
    assert services.project_mark_stale_inactive(today=TODAY) == 0  # idempotent


# Selectors


def test_public_list_filters(own_partner, other_partner):
    lead = PartnerFactory(status=PartnerStatus.APPLIED)
    fireflies = ProjectFactory(
        lead_partner=own_partner,
        title_ja="ホタルの里",
        title_en="Fireflies",
        starts_on=date(2024, 4, 1),
        ends_on=date(2025, 3, 31),
    )
    fireflies.co_partners.add(other_partner)
    services.project_update(
        project=fireflies,
        lead_partner=own_partner,
        title_ja="ホタルの里",
        title_en="Fireflies",
        co_partners=[other_partner],
        starts_on=date(2024, 4, 1),
        ends_on=date(2025, 3, 31),
        status=ProjectStatus.ACTIVE,
        goals=Goal.objects.filter(number=15),
    )
    food = ProjectFactory(
        lead_partner=other_partner, title_ja="食品ロス", status=ProjectStatus.PLANNED
    )
    ProjectFactory(lead_partner=own_partner, publication=PublicationStatus.DRAFT)
    ProjectFactory(lead_partner=lead)  # partner not approved yet

    def slugs(**filters):
        return {p.slug for p in selectors.project_list(**filters)}

    assert slugs() == {fireflies.slug, food.slug}
    assert slugs(goal=15) == {fireflies.slug}
    assert slugs(status="planned") == {food.slug}
    assert slugs(partner=other_partner.organisation.slug) == {fireflies.slug, food.slug}
    assert slugs(partner=own_partner.organisation.slug) == {fireflies.slug}
    assert slugs(year=2024) == {fireflies.slug, food.slug}
    assert slugs(year=2026) == {food.slug}
    assert slugs(q="ホタル") == slugs(q="firefl") == {fireflies.slug}
    assert slugs(colour="green") == {fireflies.slug, food.slug}
    assert slugs(colour="red") == set()


def test_light_filter_and_overdue_list(own_partner):
    today = timezone.localdate()
    green = registered(ProjectFactory(lead_partner=own_partner), months_before(today, 11))
    yellow = registered(ProjectFactory(lead_partner=own_partner), months_before(today, 13))
    red = registered(
        ProjectFactory(lead_partner=own_partner, status=ProjectStatus.INACTIVE),
        months_before(today, 25),
    )
    registered(
        ProjectFactory(lead_partner=own_partner, status=ProjectStatus.COMPLETED),
        months_before(today, 30),
    )
    assert [p.pk for p in selectors.project_list(colour="green")] == [green.pk]
    assert [p.pk for p in selectors.project_list(colour="yellow")] == [yellow.pk]
    assert [p.pk for p in selectors.project_list(colour="red")] == [red.pk]
    assert [p.pk for p in selectors.reporting_overdue()] == [red.pk, yellow.pk]


def test_projects_for_partner_include_co_partnered(own_partner, other_partner, users):
    led = ProjectFactory(lead_partner=own_partner)
    joined = ProjectFactory(lead_partner=other_partner)
    joined.co_partners.add(own_partner)
    draft = ProjectFactory(lead_partner=other_partner, publication=PublicationStatus.DRAFT)
    draft.co_partners.add(own_partner)
    ProjectFactory(lead_partner=other_partner)

    def visible(user):
        return set(selectors.projects_for_partner(partner=own_partner, user=user))

    from django.contrib.auth.models import AnonymousUser

    assert visible(AnonymousUser()) == {led, joined}
    assert visible(users["partner_member"]) == {led, joined, draft}
    assert visible(users["city_staff"]) == {led, joined, draft}
