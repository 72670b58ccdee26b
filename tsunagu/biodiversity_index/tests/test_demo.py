import pytest

from tsunagu.biodiversity_index import demo
from tsunagu.biodiversity_index.models import Assessment, IndicatorScore
from tsunagu.biodiversity_index.tests.factories import Tree, observation

pytestmark = pytest.mark.django_db


def test_demo_loads_three_published_years_once(area):
    tree = Tree()
    observation(tree.firefly, 2019)
    observation(tree.firefly2, 2022)
    demo.load()
    demo.load()
    assessments = Assessment.objects.filter(area=area).order_by("year")
    assert [a.year for a in assessments] == [2020, 2022, 2024]
    assert all(a.is_published and a.is_demo for a in assessments)
    assert IndicatorScore.objects.filter(score__isnull=True).count() == 0
    # hand-entered rows say they are illustrative; computed rows keep their computed score
    manual = IndicatorScore.objects.filter(is_computed=False)
    assert manual.exclude(evidence_en__startswith="[Demo]").count() == 0
    fireflies = IndicatorScore.objects.get(assessment__year=2022, indicator__number=8)
    assert fireflies.raw_value == 1
    assert fireflies.score == 1
    assert not fireflies.is_overridden
