"""The platform's modules as the site navigation shows them."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Module:
    slug: str
    title: Promise
    summary: Promise
    goals: tuple[int, ...]


MODULES = (
    Module(
        "indicators",
        _("Indicators"),
        _(
            "Local SDG indicators and 2030 targets computed from official statistics for all "
            "Japanese municipalities, with an SDG attainment index, trends and dashboards."
        ),
        (1, 3, 4, 8, 11, 13),
    ),
    Module(
        "partners",
        _("Partners"),
        _(
            "The IMAGINE KANAZAWA 2030 partner registry: organisations and their SDG projects, "
            "matchmaking and progress reports."
        ),
        (17,),
    ),
    Module(
        "events",
        _("Events"),
        _(
            "Partner meetings, SDGs Café dialogues, idea-thons and workshops, with "
            "registration, check-in and minutes."
        ),
        (4, 17),
    ),
    Module(
        "nature",
        _("Nature"),
        _(
            "The biocultural diversity platform: citizen observations, survey campaigns such as "
            "the firefly survey, species and the City Biodiversity Index."
        ),
        (6, 11, 15),
    ),
    Module(
        "crafts",
        _("Crafts"),
        _(
            "Crafts, artisans and workshops, bookable craft experiences and talent "
            "programmes of the City of Crafts and Folk Art."
        ),
        (4, 8, 11, 12),
    ),
    Module(
        "tourism",
        _("Tourism"),
        _(
            "Kanazawa SDG tourism: accreditation of operators and tours, incentives and "
            "visitor statistics."
        ),
        (8, 11, 12),
    ),
    Module(
        "network",
        _("Network"),
        _("The UNESCO Creative Cities Network: member cities, exchanges and dispatches."),
        (11, 17),
    ),
    Module(
        "reports",
        _("Reports"),
        _(
            "Voluntary Local Review and UNESCO Membership Monitoring Report, as web pages and "
            "PDF in Japanese and English."
        ),
        (17,),
    ),
)

MODULES_BY_SLUG = {module.slug: module for module in MODULES}
