"""The seeded taxa: present after migrate, a full tree, idempotent."""

import pytest

from tsunagu.nature.demo import taxa as demo_taxa
from tsunagu.nature.models import Taxon
from tsunagu.nature.taxa_data import HIGHER_TAXA, SPECIES
from tsunagu.nature.taxa_seed import taxa_seed

pytestmark = pytest.mark.django_db


def _species(name: str, rank: str = "species") -> Taxon:
    return Taxon.objects.get(scientific_name=name, rank=rank)


def test_migrate_seeds_the_taxa():
    # No call here: the post_migrate handler seeded the test database.
    assert Taxon.objects.filter(source="Tsunagu seed").count() == len(HIGHER_TAXA) + len(SPECIES)


def test_fireflies_and_urushi_have_names_authorship_and_a_full_tree():
    genji = _species("Luciola cruciata")
    assert (genji.common_name_ja, genji.common_name_en, genji.authorship) == (
        "ゲンジボタル",
        "Genji firefly",
        "Motschulsky, 1854",
    )
    ancestors = Taxon.objects.filter(pk__in=genji.ancestor_ids).order_by("rank_level")
    assert [(t.rank, t.scientific_name) for t in ancestors] == [
        ("species", "Luciola cruciata"),
        ("genus", "Luciola"),
        ("family", "Lampyridae"),
        ("order", "Coleoptera"),
        ("class", "Insecta"),
        ("phylum", "Arthropoda"),
        ("kingdom", "Animalia"),
    ]
    assert _species("Aquatica lateralis").authorship == "(Motschulsky, 1860)"
    urushi = _species("Toxicodendron vernicifluum")
    assert (urushi.authorship, urushi.common_name_ja) == ("(Stokes) F.A.Barkley", "ウルシ")
    assert urushi.ancestor_ids[0] == Taxon.objects.get(scientific_name="Plantae").pk


def test_status_invasive_and_sensitive():
    assert _species("Oryzias latipes").red_list_national == "VU"
    assert _species("Oryzias latipes").location_is_generalised
    for name in ("Procambarus clarkii", "Lithobates catesbeianus", "Micropterus salmoides",
                 "Coreopsis lanceolata", "Paguma larvata"):  # fmt: skip
        assert _species(name).establishment == "invasive"
    assert _species("Trachemys scripta elegans", "subspecies").parent == _species(
        "Trachemys scripta"
    )
    salamander = _species("Hynobius takedai")
    assert salamander.is_sensitive
    assert salamander.location_is_generalised
    assert not _species("Luciola cruciata").location_is_generalised
    ate = _species("Thujopsis dolabrata var. hondai", "variety")
    assert {"name": "アテ", "language": "ja"} in ate.vernacular_names


def test_seed_is_idempotent_and_restores_its_values():
    before = Taxon.objects.count()
    genji = _species("Luciola cruciata")
    Taxon.objects.filter(pk=genji.pk).update(common_name_ja="まちがい")
    taxa_seed()
    demo_taxa.load()
    assert Taxon.objects.count() == before
    genji.refresh_from_db()
    assert genji.common_name_ja == "ゲンジボタル"


def test_seed_parents_exist_for_every_row():
    names = {row[0] for row in HIGHER_TAXA}
    for row in [*HIGHER_TAXA, *SPECIES]:
        assert row[2] is None or row[2] in names | {r[0] for r in SPECIES}


def test_admin_lists_and_searches_taxa(client_as):
    client = client_as("administrator")
    response = client.get("/admin/nature/taxon/", {"q": "Luciola"})
    assert response.status_code == 200
    assert "Luciola cruciata" in response.content.decode()
    genji = _species("Luciola cruciata")
    assert client.get(f"/admin/nature/taxon/{genji.pk}/change/").status_code == 200
    assert client.get("/admin/nature/darwincoreimport/").status_code == 200
