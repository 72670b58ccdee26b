"""Computed indicators from platform data built with minimal factories."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.biodiversity_index import computations
from tsunagu.biodiversity_index.tests.factories import Tree, campaign_with_visit, observation
from tsunagu.events.models import EventStatus
from tsunagu.events.tests.factories import EventFactory
from tsunagu.nature.models import QualityGrade
from tsunagu.projects.models import ProjectStatus
from tsunagu.projects.tests.factories import PartnerFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return Tree()


def test_native_species_count_uses_research_grade_visible_species_of_the_year(tree):
    observation(tree.bird, 2023)
    observation(tree.bird, 2023)  # same species twice: one species
    observation(tree.bird2_ssp, 2023)  # a subspecies counts as its species
    observation(tree.bird2, 2023)
    observation(tree.bird3, 2023, grade=QualityGrade.NEEDS_ID)  # not research grade
    observation(tree.bird3, 2023, hidden=True)  # hidden by a moderator
    observation(tree.bird_genus, 2023)  # not identified to species
    observation(tree.bird3, 2022)  # another year
    observation(tree.plant, 2023)  # another group
    figure = computations.native_species_count(group="birds", year=2023)
    assert figure.value == 2
    assert "2" in figure.data_en
    assert "2023" in figure.data_ja


def test_change_is_cumulative_list_against_the_baseline_year(tree):
    observation(tree.firefly, 2020)
    observation(tree.firefly2, 2022)
    observation(tree.plant, 2020)
    assert (
        computations.native_species_change(group="fireflies", year=2020, baseline_year=2020).value
        == 0
    )
    figure = computations.native_species_change(group="fireflies", year=2023, baseline_year=2020)
    assert figure.value == 1
    assert "2020" in figure.data_en
    # the firefly seen in 2020 and not since still counts (inventory, not the year's sightings)
    assert (
        computations.native_species_change(group="fireflies", year=2026, baseline_year=2023).value
        == 0
    )


def test_groups_whose_taxa_are_missing_count_nothing():
    assert computations.native_species_count(group="butterflies", year=2023).value == 0


def test_invasive_proportion_over_the_same_groups(tree):
    observation(tree.plant, 2021)
    observation(tree.plant2, 2021)
    observation(tree.bird, 2021)
    observation(tree.invasive_plant, 2021)
    observation(tree.introduced_plant, 2021)  # introduced but not invasive: not counted
    figure = computations.invasive_proportion(year=2021)
    assert figure.value == 25.0  # 1 invasive of 3 native + 1 invasive
    assert computations.invasive_proportion(year=2020).value is None


def test_projects_partners_events_and_participants(tree):
    year = timezone.now().year
    tagged = ProjectFactory(publication="published")
    tagged.sdg_relations.create(goal_id=15)
    co_partner = PartnerFactory()
    tagged.co_partners.add(co_partner)
    ProjectFactory(publication="published").sdg_relations.create(goal_id=15)
    planned = ProjectFactory(publication="published", status=ProjectStatus.PLANNED)
    planned.sdg_relations.create(goal_id=15)
    untagged = ProjectFactory(publication="published")
    untagged.sdg_relations.create(goal_id=4)
    draft = ProjectFactory(publication="draft")
    draft.sdg_relations.create(goal_id=14)
    assert computations.projects_figure(year=year).value == 2

    organiser = PartnerFactory()
    campaign_with_visit(year, participants=3, organisers=[organiser])
    # 2 leads + 1 co-partner + 1 organiser
    assert computations.partnerships_figure(year=year).value == 4

    now = timezone.now()
    EventFactory(
        starts_at=now.replace(month=3, day=1),
        ends_at=now.replace(month=3, day=1) + timedelta(hours=1),
    ).sdg_relations.create(goal_id=15)
    EventFactory(
        starts_at=now.replace(month=3, day=2),
        ends_at=now.replace(month=3, day=2) + timedelta(hours=1),
        status=EventStatus.CANCELLED,
    ).sdg_relations.create(goal_id=15)
    EventFactory(
        starts_at=now.replace(month=3, day=3),
        ends_at=now.replace(month=3, day=3) + timedelta(hours=1),
    ).sdg_relations.create(goal_id=5)
    assert computations.outreach_events_figure(year=year).value == 2  # 1 event + 1 survey day

    observer = UserFactory()
    observation(tree.bird, year, observer=observer)
    observation(tree.bird2, year, observer=observer)
    observation(tree.bird3, year, observer=UserFactory(), grade=QualityGrade.CASUAL)
    assert computations.citizen_science_figure(year=year).value == 4  # 1 observer + 3 participants
