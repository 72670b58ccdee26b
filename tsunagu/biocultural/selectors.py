"""Reads: cultural elements, their links, the links of any node, and the graph of the region."""

from collections import Counter
from itertools import pairwise

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from tsunagu.biocultural.models import (
    CulturalElement,
    EcosystemService,
    Link,
    Material,
    Place,
    Source,
)


def element_list(*, kind: str | None = None) -> QuerySet[CulturalElement]:
    elements = CulturalElement.objects.annotate(link_count=Count("links")).select_related("area")
    if kind:
        elements = elements.filter(kind=kind)
    return elements


def element_get(*, slug: str) -> CulturalElement:
    return CulturalElement.objects.select_related("area").get(slug=slug)


def _links() -> QuerySet[Link]:
    return Link.objects.select_related(
        "element", "service", "taxon", "material", "place"
    ).prefetch_related(Prefetch("sources", queryset=Source.objects.order_by("title")))


def link_list(**filters) -> QuerySet[Link]:
    """Links filtered by node, e.g. link_list(place=place); all links without filters."""
    return _links().filter(**filters).order_by("element__kind", "element__slug", "order", "pk")


def element_links(element: CulturalElement) -> QuerySet[Link]:
    return _links().filter(element=element).order_by("order", "pk")


def taxon_links(taxon) -> QuerySet[Link]:
    """The links of a taxon and of the taxa below it (a genus page shows its species' links)."""
    condition = Q(taxon=taxon)
    if taxon.ancestry:
        condition |= Q(taxon__ancestry__startswith=taxon.ancestry)
    return link_list().filter(condition)


def service_get(*, vocabulary: str, code: str) -> EcosystemService:
    return EcosystemService.objects.get(vocabulary=vocabulary, code=code)


def services_in_use() -> QuerySet[EcosystemService]:
    return EcosystemService.objects.filter(links__isnull=False).distinct()


def taxon_url(taxon) -> str | None:
    """The nature app's page of the taxon, when that page is installed."""
    try:
        return reverse("nature:taxon_detail", args=[taxon.pk])
    except NoReverseMatch:
        return None


# Node categories of the graph, in legend order.
CATEGORIES = ["element", "service", "taxon", "material", "place"]


def category_labels() -> list[str]:
    return [
        _("Cultural element"),
        _("Ecosystem service"),
        _("Taxon"),
        _("Habitat or material"),
        _("Place"),
    ]


def node_key(node) -> str:
    if isinstance(node, CulturalElement):
        return f"element:{node.slug}"
    if isinstance(node, EcosystemService):
        return f"service:{node.vocabulary}:{node.code}"
    if isinstance(node, Material):
        return f"material:{node.slug}"
    if isinstance(node, Place):
        return f"place:{node.slug}"
    return f"taxon:{node.pk}"


def node_url(node) -> str | None:
    if isinstance(node, CulturalElement):
        return reverse("biocultural:element_detail", args=[node.slug])
    if isinstance(node, EcosystemService):
        return reverse("biocultural:service_detail", args=[node.vocabulary, node.code])
    if isinstance(node, Material):
        return reverse("biocultural:material_detail", args=[node.slug])
    if isinstance(node, Place):
        return reverse("biocultural:place_detail", args=[node.slug])
    return taxon_url(node)


def _category(node) -> str:
    return node_key(node).split(":", 1)[0]


def _node_label(node) -> str:
    if isinstance(node, EcosystemService):
        prefix = "NCP" if node.vocabulary == "ncp" else "CICES"
        return f"{prefix} {node.code} {node.name}"
    if isinstance(node, CulturalElement | Material | Place):
        return node.name
    return node.common_name or node.scientific_name


def graph_get() -> dict:
    """Nodes and edges of the whole region in the active language.

    Each link contributes the consecutive pairs of its chain as edges; every place is drawn
    with an edge to the place it lies within, so the region's structure (the city, Noto,
    Kaga, Hakusan) shows even where no link ends."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str], dict] = {}
    degree: Counter[str] = Counter()

    def add_node(node) -> str:
        key = node_key(node)
        if key not in nodes:
            nodes[key] = {
                "id": key,
                "name": _node_label(node),
                "category": _category(node),
                "url": node_url(node),
            }
            if isinstance(node, CulturalElement):
                nodes[key]["kind"] = node.kind
            elif hasattr(node, "scientific_name"):
                nodes[key]["scientific_name"] = node.scientific_name
        return key

    def add_edge(a: str, b: str, link_id: int | None, relation: str) -> None:
        edge = edges.setdefault(
            (a, b), {"source": a, "target": b, "relation": relation, "links": []}
        )
        if link_id is not None:
            edge["links"].append(link_id)
        degree[a] += 1
        degree[b] += 1

    for place in Place.objects.select_related("parent"):
        key = add_node(place)
        if place.parent_id:
            add_edge(key, add_node(place.parent), None, "within")
    for link in link_list():
        keys = [add_node(node) for node in link.chain()]
        for a, b in pairwise(keys):
            add_edge(a, b, link.pk, "link")
    for key, node in nodes.items():
        node["degree"] = degree[key]
    return {
        "categories": [
            {"key": key, "name": label}
            for key, label in zip(CATEGORIES, category_labels(), strict=True)
        ],
        "nodes": list(nodes.values()),
        "edges": list(edges.values()),
    }
