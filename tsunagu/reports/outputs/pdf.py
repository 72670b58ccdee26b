"""A snapshot as a print PDF (A4, IPAex fonts for Japanese), through WeasyPrint.

Tables get column widths from their contents (outputs.layout) before WeasyPrint lays them out,
as a <colgroup> of a fixed layout."""

import re
from html.parser import HTMLParser

from tsunagu.reports.outputs.layout import column_widths
from tsunagu.reports.rendering import report_document_html

TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)
CAPTION_END = re.compile(r"</caption>", re.IGNORECASE)


class PdfUnavailableError(RuntimeError):
    pass


class _Cells(HTMLParser):
    """The text of each cell of one table, by row; a spanning cell is left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str | None]] = []
        self.text: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            spans = dict(attrs).get("colspan") or "1"
            self.rows[-1].extend([None] * (int(spans) if spans.isdigit() else 1))
            self.text = [] if spans == "1" else None

    def handle_endtag(self, tag) -> None:
        if tag in ("td", "th") and self.rows and self.text is not None:
            self.rows[-1][-1] = "".join(self.text)
            self.text = None

    def handle_data(self, data) -> None:
        if self.text is not None:
            self.text.append(data)


def _sized(match: re.Match) -> str:
    table = match.group(0)
    opening = table[: table.index(">") + 1]
    if "report-figures" in opening or "<colgroup" in table:
        return table
    cells = _Cells()
    cells.feed(table)
    widths = column_widths(cells.rows)
    if not widths:
        return table
    colgroup = "<colgroup>" + "".join(f'<col style="width: {w:.1f}%">' for w in widths)
    colgroup += "</colgroup>"
    caption = CAPTION_END.search(table)
    at = caption.end() if caption else len(opening)
    return table[:at] + colgroup + table[at:]


def tables_sized(html: str) -> str:
    """Every table of the document with column widths from its contents."""
    return TABLE.sub(_sized, html)


def report_pdf(snapshot: dict, language: str) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # the package, or Pango under it, is missing
        raise PdfUnavailableError(
            "WeasyPrint is not installed (pip install weasyprint; it needs Pango, and "
            "fonts-ipaexfont for Japanese)"
        ) from error
    html = tables_sized(report_document_html(snapshot, language, for_print=True))
    return HTML(string=html).write_pdf()
