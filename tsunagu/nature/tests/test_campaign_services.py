"""Campaign services: participants (children need a guardian's consent) and atomic visits."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tsunagu.nature.models import CampaignParticipant, Visit, VisitCount
from tsunagu.nature.services import campaigns as services
from tsunagu.nature.services.campaigns import CountInput
from tsunagu.nature.tests.factories_campaigns import (
    CampaignFactory,
    CampaignTaxonFactory,
    SiteFactory,
    fireflies,
)

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2024, 6, 12)


@pytest.fixture
def taxa():
    return fireflies()


@pytest.fixture
def campaign(taxa):
    return CampaignFactory(target_taxa=taxa)


@pytest.fixture
def site(campaign):
    return SiteFactory(campaign=campaign, code="kikugawa")


def test_an_adult_joins_once(campaign, users):
    user = users["plain_user"]
    participant = services.campaign_participant_add(campaign=campaign, user=user)
    assert participant.name == user.public_name
    assert not participant.is_child
    with pytest.raises(ValidationError) as error:
        services.campaign_participant_add(campaign=campaign, user=user)
    assert "name" in error.value.message_dict
    assert campaign.participants.count() == 1


def test_a_child_needs_guardian_name_and_consent(campaign, users):
    guardian = users["plain_user"]
    with pytest.raises(ValidationError) as error:
        services.campaign_participant_add(
            campaign=campaign, user=guardian, name="さくら", is_child=True
        )
    assert set(error.value.message_dict) == {"guardian_name", "guardian_consent"}
    assert not CampaignParticipant.objects.exists()
    child = services.campaign_participant_add(
        campaign=campaign,
        user=guardian,
        name="さくら",
        is_child=True,
        guardian_name="山田 花子",
        guardian_consent=True,
    )
    assert child.is_child
    assert child.guardian_consent_at is not None
    assert child.guardian_name == "山田 花子"
    assert child.user == guardian


def test_the_database_refuses_a_child_without_consent(campaign):
    with pytest.raises(IntegrityError), transaction.atomic():
        CampaignParticipant.objects.create(
            campaign=campaign, name="子", is_child=True, guardian_name="親"
        )


def test_visit_with_sub_counts_keeps_the_highest_and_stores_zero(campaign, site, taxa, users):
    genji, heike = taxa
    visit = services.visit_create(
        campaign=campaign,
        site=site,
        date=JUNE,
        recorded_by=users["plain_user"],
        start_time=datetime.time(19, 30),
        end_time=datetime.time(21, 0),
        counts={genji: CountInput(sub_counts=(12, 15, 10)), heike: CountInput(count=0)},
    )
    counts = {c.taxon: c for c in visit.counts.all()}
    assert (counts[genji].count, counts[genji].sub_counts) == (15, [12, 15, 10])
    assert counts[heike].count == 0  # zero is data: stored, not skipped


def test_count_rules(campaign, site, taxa):
    genji, heike = taxa
    visit = services.visit_create(
        campaign=campaign,
        site=site,
        date=JUNE,
        count_rule="sum",
        counts={genji: CountInput(sub_counts=(1, 2, 3)), heike: CountInput(count=0)},
    )
    assert visit.counts.get(taxon=genji).count == 6


def test_one_bad_count_rejects_the_whole_visit(campaign, site, taxa):
    genji, heike = taxa
    with pytest.raises(ValidationError) as error:
        services.visit_create(
            campaign=campaign,
            site=site,
            date=JUNE,
            counts={genji: CountInput(count=5), heike: CountInput(count=-1)},
        )
    assert list(error.value.message_dict) == [services.count_key(heike.pk)]
    assert not Visit.objects.exists()
    assert not VisitCount.objects.exists()


def test_all_problems_are_reported_at_once(campaign, site, taxa):
    genji, heike = taxa
    other_site = SiteFactory()
    with pytest.raises(ValidationError) as error:
        services.visit_create(
            campaign=campaign,
            site=other_site,
            date=timezone.localdate() + datetime.timedelta(days=1),
            start_time=datetime.time(21, 0),
            end_time=datetime.time(19, 30),
            counts={genji: CountInput(count=3, sub_counts=(1, 2))},
        )
    assert set(error.value.message_dict) == {
        "site",
        "date",
        "end_time",
        services.count_key(genji.pk),  # 3 disagrees with the sub-counts' max, 2
        services.count_key(heike.pk),  # complete checklist without a heike count
    }


def test_an_incomplete_checklist_may_leave_taxa_out(campaign, site, taxa):
    genji, _ = taxa
    visit = services.visit_create(
        campaign=campaign,
        site=site,
        date=JUNE,
        is_complete_checklist=False,
        counts={genji: CountInput(count=2)},
    )
    assert [c.taxon for c in visit.counts.all()] == [genji]


def test_a_non_target_taxon_is_refused(campaign, site, taxa):
    genji, heike = taxa
    stranger = CampaignTaxonFactory(scientific_name="Procambarus clarkii")
    with pytest.raises(ValidationError) as error:
        services.visit_create(
            campaign=campaign,
            site=site,
            date=JUNE,
            counts={
                genji: CountInput(count=1),
                heike: CountInput(count=0),
                stranger: CountInput(count=1),
            },
        )
    assert list(error.value.message_dict) == [services.count_key(stranger.pk)]


def test_update_keeps_occurrence_ids_and_delete_removes_counts(campaign, site, taxa):
    genji, heike = taxa
    visit = services.visit_create(
        campaign=campaign,
        site=site,
        date=JUNE,
        counts={genji: CountInput(count=4), heike: CountInput(count=1)},
    )
    before = {c.taxon_id: c.occurrence_id for c in visit.counts.all()}
    services.visit_update(
        visit=visit,
        site=site,
        date=JUNE,
        weather="rain",
        counts={genji: CountInput(sub_counts=(7, 9, 8)), heike: CountInput(count=0)},
    )
    visit.refresh_from_db()
    after = {c.taxon_id: (c.occurrence_id, c.count) for c in visit.counts.all()}
    assert after == {genji.pk: (before[genji.pk], 9), heike.pk: (before[heike.pk], 0)}
    assert visit.weather == "rain"
    with pytest.raises(ValidationError):
        services.visit_update(visit=visit, site=site, date=JUNE, weather="snow", counts={})
    visit.refresh_from_db()
    assert visit.weather == "rain"
    assert visit.counts.count() == 2
    services.visit_delete(visit=visit)
    assert not VisitCount.objects.exists()


@pytest.mark.parametrize(
    ("text", "values"),
    [("12, 15, 10", [12, 15, 10]), ("12、15、10", [12, 15, 10]), ("１２ ３", [12, 3]), ("", [])],
)
def test_sub_counts_parse(text, values):
    assert services.sub_counts_parse(text) == values


@pytest.mark.parametrize("text", ["12, x", "-1", "1.5"])
def test_sub_counts_parse_refuses(text):
    with pytest.raises(ValueError, match=r"invalid literal|negative"):
        services.sub_counts_parse(text)


def test_a_too_long_protocol_variant_is_a_field_error(campaign, site, taxa):
    genji, heike = taxa
    with pytest.raises(ValidationError) as error:
        services.visit_create(
            campaign=campaign,
            site=site,
            date=JUNE,
            protocol_variant="x" * 201,
            counts={genji: CountInput(count=1), heike: CountInput(count=0)},
        )
    assert list(error.value.message_dict) == ["protocol_variant"]
