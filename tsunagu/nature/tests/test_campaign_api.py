"""Campaign API: public fields only, results with zeros and trends."""

import datetime

import pytest

from tsunagu.core.models import PublicationStatus
from tsunagu.nature.services import campaigns as services
from tsunagu.nature.services.campaigns import CountInput
from tsunagu.nature.tests.factories_campaigns import (
    CampaignFactory,
    ParticipantFactory,
    SiteFactory,
    fireflies,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign():
    genji, heike = fireflies()
    campaign = CampaignFactory(slug="hotaru", target_taxa=[genji, heike])
    site = SiteFactory(campaign=campaign, code="kikugawa")
    for year, count in ((2021, 9), (2022, 6), (2023, 3)):
        services.visit_create(
            campaign=campaign,
            site=site,
            date=datetime.date(year, 6, 10),
            counts={
                genji: CountInput(sub_counts=(count, count - 1, 1)),
                heike: CountInput(count=0),
            },
        )
    ParticipantFactory(campaign=campaign, name="参加者A")
    CampaignFactory(slug="draft", publication=PublicationStatus.DRAFT)
    return campaign


def test_list_shows_published_campaigns_with_counts(client, campaign):
    body = client.get("/api/v1/nature/campaigns").json()
    assert [c["slug"] for c in body] == ["hotaru"]
    assert (body[0]["sites"], body[0]["visits"], body[0]["participants"]) == (1, 3, 1)
    assert {t["scientific_name"] for t in body[0]["target_taxa"]} == {
        "Luciola cruciata",
        "Aquatica lateralis",
    }


def test_detail_has_sites_with_their_transects(client, campaign):
    body = client.get("/api/v1/nature/campaigns/hotaru").json()
    assert body["site_list"][0]["code"] == "kikugawa"
    assert body["site_list"][0]["path"] == [[136.654, 36.56], [136.656, 36.562]]
    assert "参加者A" not in str(body)
    assert client.get("/api/v1/nature/campaigns/draft").status_code == 404
    assert client.get("/api/v1/nature/campaigns/missing").status_code == 404


def test_results_have_zeros_seasons_and_trends(client, campaign):
    body = client.get("/api/v1/nature/campaigns/hotaru/results").json()
    assert body["years"] == [2021, 2022, 2023]
    assert len(body["visits"]) == 3
    first = body["visits"][0]
    counts = {c["scientific_name"]: c for c in first["counts"]}
    assert counts["Luciola cruciata"]["count"] == 9
    assert counts["Luciola cruciata"]["sub_counts"] == [9, 8, 1]
    assert counts["Aquatica lateralis"]["count"] == 0
    genji_id = str(counts["Luciola cruciata"]["taxon"])
    trend = next(t for t in body["trends"] if t["taxon"] == genji_id)
    assert trend["slope_per_year"] == -3
    assert trend["percent_per_year"] == pytest.approx(-50)  # -3 per year of a median of 6
    assert trend["direction"] == "stable"  # 3 seasons cannot reach significance
    season = next(s for s in body["seasons"] if s["taxon"] == genji_id and s["year"] == 2022)
    assert (season["visits"], season["mean"]) == (1, 6)
