"""The map page: filters, the text summary for non-map users, both languages."""

import datetime

import pytest
from django.test import Client

from tsunagu.nature import signals_map  # noqa: F401
from tsunagu.nature.models import QualityGrade
from tsunagu.nature.tests.factories_map import campaign_make, observation_make, taxon_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def observations():
    firefly = taxon_make("Luciola mappage", common_name="ゲンジボタル")
    campaign_make("kikugawa-fireflies", title="Kikugawa firefly survey")
    observation_make(latitude=36.55, longitude=136.66, taxon=firefly)
    observation_make(latitude=36.60, longitude=136.70, grade=QualityGrade.NEEDS_ID)
    observation_make(
        latitude=36.62,
        longitude=136.55,
        grade=QualityGrade.CASUAL,
        observed_on=datetime.date(2021, 5, 1),
    )
    return firefly


@pytest.mark.parametrize("language", ["", "/en"])
def test_page_renders_summary_list_and_map(observations, language):
    response = Client().get(f"{language}/nature/map/")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'id="nature-map"' in text
    assert 'data-total="3"' in text
    assert "0.2°" in text  # the notice on generalised points
    if language:
        assert "Observations in view: 3, shown as 3 points or groups." in text
    assert text.count('href="' + language + "/nature/observations/") == 3
    assert "vendor/maplibre-gl/maplibre-gl.js" in text
    assert "Kikugawa firefly survey" in text


def test_filters_in_the_url_change_the_count(observations):
    client = Client()
    assert 'data-total="1"' in client.get("/en/nature/map/", {"grade": "research"}).content.decode()
    text = client.get("/en/nature/map/", {"taxon": observations.pk}).content.decode()
    assert 'data-total="1"' in text
    assert 'value="ゲンジボタル (Luciola mappage)"' in text  # the chosen taxon stays in the form
    text = client.get("/en/nature/map/", {"date_to": "2021-12-31"}).content.decode()
    assert 'data-total="1"' in text


def test_bad_filter_is_explained(observations):
    response = Client().get("/en/nature/map/", {"grade": "excellent"})
    assert response.status_code == 400
    assert "Unknown quality grade" in response.content.decode()
