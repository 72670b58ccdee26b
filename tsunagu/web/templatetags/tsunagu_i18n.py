from django import template
from django.urls import translate_url
from django.utils import translation

register = template.Library()


@register.simple_tag(takes_context=True)
def page_in_language(context, language: str) -> str:
    """The current page's URL in another language ('/city/' <-> '/en/city/')."""
    request = context["request"]
    # translate_url resolves the path in the active language, which is the page's own.
    with translation.override(translation.get_language()):
        url = translate_url(request.get_full_path(), language)
    return url
