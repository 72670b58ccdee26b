"""What a data block is: a name, a title, `collect` (reads the platform's selectors for the
report's area and period and returns JSON-serialisable data) and a template that renders that
data in one language.

Data is bilingual and frozen into the version's snapshot, so rendering never reads the live
database. Conventions every block follows (the renderer, the PDF/Word exporters and the
version comparison rely on them):

    {
      "figures": [  # headline numbers; compared between versions by key
        {"key": "partners_total", "label": {"ja": ..., "en": ...}, "value": 182,
         "unit": {"ja": "団体", "en": "organisations"}, "year": 2025,
         "source": {"ja": ..., "en": ...}},
      ],
      "charts": [  # rendered to SVG server-side by tsunagu.reports.charts
        {"id": "projects-by-goal", "kind": "bar" | "hbar" | "line",
         "title": {...}, "categories": [{...} or str], "series": [
            {"name": {...}, "values": [..], "colours": [..] (optional)}],
         "unit": {...}, "source": {...}},
      ],
      "tables": [
        {"id": ..., "caption": {...}, "columns": [{...}], "rows": [[cell, ...]],
         "source": {...}},  # a cell is a number, a str or {"ja":..,"en":..}
      ],
      "sources": [{"ja": ..., "en": ...}],  # every source used, with its credit
      ...anything else the block's template needs...
    }
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import translation

from tsunagu.core.models import Area

LANGUAGES = ("ja", "en")


@dataclass(frozen=True)
class BlockContext:
    area: Area
    period_start: date
    period_end: date
    params: dict = field(default_factory=dict)
    # Data of the sections collected before this one (the sources block reads them).
    earlier: tuple[dict, ...] = ()

    @property
    def year(self) -> int:
        """The reference year: the period's last year."""
        return self.period_end.year


class Block:
    name: str = ""
    title: Any = ""  # gettext_lazy
    template: str = ""

    def collect(self, context: BlockContext) -> dict:
        raise NotImplementedError

    def default_heading(self, context_params: dict | None = None) -> dict[str, str]:
        return both(lambda: str(self.title))


def both(make) -> dict[str, str]:
    """A text in both languages: `make` is called with each language active (gettext)."""
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            texts[language] = str(make())
    return texts


def field_both(instance, name: str) -> dict[str, str]:
    """A modeltranslation field in both languages, Japanese standing in for a missing English."""
    ja = getattr(instance, f"{name}_ja", None) or getattr(instance, name, "") or ""
    en = getattr(instance, f"{name}_en", None) or ja
    return {"ja": ja, "en": en}


def pick(text, language: str):
    """The language's version of a bilingual value; plain values pass through."""
    if isinstance(text, dict) and ("ja" in text or "en" in text):
        return text.get(language) or text.get("ja") or text.get("en") or ""
    return text
