"""Methodology and data sources: every source the report's earlier sections name, once each in
order of first appearance, after a short account of how the SDG scores are computed."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from tsunagu.reports.blocks import register
from tsunagu.reports.blocks.base import LANGUAGES, Block, BlockContext, both, pick

METHODOLOGY = [
    gettext_lazy(
        "The SDG attainment index applies to Japanese municipalities the method of the SDG "
        "Index and Dashboards, which the Sustainable Development Solutions Network (SDSN) "
        "publishes every year in its Sustainable Development Report."
    ),
    gettext_lazy(
        "Each indicator is rescaled to a score between 0 and 100, using the latest value "
        "available for each municipality. 100 is the optimum; 0 is a fixed lower bound or, "
        "where none is set, the value beyond which the worst 2.5 percent of municipalities lie. "
        "Values outside the two bounds are capped."
    ),
    gettext_lazy(
        "A goal's score is the arithmetic mean of its indicators' scores, all weighted "
        "equally, and the index is the arithmetic mean of the goal scores. A municipality "
        "with data for too few indicators keeps its scores but is not ranked."
    ),
    gettext_lazy(
        "Dashboard colours compare each indicator's value with thresholds set for it: green "
        "(SDG achieved), yellow (challenges remain), orange (significant challenges) and red "
        "(major challenges). A goal is rated by its two worst indicators, and is grey when "
        "fewer than half of its indicators have data."
    ),
    gettext_lazy(
        "Trends compare the pace of change between the first and the latest year with data "
        "with the pace needed to reach the green threshold by 2030: on track, moderately "
        "improving (at least half the pace needed), stagnating, or decreasing."
    ),
    gettext_lazy(
        "Where the city has set a local 2030 target for an indicator, progress towards it is "
        "measured as Open SDG does: the annual growth rate since 2015 (or the first later "
        "year with data) is compared with the rate needed to reach the target in its target "
        "year, giving a status and a score from −5 to 5."
    ),
]
REFERENCES = [
    gettext_lazy(
        "Sustainable Development Solutions Network (SDSN), Sustainable Development Report: "
        "SDG Index and Dashboards, published yearly, https://dashboards.sdgindex.org"
    ),
    gettext_lazy(
        "Lafortune, G., Fuller, G., Moreno, J., Schmidt-Traub, G. and Kroll, C. (2018), SDG "
        "Index and Dashboards: Detailed Methodological Paper, SDSN and Bertelsmann Stiftung"
    ),
    gettext_lazy(
        "Open SDG, an open-source platform for publishing SDG data, and its progress measure "
        "developed by Statistics Canada, https://open-sdg.org"
    ),
]


def _bilingual(text) -> dict[str, str] | None:
    """A source as {"ja", "en"} (a plain string stands for both languages); None when empty."""
    texts = {language: str(pick(text, language) or "").strip() for language in LANGUAGES}
    if not any(texts.values()):
        return None
    return {language: texts[language] or texts["ja"] or texts["en"] for language in LANGUAGES}


def _named_sources(data: dict) -> list:
    """Every source one section's data names: its list, then its figures, charts and tables."""
    named = list(data.get("sources") or [])
    for part in ("figures", "charts", "tables"):
        named += [item.get("source") for item in data.get(part) or []]
    return named


def sources_collect(earlier: tuple[dict, ...]) -> list[dict[str, str]]:
    """The distinct sources of the sections, in order of first appearance."""
    found: dict[tuple[str, ...], dict[str, str]] = {}
    for data in earlier:
        for text in _named_sources(data or {}):
            source = _bilingual(text) if text else None
            if source:
                found.setdefault(tuple(source[language] for language in LANGUAGES), source)
    return list(found.values())


@register
class SourcesBlock(Block):
    name = "sources"
    title = gettext_lazy("Methodology and data sources")
    template = "reports/blocks/sources.html"

    def collect(self, context: BlockContext) -> dict:
        sources = sources_collect(context.earlier)
        return {
            "methodology": [both(lambda text=text: text) for text in METHODOLOGY],
            "references": [both(lambda text=text: text) for text in REFERENCES],
            "sources": sources,
            "figures": [
                {
                    "key": "sources_count",
                    "label": both(lambda: _("Data sources cited")),
                    "value": len(sources),
                    "unit": both(lambda: pgettext("unit", "sources")),
                    "year": context.year,
                    "source": both(lambda: _("the sections of this report")),
                }
            ],
        }
