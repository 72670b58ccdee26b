"""The campaign demo: deterministic, idempotent, with zeros and trends that differ per site."""

import datetime
from importlib import import_module

import pytest

from tsunagu.nature.demo import campaigns as demo
from tsunagu.nature.models import Campaign, Visit, VisitCount
from tsunagu.nature.selectors.campaigns import campaign_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    for module in ("core", "accounts", "partners"):
        import_module(f"tsunagu.{module}.demo").load()
    demo.load()


def test_demo_campaigns(loaded):
    firefly = Campaign.objects.get(slug=demo.FIREFLY_SLUG)
    assert firefly.is_demo
    assert firefly.sites.count() == 4
    assert {t.scientific_name for t in firefly.target_taxa.all()} == {
        "Luciola cruciata",
        "Aquatica lateralis",
    }
    assert {p.organisation.slug for p in firefly.organisers.all()} == {
        "demo-hotaru-kai",
        "unu-ias-ouik",
    }
    assert all(s.length_m and len(s.path) >= 2 for s in firefly.sites.all())
    visits = Visit.objects.filter(campaign=firefly)
    assert {v.date.year for v in visits} == set(range(2015, 2027))
    assert all(v.date.month == 6 and v.start_time.hour == 19 for v in visits)
    counts = VisitCount.objects.filter(visit__campaign=firefly)
    assert counts.filter(count=0).exists()
    assert all(len(c.sub_counts) == 3 and c.count == max(c.sub_counts) for c in counts)
    directions = {
        (row["site"], str(row["trend"].direction))
        for row in campaign_results(firefly)["trends"]
        if row["taxon"] == "all"
    }
    assert ("kc1-intake", "increasing") in directions
    assert ("kc3-seseragi", "decreasing") in directions
    garden = Campaign.objects.get(slug=demo.GARDEN_SLUG)
    assert garden.target_taxa.count() == 5
    assert garden.sites.count() == 3


def test_demo_is_deterministic_and_idempotent(loaded):
    before = list(
        VisitCount.objects.order_by("visit__site__code", "visit__date", "taxon_id").values_list(
            "visit__site__code", "visit__date", "taxon_id", "count", "occurrence_id"
        )
    )
    demo.load()
    after = list(
        VisitCount.objects.order_by("visit__site__code", "visit__date", "taxon_id").values_list(
            "visit__site__code", "visit__date", "taxon_id", "count", "occurrence_id"
        )
    )
    assert before == after
    VisitCount.objects.all().delete()
    Visit.objects.all().delete()
    demo.load()
    again = list(
        VisitCount.objects.order_by("visit__site__code", "visit__date", "taxon_id").values_list(
            "visit__site__code", "visit__date", "taxon_id", "count"
        )
    )
    assert again == [row[:4] for row in before]  # the same counts from the fixed seed


def test_moon_phase_of_known_dates():
    assert demo.moon_phase(datetime.date(2024, 6, 6)) == "new"  # new moon 2024-06-06
    assert demo.moon_phase(datetime.date(2024, 6, 22)) == "full"  # full moon 2024-06-22
