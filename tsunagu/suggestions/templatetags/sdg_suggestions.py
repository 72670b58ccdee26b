"""{% suggestions_for obj as suggestions %}, {% may_decide_suggestions obj as may_decide %}."""

from django import template
from django.contrib.contenttypes.models import ContentType

from tsunagu.accounts.policy import can_edit
from tsunagu.suggestions import selectors

register = template.Library()


@register.simple_tag(name="suggestions_for")
def suggestions_for_tag(obj, status: str | None = None):
    return selectors.suggestions_for(obj, status=status)


@register.simple_tag(takes_context=True)
def may_decide_suggestions(context, obj) -> bool:
    request = context.get("request")
    return request is not None and can_edit(request.user, obj)


@register.filter
def suggestions_dom_id(obj) -> str:
    """A stable element id for obj's panel, so htmx can swap it."""
    return f"{ContentType.objects.get_for_model(obj).model}-{obj.pk}"
