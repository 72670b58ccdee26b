"""The shipped SDG framework: 17 goals, 169 targets, official order, matches the source data."""

import csv
from collections import Counter

import pytest

from tsunagu.core.models import Goal, Target
from tsunagu.core.services import FIXTURE_DIR, sdg_framework_load

pytestmark = pytest.mark.django_db


def test_migration_seeds_17_goals_and_169_targets():
    assert Goal.objects.count() == 17
    assert Target.objects.count() == 169
    per_goal = Counter(Target.objects.values_list("goal_id", flat=True))
    assert [per_goal[g] for g in range(1, 18)] == [
        7,
        8,
        13,
        10,
        9,
        8,
        5,
        12,
        8,
        10,
        10,
        11,
        5,
        10,
        12,
        12,
        19,
    ]


def test_targets_come_in_official_order_from_the_database():
    codes = list(Target.objects.filter(goal_id=6).values_list("code", flat=True))
    assert codes == ["6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.a", "6.b"]
    codes = list(Target.objects.filter(goal_id=17).values_list("code", flat=True))
    assert codes[-1] == "17.19"
    assert codes.index("17.9") < codes.index("17.10")


def test_goals_have_both_languages_and_colours():
    goal = Goal.objects.get(number=6)
    assert goal.short_title_en == "Clean water and sanitation"
    assert goal.short_title_ja == "安全な水とトイレを世界中に"
    assert goal.colour == "#26BDE2"
    assert Target.objects.get(code="11.4").title_ja.startswith("世界の文化遺産")


def test_reloading_the_framework_changes_nothing():
    before = list(Target.objects.values_list("code", "title_ja", "title_en", "position"))
    assert sdg_framework_load() == (17, 169)
    assert list(Target.objects.values_list("code", "title_ja", "title_en", "position")) == before


@pytest.mark.needs_data
@pytest.mark.parametrize("name", ["goals.csv", "targets.csv"])
def test_shipped_fixture_matches_the_official_texts(data_dir, name):
    def rows(path):
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    assert rows(FIXTURE_DIR / name) == rows(data_dir / "sdg-framework" / name)
