"""Assessments: creation, computed scores, the atomic staff update, publication and the feed."""

import pytest
from django.core.exceptions import ValidationError

from tsunagu.biodiversity_index import services
from tsunagu.biodiversity_index.models import Indicator, IndicatorScore
from tsunagu.biodiversity_index.services import ScoreInput
from tsunagu.biodiversity_index.tests.factories import Tree, observation
from tsunagu.indicators.models import Indicator as SdgIndicator
from tsunagu.indicators.models import IndicatorValue, ObservationChange

pytestmark = pytest.mark.django_db


def _score_everything(assessment, score=2, user=None):
    entries = []
    for row in assessment.scores.select_related("indicator"):
        computed = row.is_computed and row.computed_score is not None
        entries.append(
            ScoreInput(
                number=row.indicator.number,
                score=row.computed_score if computed else score,
                evidence_en="Council report",
            )
        )
    services.assessment_scores_update(assessment=assessment, user=user, entries=entries)


def test_definitions_sync_is_idempotent():
    assert services.indicator_definitions_sync() == 28
    assert services.indicator_definitions_sync() == 28
    assert Indicator.objects.count() == 28
    assert Indicator.objects.filter(method="computed").count() == 11


def test_create_computes_and_scores_from_platform_data(area):
    tree = Tree()
    observation(tree.firefly, 2020)
    observation(tree.firefly2, 2023)
    observation(tree.plant, 2020)
    observation(tree.invasive_plant, 2020)
    baseline = services.assessment_create(area=area, year=2020)
    later = services.assessment_create(area=area, year=2023)
    assert baseline.scores.count() == 28
    fireflies = later.scores.get(indicator__number=8)
    assert fireflies.is_computed
    assert fireflies.raw_value == 1
    assert fireflies.score == 1
    assert baseline.scores.get(indicator__number=8).score == 0  # baseline: no change yet
    invasive = later.scores.get(indicator__number=10)
    assert invasive.raw_value == 25.0
    assert invasive.score == 1
    assert later.scores.get(indicator__number=1).score is None  # manual: not scored yet
    with pytest.raises(ValidationError, match="already exists"):
        services.assessment_create(area=area, year=2023)


def test_a_bad_row_saves_nothing(area, users):
    assessment = services.assessment_create(area=area, year=2024)
    entries = [
        ScoreInput(number=1, score=3, evidence_en="ok"),
        ScoreInput(number=2, score=5, evidence_en="too high"),
        ScoreInput(number=9, score=-1),
    ]
    with pytest.raises(ValidationError) as caught:
        services.assessment_scores_update(
            assessment=assessment, user=users["city_staff"], entries=entries
        )
    assert set(caught.value.message_dict) == {"2", "9"}
    assert "0 to 4" in caught.value.message_dict["2"][0]
    assert assessment.scores.get(indicator__number=1).score is None
    assert not assessment.scores.filter(evidence_en__gt="").exists()


def test_overriding_a_computed_score_needs_a_reason_and_survives_recompute(area, users):
    assessment = services.assessment_create(area=area, year=2024)
    row = assessment.scores.get(indicator__number=25)  # outreach events: computed, 0 events
    assert row.computed_score == 0
    with pytest.raises(ValidationError, match="give a reason"):
        services.assessment_scores_update(
            assessment=assessment, user=None, entries=[ScoreInput(number=25, score=3)]
        )
    services.assessment_scores_update(
        assessment=assessment,
        user=users["city_staff"],
        entries=[ScoreInput(number=25, score=3, override_reason="City events not on the platform")],
    )
    services.assessment_compute(assessment=assessment)
    row.refresh_from_db()
    assert row.score == 3
    assert row.computed_score == 0
    assert row.is_overridden
    assert row.entered_by == users["city_staff"]
    # back to the computed score: the reason goes
    services.assessment_scores_update(
        assessment=assessment, user=None, entries=[ScoreInput(number=25, score=0)]
    )
    row.refresh_from_db()
    assert row.override_reason == ""
    assert not row.is_overridden


def test_publish_needs_every_indicator_scored(area):
    assessment = services.assessment_create(area=area, year=2024)
    with pytest.raises(ValidationError, match="1, 2"):
        services.assessment_publish(assessment=assessment)
    assessment.refresh_from_db()
    assert not assessment.is_published


def test_publish_feeds_sdg15_indicators_and_republish_replaces(
    area, django_capture_on_commit_callbacks
):
    assessment = services.assessment_create(area=area, year=2024)
    _score_everything(assessment, score=2)
    total = sum(assessment.scores.values_list("score", flat=True))
    native = sum(
        assessment.scores.filter(indicator__component="native").values_list("score", flat=True)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.assessment_publish(assessment=assessment)
    indicator = SdgIndicator.objects.get(code="CBI_TOTAL")
    assert indicator.goal_id == 15
    value = IndicatorValue.objects.get(indicator=indicator, area=area, year=2024)
    assert value.value == total
    assert IndicatorValue.objects.get(indicator__code="CBI_NATIVE", area=area).value == native

    services.assessment_scores_update(
        assessment=assessment, user=None, entries=[ScoreInput(number=1, score=4)]
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.assessment_publish(assessment=assessment)
    value = IndicatorValue.objects.get(indicator=indicator, area=area, year=2024)
    assert value.value == total + 2
    assert ObservationChange.objects.filter(new_value=total + 2, old_value=total).exists()
    assert IndicatorScore.objects.filter(assessment=assessment, score__isnull=True).count() == 0


def test_source_url_must_be_http(area):
    assessment = services.assessment_create(area=area, year=2024)
    with pytest.raises(ValidationError, match="http"):
        services.assessment_scores_update(
            assessment=assessment,
            user=None,
            entries=[ScoreInput(number=1, score=1, source_url="javascript:alert(1)")],
        )
    assert assessment.scores.get(indicator__number=1).score is None
