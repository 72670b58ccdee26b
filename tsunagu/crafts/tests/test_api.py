"""The read-only API: crafts and workshops, bilingual, without email addresses."""

from datetime import time

from tsunagu.crafts.models import OpeningHours
from tsunagu.crafts.tests.factories import ArtisanFactory, WorkshopFactory


def test_crafts_list_and_detail(client, workshop, craft):
    listing = client.get("/api/v1/crafts/crafts").json()
    assert [c["slug"] for c in listing] == ["kanazawa-gold-leaf"]
    detail = client.get("/api/v1/crafts/crafts/kanazawa-gold-leaf").json()
    assert detail["name_en"] == "Kanazawa gold leaf"
    assert detail["workshops"] == ["gold-studio"]
    assert client.get("/api/v1/crafts/crafts/nothing").status_code == 404


def test_workshops_list_filter_and_detail(client, workshop, craft):
    WorkshopFactory(slug="hidden", is_published=False, crafts=[craft])
    OpeningHours.objects.create(workshop=workshop, weekday=5, opens=time(10), closes=time(17))
    ArtisanFactory(workshop=workshop, slug="hanako", is_certified_traditional_craftsperson=True)
    assert [w["slug"] for w in client.get("/api/v1/crafts/workshops").json()] == ["gold-studio"]
    assert client.get("/api/v1/crafts/workshops?craft=kanazawa-gold-leaf").json()
    assert client.get("/api/v1/crafts/workshops?craft=unknown").json() == []
    detail = client.get("/api/v1/crafts/workshops/gold-studio").json()
    assert detail["opening_hours"] == [{"weekday": 5, "opens": "10:00", "closes": "17:00"}]
    assert detail["languages"] == ["ja", "en"]
    assert detail["artisans"][0]["is_certified_traditional_craftsperson"] is True
    assert "contact_email" not in detail
    assert "managers" not in detail
    assert client.get("/api/v1/crafts/workshops/hidden").status_code == 404
