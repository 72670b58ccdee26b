"""Nature-and-culture pages: the elements, one element, the pages of a service, habitat or
material and place, and the interactive graph of the region (with the same links as a table)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tsunagu.biocultural import selectors
from tsunagu.biocultural.models import (
    CulturalElement,
    EcosystemService,
    ElementKind,
    Material,
    Place,
    Vocabulary,
)


def element_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind") or None
    if kind not in ElementKind.values:
        kind = None
    return render(
        request,
        "biocultural/element_list.html",
        {
            "elements": selectors.element_list(kind=kind),
            "kinds": ElementKind.choices,
            "kind": kind,
            "services": selectors.services_in_use(),
            "places": Place.objects.filter(parent__isnull=False, parent__parent__isnull=True),
        },
    )


def element_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        element = selectors.element_get(slug=slug)
    except CulturalElement.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "biocultural/element_detail.html",
        {"element": element, "links": selectors.element_links(element)},
    )


def service_detail(request: HttpRequest, vocabulary: str, code: str) -> HttpResponse:
    if vocabulary not in Vocabulary.values:
        raise Http404
    try:
        service = selectors.service_get(vocabulary=vocabulary, code=code)
    except EcosystemService.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "biocultural/node_detail.html",
        {
            "node": service,
            "title": str(service),
            "kind_label": service.get_vocabulary_display(),
            "description": service.get_section_display(),
            "links": selectors.link_list(service=service),
        },
    )


def material_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        material = Material.objects.get(slug=slug)
    except Material.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "biocultural/node_detail.html",
        {
            "node": material,
            "title": material.name,
            "kind_label": material.get_kind_display(),
            "description": material.description,
            "links": selectors.link_list(material=material),
        },
    )


def place_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        place = Place.objects.select_related("parent", "area").get(slug=slug)
    except Place.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "biocultural/node_detail.html",
        {
            "node": place,
            "title": place.name,
            "kind_label": place.get_kind_display(),
            "description": place.description,
            "place": place,
            "children": place.children.all(),
            "links": selectors.link_list(place=place),
        },
    )


def graph(request: HttpRequest) -> HttpResponse:
    data = selectors.graph_get()
    return render(
        request,
        "biocultural/graph.html",
        {"graph": data, "links": selectors.link_list()},
    )
