"""Read-only API of the biocultural graph: GET /api/v1/nature/culture/graph and /elements.
Writes go through the admin (staff only)."""

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from tsunagu.biocultural import selectors
from tsunagu.biocultural.models import CulturalElement

router = Router(tags=["biocultural"])


class CategoryOut(Schema):
    key: str
    name: str


class NodeOut(Schema):
    id: str
    name: str
    category: str
    url: str | None
    degree: int
    kind: str | None = None
    scientific_name: str | None = None


class EdgeOut(Schema):
    source: str
    target: str
    relation: str
    links: list[int]


class GraphOut(Schema):
    categories: list[CategoryOut]
    nodes: list[NodeOut]
    edges: list[EdgeOut]


class SourceOut(Schema):
    title: str
    url: str


class LinkOut(Schema):
    id: int
    service: str | None
    taxon: str | None
    material: str | None
    place: str | None
    explanation_ja: str
    explanation_en: str | None
    sources: list[SourceOut]

    @staticmethod
    def resolve_id(link) -> int:
        return link.pk

    @staticmethod
    def resolve_service(link) -> str | None:
        return selectors.node_key(link.service) if link.service else None

    @staticmethod
    def resolve_taxon(link) -> str | None:
        return link.taxon.scientific_name if link.taxon else None

    @staticmethod
    def resolve_material(link) -> str | None:
        return link.material.slug if link.material else None

    @staticmethod
    def resolve_place(link) -> str | None:
        return link.place.slug if link.place else None

    @staticmethod
    def resolve_sources(link) -> list[dict]:
        return [{"title": s.title, "url": s.url} for s in link.sources.all()]


class ElementOut(Schema):
    slug: str
    kind: str
    name_ja: str
    name_en: str | None
    description_ja: str
    description_en: str | None
    place_name_ja: str
    place_name_en: str | None
    latitude: float | None
    longitude: float | None
    links: list[LinkOut]

    @staticmethod
    def resolve_links(element) -> list:
        return list(element.links.all())


@router.get("/graph", response=GraphOut, summary="Nodes and edges of the biocultural graph")
def graph(request: HttpRequest, lang: str = "ja"):
    """Labels in `lang` (ja or en); node ids are stable keys such as `element:kaga-yuzen`."""
    from django.utils import translation

    with translation.override("en" if lang == "en" else "ja"):
        return selectors.graph_get()


def _elements():
    return selectors.element_list().prefetch_related(
        "links__service", "links__taxon", "links__material", "links__place", "links__sources"
    )


@router.get("/elements", response=list[ElementOut], summary="Cultural elements and their links")
def elements(request: HttpRequest, kind: str | None = None):
    return list(_elements().filter(kind=kind) if kind else _elements())


@router.get("/elements/{slug}", response=ElementOut, summary="One cultural element")
def element(request: HttpRequest, slug: str):
    try:
        return _elements().get(slug=slug)
    except CulturalElement.DoesNotExist:
        raise Http404 from None
