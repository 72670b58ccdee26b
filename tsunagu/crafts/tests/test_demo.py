"""The demo loads, twice, with the ten crafts and the demo workshops the other apps expect."""

from django.contrib.auth import get_user_model

from tsunagu.crafts import demo
from tsunagu.crafts.models import Artisan, Craft, Workshop


def test_demo_loads_idempotently(db, client):
    demo.load()
    demo.load()
    assert Craft.objects.count() == 10
    gold = Craft.objects.get(slug="kanazawa-gold-leaf")
    assert "99%" in gold.description_en
    assert "99%" in gold.description_ja
    assert gold.sources.exists()
    assert gold.materials.filter(material__slug="gold").exists()
    assert (
        Craft.objects.get(slug="kanazawa-lacquer")
        .materials.filter(taxon__scientific_name="Toxicodendron vernicifluum")
        .exists()
    )
    assert all(c.sources.exists() for c in Craft.objects.all())
    workshops = Workshop.objects.all()
    assert workshops.count() == 6
    assert all(w.is_demo for w in workshops)
    assert all("(demo)" in w.name_en and "デモ" in w.name_ja for w in workshops)
    studio = Workshop.objects.get(slug="demo-gold-leaf-studio")
    assert studio.crafts.filter(slug="kanazawa-gold-leaf").exists()
    assert Workshop.objects.filter(slug__contains="yuzen", is_demo=True).exists()
    manager = studio.managers.get()
    assert manager.email == "demo-workshop-demo-gold-leaf-studio@example.org"
    assert not manager.has_usable_password()
    assert get_user_model().objects.filter(email__startswith="demo-workshop-").count() == 6
    assert all(a.is_demo for a in Artisan.objects.all())
    page = client.get("/en/crafts/workshops/demo-gold-leaf-studio/")
    assert page.status_code == 200
    assert "Demo content" in page.content.decode()


def test_demo_crafts_link_the_seeded_biocultural_elements(db):
    from tsunagu.biocultural.services import biocultural_seed

    biocultural_seed()
    demo.load()
    gold = Craft.objects.get(slug="kanazawa-gold-leaf")
    assert gold.cultural_element.slug == "kanazawa-gold-leaf"
    assert Craft.objects.get(slug="ohi-ware").cultural_element is None
