"""Writes: the vocabularies, places, materials, cultural elements and their links.

Staff edit through the admin; the curated Kanazawa content is loaded by `biocultural_seed`
(`tsunagu biocultural_seed`, also run by `load_demo`), which is idempotent: it keys every row
by a slug, a code or (for links) by element and nodes, and updates what exists.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from tsunagu.biocultural import seed_data
from tsunagu.biocultural.models import (
    CulturalElement,
    EcosystemService,
    Link,
    Material,
    Place,
    Source,
)
from tsunagu.biocultural.vocabularies import vocabulary_rows
from tsunagu.core.models import Area
from tsunagu.nature.models import Taxon, TaxonRank


@transaction.atomic
def vocabularies_load() -> int:
    """Create or update every CICES class and NCP category (migration 0002 does the same);
    returns the number of rows."""
    rows = vocabulary_rows()
    for row in rows:
        EcosystemService.objects.update_or_create(
            vocabulary=row["vocabulary"],
            code=row["code"],
            defaults={k: v for k, v in row.items() if k not in ("vocabulary", "code")},
        )
    return len(rows)


def taxon_for_link(
    *,
    scientific_name: str,
    rank: str = TaxonRank.SPECIES,
    common_name_ja: str = "",
    common_name_en: str = "",
) -> Taxon:
    """The taxon of that name and rank, created minimally only when no one has seeded it (the
    nature app's taxa seed owns taxa and upserts by the same key; we never duplicate one)."""
    taxon = Taxon.objects.filter(scientific_name=scientific_name, rank=rank).first()
    if taxon is None:
        taxon = Taxon(scientific_name=scientific_name, rank=rank)
        taxon.common_name_ja = common_name_ja
        taxon.common_name_en = common_name_en
        taxon.save()
    return taxon


@transaction.atomic
def link_create(
    *,
    element: CulturalElement,
    explanation_ja: str,
    explanation_en: str = "",
    service: EcosystemService | None = None,
    taxon: Taxon | None = None,
    material: Material | None = None,
    place: Place | None = None,
    sources: list[tuple[str, str]] = (),
    order: int = 0,
) -> Link:
    """One link; `sources` are (title, url) pairs, shared between links by URL."""
    if not explanation_ja.strip():
        raise ValidationError({"explanation_ja": "An explanation is required."})
    link = Link(
        element=element,
        service=service,
        taxon=taxon,
        material=material,
        place=place,
        order=order,
    )
    link.explanation_ja = explanation_ja
    link.explanation_en = explanation_en
    link.full_clean()
    link.save()
    link.sources.set([source_get_or_create(title=t, url=u) for t, u in sources])
    return link


def source_get_or_create(*, title: str, url: str) -> Source:
    source, created = Source.objects.get_or_create(url=url, defaults={"title": title})
    if not created and source.title != title:
        source.title = title
        source.save(update_fields=["title"])
    return source


def _places_seed() -> dict[str, Place]:
    places: dict[str, Place] = {}
    for slug, (kind, ja, en, desc_ja, desc_en, parent, area, lat, lon) in seed_data.PLACES.items():
        place, _ = Place.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "name_ja": ja,
                "name_en": en,
                "description_ja": desc_ja,
                "description_en": desc_en,
                "parent": places[parent] if parent else None,
                # core areas come from the core demo or load_boundaries; link them if present
                "area": Area.objects.filter(code=area).first() if area else None,
                "latitude": lat,
                "longitude": lon,
            },
        )
        places[slug] = place
    return places


def _materials_seed() -> dict[str, Material]:
    return {
        slug: Material.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "name_ja": ja,
                "name_en": en,
                "description_ja": desc_ja,
                "description_en": desc_en,
            },
        )[0]
        for slug, (kind, ja, en, desc_ja, desc_en) in seed_data.MATERIALS.items()
    }


@transaction.atomic
def biocultural_seed() -> dict[str, int]:
    """Load (or refresh) the curated Kanazawa links. Links of a seeded element are replaced
    as a whole, so a corrected seed never leaves a stale link behind."""
    vocabularies_load()
    services = {(s.vocabulary, s.code): s for s in EcosystemService.objects.all()}
    places = _places_seed()
    materials = _materials_seed()
    taxa = {
        name: taxon_for_link(scientific_name=name, rank=rank, common_name_ja=ja, common_name_en=en)
        for name, (rank, ja, en) in seed_data.TAXA.items()
    }
    links = 0
    for slug, data in seed_data.ELEMENTS.items():
        fields = {k: v for k, v in data.items() if k not in ("links", "area")}
        fields["area"] = Area.objects.filter(code=data["area"]).first()
        element, _ = CulturalElement.objects.update_or_create(slug=slug, defaults=fields)
        element.links.all().delete()
        for order, spec in enumerate(data["links"]):
            link_create(
                element=element,
                explanation_ja=spec["explanation_ja"],
                explanation_en=spec["explanation_en"],
                service=services[spec["service"]] if spec["service"] else None,
                taxon=taxa[spec["taxon"]] if spec["taxon"] else None,
                material=materials[spec["material"]] if spec["material"] else None,
                place=places[spec["place"]] if spec["place"] else None,
                sources=[seed_data.SOURCES[key] for key in spec["sources"]],
                order=order,
            )
            links += 1
    return {
        "elements": len(seed_data.ELEMENTS),
        "links": links,
        "places": len(places),
        "materials": len(materials),
        "taxa": len(taxa),
    }
