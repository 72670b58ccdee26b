"""A version's snapshot as one standalone HTML document in one language: the source of the PDF
(WeasyPrint) and of a printable preview. Sections are rendered by `reports/_section.html`,
which the public report page includes too, so the web and the print show the same thing."""

from datetime import date, datetime

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from tsunagu.reports.blocks.base import pick

# The 17 goals' official colours: the band on the cover.
SDG_COLOURS = (
    "#e5243b", "#dda63a", "#4c9f38", "#c5192d", "#ff3a21", "#26bde2", "#fcc30b", "#a21942",
    "#fd6925", "#dd1367", "#fd9d24", "#bf8b2e", "#3f7e44", "#0a97d9", "#56c02b", "#00689d",
    "#19486a",
)  # fmt: skip


def _date(value: str | None) -> date | None:
    return parse_date(value) if value else None


def _datetime(value: str | None) -> datetime | None:
    moment = parse_datetime(value) if value else None
    if moment is not None and timezone.is_aware(moment):
        return timezone.localtime(moment)
    return moment


def document_dates(snapshot: dict) -> dict:
    """The report's period and the generation time (local time) as dates, not ISO strings."""
    report = snapshot["report"]
    return {
        "period_start": _date(report.get("period_start")),
        "period_end": _date(report.get("period_end")),
        "generated_at": _datetime(snapshot.get("generated_at")),
    }


def _css_string(text: str) -> str:
    escaped = "".join(c if c.isalnum() or c in " .,:-" else f"\\{ord(c):06x}" for c in text)
    return f'"{escaped}"'


def numbered_caption(label: str, counter: str, separator: str) -> SafeString:
    """CSS generated content numbering captions: "Figure %(number)s" with counter `figure`
    becomes `"Figure " counter(figure) ". "`, in the translation's word order."""
    before, _, after = label.partition("%(number)s")
    parts = [_css_string(before), f"counter({counter})", _css_string(after + separator)]
    return mark_safe(" ".join(parts))  # noqa: S308 — the texts are escaped as CSS strings


def report_document_html(snapshot: dict, language: str, *, for_print: bool = False) -> str:
    """The snapshot as an HTML document: cover, contents and every section in `language`.
    `for_print` adds the paged-media rules (page numbers in the contents, running headers)."""
    report = snapshot["report"]
    separator = "\u3000" if language == "ja" else ". "  # 図1　題名 / Figure 1. Title
    with translation.override(language):
        context = {
            "language": language,
            "for_print": for_print,
            "report": report,
            "title": pick(report["title"], language),
            **document_dates(snapshot),
            "sections": snapshot.get("sections", []),
            "version": snapshot.get("version"),
            "snapshot_id": snapshot.get("snapshot_id", ""),
            "sdg_colours": SDG_COLOURS,
            "figure_number": numbered_caption(
                pgettext("chart caption", "Figure %(number)s"), "figure", separator
            ),
            "table_number": numbered_caption(
                pgettext("table caption", "Table %(number)s"), "table", separator
            ),
        }
        return render_to_string("reports/document.html", context)
