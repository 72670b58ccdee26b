"""The demo observations: enough of each grade, sensitive ones generalised, idempotent."""

import pytest

from tsunagu.nature.demo import observations as demo
from tsunagu.nature.models import Observation, QualityGrade
from tsunagu.nature.taxa_seed import taxa_seed


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.django_db
def test_demo_observations():
    taxa_seed()
    demo.load()
    observations = Observation.objects.all()
    assert 55 <= observations.count() <= 65
    grades = {grade: observations.filter(quality_grade=grade).count() for grade in QualityGrade}
    assert grades[QualityGrade.RESEARCH] >= 35
    assert grades[QualityGrade.NEEDS_ID] >= 5
    assert grades[QualityGrade.CASUAL] >= 2
    fireflies = observations.filter(community_taxon__scientific_name="Luciola cruciata")
    assert fireflies.filter(quality_grade=QualityGrade.RESEARCH).count() >= 5
    assert observations.filter(identifications__by_expert=True).exists()
    sensitive = observations.filter(
        taxon__scientific_name__in=["Hynobius takedai", "Luehdorfia japonica"]
    )
    assert sensitive.exists()
    for observation in sensitive:
        assert observation.location_generalised
        assert (observation.public_latitude, observation.public_longitude) != (
            observation.latitude,
            observation.longitude,
        )
    assert all(o.photos.exists() for o in observations)
    before = sorted(observations.values_list("occurrence_id", "public_latitude"))
    demo.load()
    assert sorted(Observation.objects.values_list("occurrence_id", "public_latitude")) == before
