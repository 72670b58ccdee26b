from django import template

from tsunagu.biocultural.selectors import taxon_url

register = template.Library()


@register.simple_tag
def taxon_page_url(taxon) -> str | None:
    """The nature app's taxon page, or None while that page is not installed."""
    return taxon_url(taxon)
