"""Minimal nature objects for the CBI tests (the nature app's own factories are elsewhere)."""

import itertools
from datetime import date, datetime

from django.conf import settings
from django.utils import timezone

from tsunagu.core.models import Area, AreaKind
from tsunagu.nature.models import (
    Campaign,
    CampaignParticipant,
    Establishment,
    Observation,
    QualityGrade,
    Site,
    SiteKind,
    Taxon,
    TaxonRank,
    Visit,
)

_serial = itertools.count(1)


def city_area() -> Area:
    area, _ = Area.objects.get_or_create(
        code=settings.TSUNAGU_CITY_CODE,
        defaults={
            "kind": AreaKind.MUNICIPALITY,
            "name": "金沢市",
            "name_ja": "金沢市",
            "name_en": "Kanazawa",
        },
    )
    return area


def taxon(
    name: str,
    rank: str = TaxonRank.SPECIES,
    parent: Taxon | None = None,
    establishment: str = Establishment.NATIVE,
) -> Taxon:
    # get_or_create: the nature app may seed some of these taxa in a data migration
    found, _ = Taxon.objects.get_or_create(scientific_name=name, rank=rank)
    found.parent, found.establishment = parent, establishment
    found.save()
    return found


def observation(
    community_taxon: Taxon,
    year: int,
    *,
    grade: str = QualityGrade.RESEARCH,
    hidden: bool = False,
    observer=None,
) -> Observation:
    when = timezone.make_aware(datetime(year, 6, 15, 20, 0))
    obs = Observation.objects.create(
        occurrence_id=f"urn:test:{next(_serial)}",
        observer=observer,
        observed_at=when,
        latitude=36.56,
        longitude=136.65,
        taxon=community_taxon,
        is_hidden=hidden,
    )
    # grade and community taxon are computed by the nature app; set them as if it had
    Observation.objects.filter(pk=obs.pk).update(
        community_taxon=community_taxon, quality_grade=grade
    )
    obs.refresh_from_db()
    return obs


def campaign_with_visit(year: int, *, participants: int = 0, organisers=()) -> Campaign:
    n = next(_serial)
    campaign = Campaign.objects.create(slug=f"survey-{n}", title=f"Survey {n}")
    campaign.organisers.set(organisers)
    site = Site.objects.create(
        campaign=campaign,
        code="s1",
        name="Site",
        kind=SiteKind.POINT,
        latitude=36.5,
        longitude=136.6,
    )
    Visit.objects.create(campaign=campaign, site=site, date=date(year, 6, 10))
    for i in range(participants):
        CampaignParticipant.objects.create(campaign=campaign, name=f"Participant {i}")
    return campaign


class Tree:
    """A small tree: vascular plants, birds (with a subspecies), fireflies, an invasive."""

    def __init__(self) -> None:
        plantae = taxon("Plantae", TaxonRank.KINGDOM)
        animalia = taxon("Animalia", TaxonRank.KINGDOM)
        tracheophyta = taxon("Tracheophyta", TaxonRank.PHYLUM, plantae)
        chordata = taxon("Chordata", TaxonRank.PHYLUM, animalia)
        arthropoda = taxon("Arthropoda", TaxonRank.PHYLUM, animalia)
        aves = taxon("Aves", TaxonRank.CLASS, chordata)
        insecta = taxon("Insecta", TaxonRank.CLASS, arthropoda)
        coleoptera = taxon("Coleoptera", TaxonRank.ORDER, insecta)
        lampyridae = taxon("Lampyridae", TaxonRank.FAMILY, coleoptera)
        self.plant = taxon("Toxicodendron vernicifluum", parent=tracheophyta)
        self.plant2 = taxon("Acer palmatum", parent=tracheophyta)
        self.invasive_plant = taxon(
            "Solidago altissima", parent=tracheophyta, establishment=Establishment.INVASIVE
        )
        self.introduced_plant = taxon(
            "Trifolium repens", parent=tracheophyta, establishment=Establishment.INTRODUCED
        )
        self.bird = taxon("Passer montanus", parent=aves)
        self.bird2 = taxon("Hypsipetes amaurotis", parent=aves)
        self.bird2_ssp = taxon(
            "Hypsipetes amaurotis amaurotis", TaxonRank.SUBSPECIES, parent=self.bird2
        )
        self.bird3 = taxon("Motacilla grandis", parent=aves)
        self.bird_genus = taxon("Corvus", TaxonRank.GENUS, parent=aves)
        self.firefly = taxon("Luciola cruciata", parent=lampyridae)
        self.firefly2 = taxon("Aquatica lateralis", parent=lampyridae)
