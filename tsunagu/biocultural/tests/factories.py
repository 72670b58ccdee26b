import factory

from tsunagu.biocultural.models import CulturalElement, Link, Material, Place
from tsunagu.nature.models import Taxon


class TaxonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Taxon
        django_get_or_create = ("scientific_name", "rank")

    scientific_name = factory.Sequence(lambda n: f"Testus species{n}")
    rank = "species"


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    slug = factory.Sequence(lambda n: f"place-{n}")
    kind = "river"
    name_ja = factory.Sequence(lambda n: f"川{n}")
    name_en = factory.Sequence(lambda n: f"River {n}")


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material

    slug = factory.Sequence(lambda n: f"material-{n}")
    kind = "material"
    name_ja = factory.Sequence(lambda n: f"素材{n}")
    name_en = factory.Sequence(lambda n: f"Material {n}")


class ElementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CulturalElement

    slug = factory.Sequence(lambda n: f"element-{n}")
    kind = "craft"
    name_ja = factory.Sequence(lambda n: f"工芸{n}")
    name_en = factory.Sequence(lambda n: f"Craft {n}")
    description_ja = "説明"
    description_en = "Description"


class LinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Link

    element = factory.SubFactory(ElementFactory)
    place = factory.SubFactory(PlaceFactory)
    explanation_ja = "つながりの説明"
    explanation_en = "How they connect"
