"""Factories for the campaign tests (taxa made here so the tests need no taxa seed)."""

import factory

from tsunagu.nature.models import Campaign, CampaignParticipant, Site, SiteKind, Taxon, TaxonRank


class CampaignTaxonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Taxon
        django_get_or_create = ("scientific_name", "rank")

    scientific_name = factory.Sequence(lambda n: f"Testus species{n}")
    rank = TaxonRank.SPECIES
    common_name = factory.Sequence(lambda n: f"テスト種{n}")


def fireflies() -> tuple[Taxon, Taxon]:
    return (
        CampaignTaxonFactory(scientific_name="Luciola cruciata", common_name="ゲンジボタル"),
        CampaignTaxonFactory(scientific_name="Aquatica lateralis", common_name="ヘイケボタル"),
    )


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"campaign-{n}")
    title = factory.Sequence(lambda n: f"調査{n}")
    title_ja = factory.SelfAttribute("title")
    title_en = factory.Sequence(lambda n: f"Survey {n}")
    protocol = "三回の10秒カウント"
    season_start_month = 6
    season_end_month = 6

    @factory.post_generation
    def target_taxa(self, create, extracted, **kwargs):
        if extracted:
            self.target_taxa.set(extracted)

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if extracted:
            self.organisers.set(extracted)


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    campaign = factory.SubFactory(CampaignFactory)
    code = factory.Sequence(lambda n: f"s{n}")
    name = factory.Sequence(lambda n: f"地点{n}")
    kind = SiteKind.TRANSECT
    latitude = 36.561
    longitude = 136.655
    path = [[136.654, 36.560], [136.656, 36.562]]
    length_m = 250


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignParticipant

    campaign = factory.SubFactory(CampaignFactory)
    name = factory.Sequence(lambda n: f"参加者{n}")
