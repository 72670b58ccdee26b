"""Words and arrows for dashboard colours, trends and progress statuses, in both languages."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

COLOURS = {
    "green": _("SDG achieved"),
    "yellow": _("challenges remain"),
    "orange": _("significant challenges"),
    "red": _("major challenges"),
    "grey": _("insufficient data"),
}
TRENDS = {
    "on_track": ("↑", _("on track")),
    "maintaining": ("↑", _("maintaining achievement")),
    "moderately_improving": ("➚", _("moderately improving")),
    "stagnating": ("→", _("stagnating")),
    "decreasing": ("↓", _("decreasing")),
}
PROGRESS = {
    "target_achieved": _("target achieved"),
    "substantial_progress": _("substantial progress"),
    "moderate_progress": _("moderate progress"),
    "limited_progress": _("limited progress"),
    "deterioration": _("deterioration"),
    "not_available": _("not enough data"),
}


@register.filter
def colour_label(colour: str) -> str:
    return COLOURS.get(colour or "grey", colour)


@register.filter
def trend_arrow(trend: str) -> str:
    return TRENDS.get(trend, ("", ""))[0]


@register.filter
def trend_label(trend: str) -> str:
    return TRENDS.get(trend, ("", ""))[1]


@register.filter
def progress_label(status: str) -> str:
    return PROGRESS.get(status, status)
