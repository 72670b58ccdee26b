"""The campaign admin pages open for staff, with their inlines."""

import datetime

import pytest

from tsunagu.nature.services import campaigns as services
from tsunagu.nature.services.campaigns import CountInput
from tsunagu.nature.tests.factories_campaigns import (
    CampaignFactory,
    ParticipantFactory,
    SiteFactory,
    fireflies,
)

pytestmark = pytest.mark.django_db


def test_campaign_and_visit_admin(client_as):
    genji, heike = fireflies()
    campaign = CampaignFactory(target_taxa=[genji, heike])
    site = SiteFactory(campaign=campaign, name_ja="菊川")
    ParticipantFactory(campaign=campaign, name="参加者")
    visit = services.visit_create(
        campaign=campaign,
        site=site,
        date=datetime.date(2024, 6, 1),
        counts={genji: CountInput(count=2), heike: CountInput(count=0)},
    )
    client = client_as("administrator")
    assert client.get("/admin/nature/campaign/").status_code == 200
    change = client.get(f"/admin/nature/campaign/{campaign.pk}/change/")
    assert change.status_code == 200
    assert "菊川" in change.text
    assert "参加者" in change.text
    assert 'name="title_en"' in change.text  # both languages side by side
    assert client.get("/admin/nature/visit/").status_code == 200
    visit_page = client.get(f"/admin/nature/visit/{visit.pk}/change/")
    assert visit_page.status_code == 200
    assert str(visit.counts.get(taxon=heike).occurrence_id) in visit_page.text
    assert client_as("plain_user").get("/admin/nature/visit/").status_code == 302
