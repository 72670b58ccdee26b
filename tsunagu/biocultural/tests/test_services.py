"""The vocabularies, the curated seed (idempotent, coordinated with the nature taxa by
scientific name) and link_create's validation."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tsunagu.biocultural import seed_data
from tsunagu.biocultural.models import (
    CulturalElement,
    EcosystemService,
    Link,
    Material,
    Place,
    Source,
)
from tsunagu.biocultural.services import (
    biocultural_seed,
    link_create,
    taxon_for_link,
    vocabularies_load,
)
from tsunagu.biocultural.tests.factories import ElementFactory, MaterialFactory, PlaceFactory
from tsunagu.biocultural.vocabularies import CICES_CLASSES, NCP_CATEGORIES
from tsunagu.core.models import Area, AreaKind
from tsunagu.nature.models import Taxon

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (CulturalElement, Link, Place, Material, Source, EcosystemService, Taxon)
    }


def test_migration_seeded_both_vocabularies_with_official_names():
    assert EcosystemService.objects.filter(vocabulary="ncp").count() == 18
    assert EcosystemService.objects.filter(vocabulary="cices").count() == len(CICES_CLASSES)
    water = EcosystemService.objects.get(vocabulary="cices", code="4.2.1.2")
    assert water.name_en == "Surface water used as a material (non-drinking purposes)"
    assert water.section == "provisioning"
    ncp = list(EcosystemService.objects.filter(vocabulary="ncp").values_list("code", "name_en"))
    # ordered by number, not by text ("10" after "9")
    assert [int(code) for code, _ in ncp] == list(range(1, 19))
    assert ncp[16] == ("17", "Supporting identities")
    assert len(NCP_CATEGORIES) == 18


def test_vocabularies_load_is_idempotent_and_restores_names():
    EcosystemService.objects.filter(vocabulary="ncp", code="12").update(name_en="changed")
    before = EcosystemService.objects.count()
    assert vocabularies_load() == before
    assert EcosystemService.objects.count() == before
    assert EcosystemService.objects.get(vocabulary="ncp", code="12").name_en == "Food and feed"


def test_seed_creates_the_curated_links_and_is_idempotent(seeded):
    first = counts()
    assert first["CulturalElement"] == len(seed_data.ELEMENTS)
    assert first["Link"] == sum(len(e["links"]) for e in seed_data.ELEMENTS.values())
    assert seeded["links"] == first["Link"]
    biocultural_seed()
    assert counts() == first


def test_seed_reuses_taxa_seeded_by_the_nature_app_and_never_duplicates():
    # the nature app seeds its taxa after migrate; ours must find them by name and rank
    urushi, _ = Taxon.objects.get_or_create(
        scientific_name="Toxicodendron vernicifluum", rank="species"
    )
    Taxon.objects.filter(pk=urushi.pk).update(authorship="(Stokes) F.A.Barkley")
    biocultural_seed()
    biocultural_seed()
    assert Taxon.objects.filter(scientific_name="Toxicodendron vernicifluum").count() == 1
    urushi.refresh_from_db()
    assert urushi.authorship == "(Stokes) F.A.Barkley"  # ours left untouched
    assert Link.objects.filter(taxon=urushi).count() == 3  # Wajima, Kanazawa, Yamanaka
    assert Taxon.objects.filter(scientific_name="Thujopsis dolabrata var. hondai").count() == 1
    for name in seed_data.TAXA:
        assert Taxon.objects.filter(scientific_name=name).count() == 1, name


def test_taxon_for_link_creates_a_missing_taxon_minimally_once():
    koji = taxon_for_link(scientific_name="Aspergillus testii", common_name_ja="試験菌")
    assert (koji.rank, koji.rank_level, koji.common_name_ja) == ("species", 10, "試験菌")
    assert koji.ancestry == f"/{koji.pk}/"
    assert taxon_for_link(scientific_name="Aspergillus testii") == koji
    # another rank of the same name is another taxon
    variety = taxon_for_link(scientific_name="Aspergillus testii", rank="variety")
    assert variety != koji
    assert Taxon.objects.filter(scientific_name="Aspergillus testii").count() == 2


def test_seeded_content_links_what_the_programme_names(seeded):
    def link_of(element: str, **nodes) -> Link:
        return Link.objects.get(element__slug=element, **nodes)

    # gold leaf, paper and dyeing ↔ clean water from forested catchments
    for element in ("kanazawa-gold-leaf", "futamata-washi", "kaga-yuzen"):
        link = Link.objects.filter(
            element__slug=element,
            service__code="4.2.1.2",
            material__slug="forested-catchments",
        ).first()
        assert link is not None, element
    assert link_of("kaga-yuzen", place__slug="sai-river").service.code == "4.2.1.2"
    assert link_of("kaga-yuzen", place__slug="asano-river").sources.exists()
    # snow-bracing ↔ bamboo and straw rope
    assert link_of("kenrokuen-yukitsuri", taxon__scientific_name="Phyllostachys bambusoides")
    assert link_of("kenrokuen-yukitsuri", material__slug="straw-rope", service__vocabulary="cices")
    # fermented food ↔ koji mould
    assert link_of("kaburazushi", taxon__scientific_name="Aspergillus oryzae")
    # every link explains itself in both languages and names a source
    for link in Link.objects.all():
        assert link.explanation_ja, link
        assert link.explanation_en, link
        assert link.sources.exists(), link
    # the region: the city and Noto, Kaga, Hakusan under one root
    root = Place.objects.get(slug="ishikawa-kanazawa")
    assert set(root.children.values_list("slug", flat=True)) == {
        "kanazawa",
        "noto",
        "kaga",
        "hakusan",
    }


def test_seed_links_core_areas_when_they_exist():
    kanazawa = Area.objects.create(code="17201", kind=AreaKind.MUNICIPALITY, name="金沢市")
    biocultural_seed()
    assert Place.objects.get(slug="kanazawa").area == kanazawa
    assert CulturalElement.objects.get(slug="kaga-yuzen").area == kanazawa


def test_seed_replaces_an_elements_links_without_leaving_stale_ones(seeded):
    element = CulturalElement.objects.get(slug="kaga-yuzen")
    stale = link_create(
        element=element, explanation_ja="古い", place=Place.objects.get(slug="noto")
    )
    biocultural_seed()
    assert not Link.objects.filter(pk=stale.pk).exists()


def test_link_create_needs_a_node_and_an_explanation():
    element = ElementFactory()
    with pytest.raises(ValidationError):
        link_create(element=element, explanation_ja="説明だけ")
    with pytest.raises(ValidationError):
        link_create(element=element, explanation_ja="  ", place=PlaceFactory())
    assert not Link.objects.exists()


def test_link_create_shares_sources_by_url():
    element = ElementFactory()
    place = PlaceFactory()
    a = link_create(
        element=element,
        explanation_ja="一",
        place=place,
        sources=[("OUIK", "https://ouik.unu.edu/en/")],
    )
    b = link_create(
        element=element,
        explanation_ja="二",
        material=MaterialFactory(),
        sources=[("UNU-IAS OUIK", "https://ouik.unu.edu/en/")],
    )
    assert Source.objects.count() == 1
    assert a.sources.get() == b.sources.get()
    assert Source.objects.get().title == "UNU-IAS OUIK"


def test_database_refuses_a_link_without_nodes_and_half_coordinates():
    element = ElementFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Link.objects.create(element=element, explanation="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        ElementFactory(latitude=100.0, longitude=136.0)


def test_element_clean_requires_both_coordinates():
    element = ElementFactory.build(latitude=36.5, longitude=None)
    with pytest.raises(ValidationError):
        element.clean()


def test_seed_command_and_demo_load_are_idempotent():
    from io import StringIO

    from django.core.management import call_command

    from tsunagu.biocultural import demo

    out = StringIO()
    call_command("biocultural_seed", stdout=out)
    assert f"{len(seed_data.ELEMENTS)} elements" in out.getvalue()
    first = counts()
    demo.load()
    assert counts() == first
