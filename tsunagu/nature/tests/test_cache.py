"""Anonymous visitors get the nature pages and API from the cache; a new observation shows at
once on the lists, while other observations' pages stay cached."""

from pathlib import Path

import pytest

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.core.tests.cache_visits import visit_anonymously
from tsunagu.nature.services.map_cells import map_cells_rebuild
from tsunagu.nature.services.observations import identification_add
from tsunagu.nature.tests.factories import ObservationFactory, taxon_tree
from tsunagu.nature.tests.factories_campaigns import CampaignFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def tree(db):
    return taxon_tree()


def _detail(observation) -> str:
    return f"/en/nature/observations/{observation.uuid}/"


LISTS = ["/en/nature/", "/en/nature/observations/", "/api/v1/nature/observations"]


@pytest.mark.parametrize("path", [*LISTS, "/en/nature/map/", "/en/nature/taxa/"])
def test_the_second_anonymous_visit_is_served_from_the_cache(tree, committed, path):
    with committed():
        ObservationFactory(taxon=tree["species"])
    first, first_queries = visit_anonymously(path)
    again, again_queries = visit_anonymously(path)
    assert again == first
    assert first_queries > 0
    assert again_queries == 0


@pytest.mark.parametrize("path", LISTS)
def test_a_new_observation_shows_at_once(tree, committed, path):
    with committed():
        ObservationFactory(taxon=tree["species"])
    visit_anonymously(path)
    with committed():
        new = ObservationFactory(taxon=tree["species"])
    assert str(new.uuid) in visit_anonymously(path)[0]


def test_an_observation_page_stays_cached_while_others_arrive(tree, committed):
    with committed():
        firefly = ObservationFactory(taxon=tree["species"])
    visit_anonymously(_detail(firefly))
    with committed():  # by the same observer: a new account would change the names shown
        ObservationFactory(taxon=tree["species"], observer=firefly.observer)
    assert visit_anonymously(_detail(firefly))[1] == 0


def test_an_identification_shows_on_the_observation_page_at_once(tree, committed):
    with committed():
        firefly = ObservationFactory(taxon=tree["species"])
    identifier = UserFactory(full_name="Hotaru Expert")
    assert "Hotaru Expert" not in visit_anonymously(_detail(firefly))[0]
    with committed():
        identification_add(observation=firefly, user=identifier, taxon=tree["species"])
    assert "Hotaru Expert" in visit_anonymously(_detail(firefly))[0]


def test_an_import_shows_everywhere_once_the_map_is_rebuilt(tree, committed):
    """Imports write in bulk, without signals, and end with the map cells' rebuild."""
    with committed():
        firefly = ObservationFactory(taxon=tree["species"])
    visit_anonymously("/en/nature/observations/")
    visit_anonymously(_detail(firefly))
    firefly.__class__.objects.filter(pk=firefly.pk).update(locality="Imported canal")
    with committed():
        map_cells_rebuild()
    assert "Imported canal" in visit_anonymously(_detail(firefly))[0]


def test_a_renamed_taxon_shows_in_the_taxa_list_and_autocomplete(tree, committed):
    species = tree["species"]
    paths = ["/en/nature/taxa/?q=Testluciola", "/api/v1/nature/taxa/autocomplete?q=Testluciola"]
    for path in paths:
        visit_anonymously(path)
    with committed():
        species.common_name_ja = species.common_name_en = "Glowing canal firefly"
        species.save()
    for path in paths:
        assert "Glowing canal firefly" in visit_anonymously(path)[0], path


def test_a_new_campaign_shows_in_the_campaign_list_at_once(committed):
    with committed():
        CampaignFactory(title_en="Canal fireflies 2025")
    first, _ = visit_anonymously("/en/nature/campaigns/")
    assert visit_anonymously("/en/nature/campaigns/")[1] == 0
    with committed():
        CampaignFactory(title_en="Riverbank frogs 2026")
    again = visit_anonymously("/en/nature/campaigns/")[0]
    assert "Canal fireflies 2025" in first
    assert "Riverbank frogs 2026" in again


def test_signing_in_keeps_the_nature_pages_cached_and_a_rename_does_not(tree, committed):
    with committed():
        observer = ObservationFactory(taxon=tree["species"]).observer
    visit_anonymously("/en/nature/observations/")
    with committed():
        # What Django's log-in does on every sign-in.
        observer.save(update_fields=["last_login"])
    assert visit_anonymously("/en/nature/observations/")[1] == 0

    with committed():
        observer.full_name = "Renamed Observer"
        observer.save()
    assert visit_anonymously("/en/nature/observations/")[1] > 0
