"""A craft's page is served from the cache to anonymous visitors, and shows at once a change
to the craft or to a species its materials come from (a nature record)."""

import pytest

from tsunagu.core.tests.cache_visits import visit_anonymously
from tsunagu.crafts.models import CraftMaterial
from tsunagu.crafts.tests.factories import CraftFactory
from tsunagu.nature.tests.factories import TaxonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lacquer(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        craft = CraftFactory(slug="wajima-lacquer", name_en="Wajima lacquer")
        tree = TaxonFactory(scientific_name="Toxicodendron vernicifluum")
        tree.common_name_ja = tree.common_name_en = "Sap"
        tree.save()
        CraftMaterial.objects.create(craft=craft, name="Urushi", taxon=tree)
    return craft, tree


PAGE = "/en/crafts/wajima-lacquer/"


def test_the_second_anonymous_visit_is_served_from_the_cache(lacquer):
    first, first_queries = visit_anonymously(PAGE)
    again, again_queries = visit_anonymously(PAGE)
    assert "Wajima lacquer" in first
    assert again == first
    assert first_queries > 0
    assert again_queries == 0


def test_an_edited_craft_shows_at_once(lacquer, committed):
    craft, _ = lacquer
    visit_anonymously(PAGE)
    with committed():
        craft.name_en = "Wajima-nuri"
        craft.save()
    assert "Wajima-nuri" in visit_anonymously(PAGE)[0]


def test_a_renamed_species_shows_at_once(lacquer, committed):
    _, tree = lacquer
    assert "(Sap)" in visit_anonymously(PAGE)[0]
    with committed():
        tree.common_name_ja = tree.common_name_en = "Lacquer tree"
        tree.save()
    assert "(Lacquer tree)" in visit_anonymously(PAGE)[0]
