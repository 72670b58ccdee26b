"""Crafts catalogue pages: crafts, workshops (with the contact form) and artisans."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tsunagu.biocultural.apps import CACHE_DOMAIN as BIOCULTURAL_CACHE_DOMAIN
from tsunagu.core.cache import cached_for_anonymous, fragment_cache_context
from tsunagu.crafts import selectors
from tsunagu.crafts.apps import CACHE_DOMAIN
from tsunagu.crafts.forms import ContactForm
from tsunagu.crafts.models import Artisan, Craft, Workshop
from tsunagu.crafts.services import contact_message_send
from tsunagu.nature.caching import TAXA_CACHE_DOMAIN
from tsunagu.nature.views.campaigns import BASEMAP_ATTRIBUTION


def craft_list(request: HttpRequest) -> HttpResponse:
    crafts = list(selectors.craft_list())
    selected = next((c for c in crafts if c.slug == request.GET.get("craft")), None)
    return render(
        request,
        "crafts/craft_list.html",
        {
            "crafts": crafts,
            "selected": selected,
            # Lazy: read only when the cached fragment has expired or the catalogue changed.
            "workshops": selectors.workshop_list(craft=selected),
            **fragment_cache_context(CACHE_DOMAIN),
        },
    )


# Its materials name taxa and link to the nature-and-culture graph.
@cached_for_anonymous(CACHE_DOMAIN, BIOCULTURAL_CACHE_DOMAIN, TAXA_CACHE_DOMAIN)
def craft_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        craft = selectors.craft_get(slug=slug)
    except Craft.DoesNotExist:
        raise Http404 from None
    return render(request, "crafts/craft_detail.html", {"craft": craft})


def _map(workshop: Workshop) -> dict | None:
    if not workshop.has_location:
        return None
    return {
        "longitude": workshop.longitude,
        "latitude": workshop.latitude,
        "name": workshop.name,
        "tiles": settings.TSUNAGU_BASEMAP_TILES,
        "attribution": getattr(settings, "TSUNAGU_BASEMAP_ATTRIBUTION", BASEMAP_ATTRIBUTION),
    }


def workshop_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        workshop = selectors.workshop_get(slug=slug)
    except Workshop.DoesNotExist:
        raise Http404 from None
    form = ContactForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contact_message_send(
                workshop=workshop,
                sender=request.user,
                name=data.get("name", ""),
                email=data.get("email", ""),
                message=data["message"],
                language=get_language() or "ja",
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, field_errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, field_errors)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, _("Your message was sent. The workshop will reply by email."))
            return redirect(workshop.get_absolute_url() + "#contact")
    return render(
        request,
        "crafts/workshop_detail.html",
        {
            "workshop": workshop,
            "artisans": workshop.artisans.all(),
            "hours": selectors.opening_hours_by_day(workshop),
            "languages": selectors.languages_named(workshop.languages),
            "map": _map(workshop),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@cached_for_anonymous(CACHE_DOMAIN)
def artisan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        artisan = selectors.artisan_get(slug=slug)
    except Artisan.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "crafts/artisan_detail.html",
        {"artisan": artisan, "languages": selectors.languages_named(artisan.languages)},
    )
