"""Sanitised narrative HTML (tsunagu.reports.sanitize) as Word paragraphs, lists and simple
tables, read with the standard library's HTML parser."""

from html.parser import HTMLParser

from docx.document import Document as WordDocument
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from tsunagu.reports.outputs.docx_tables import (
    LINE_EMS,
    TABLE_TEXT,
    header_row,
    widths_set,
)
from tsunagu.reports.outputs.layout import column_widths

BLOCK_TAGS = {"p", "div", "h3", "h4", "li", "blockquote", "figcaption", "caption", "pre"}
INLINE_FORMATS = {
    "strong": "bold",
    "b": "bold",
    "em": "italic",
    "i": "italic",
    "u": "underline",
    "s": "strike",
    "del": "strike",
    "sub": "subscript",
    "sup": "superscript",
    "code": "code",
}


class _NarrativeParser(HTMLParser):
    """Sanitised narrative HTML (tsunagu.reports.sanitize) into Word paragraphs, lists and
    tables. Only the tags the sanitiser lets through are understood; others pass their text."""

    def __init__(self, document: WordDocument) -> None:
        super().__init__(convert_charrefs=True)
        self.document = document
        self.paragraph: Paragraph | None = None
        self.formats: list[str] = []
        self.lists: list[list] = []  # [tag, items so far]
        self.links: list[str] = []
        self.quote = 0
        self.pre = 0
        self.rows: list[list[dict]] | None = None  # the table being read
        self.cell: dict | None = None

    # Paragraphs
    def _style(self, tag: str) -> str:
        if tag == "h3":
            return "Heading 2"
        if tag == "h4":
            return "Heading 3"
        if tag in ("figcaption", "caption"):
            return "Caption"
        if tag == "li" and self.lists:
            kind, depth = self.lists[-1][0], min(len(self.lists), 3)
            base = "List Bullet" if kind == "ul" else "List"
            return base if depth == 1 else f"{base} {depth}"
        return "Quote" if self.quote else "Normal"

    def _open(self, tag: str) -> None:
        self.paragraph = self.document.add_paragraph(style=self._style(tag))
        if tag == "li" and self.lists and self.lists[-1][0] == "ol":
            self.lists[-1][1] += 1
            self.paragraph.add_run(f"{self.lists[-1][1]}. ")

    def _write(self, text: str) -> None:
        if self.cell is not None:
            self.cell["runs"].append((text, tuple(self.formats)))
            return
        if self.paragraph is None:
            if not text.strip():
                return
            self._open("p")
            text = text.lstrip()
        _run_add(self.paragraph, text, self.formats)

    # HTMLParser
    def handle_starttag(self, tag: str, attrs) -> None:
        attributes = dict(attrs)
        if tag == "table":
            self.rows, self.paragraph = [], None
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th") and self.rows is not None:
            span = attributes.get("colspan") or "1"
            self.cell = {
                "runs": [],
                "header": tag == "th",
                "span": int(span) if span.isdigit() else 1,
            }
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append(self.cell)
        elif tag in ("ul", "ol"):
            self.lists.append([tag, 0])
            self.paragraph = None
        elif tag == "blockquote":
            self.quote += 1
            self.paragraph = None
        elif tag == "br":
            if self.cell is not None:
                self.cell["runs"].append(("\n", ()))
            elif self.paragraph is not None:
                self.paragraph.add_run().add_break()
        elif tag in INLINE_FORMATS:
            self.formats.append(INLINE_FORMATS[tag])
        elif tag == "a":
            self.links.append(attributes.get("href") or "")
        elif tag in BLOCK_TAGS and self.cell is None:
            if tag == "pre":
                self.pre += 1
            if tag != "caption" or self.rows is None:
                self._open(tag)
            else:
                self.paragraph = self.document.add_paragraph(style="Caption")

    def handle_endtag(self, tag: str) -> None:
        if tag in INLINE_FORMATS and INLINE_FORMATS[tag] in self.formats:
            self.formats.reverse()
            self.formats.remove(INLINE_FORMATS[tag])
            self.formats.reverse()
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href and not href.startswith("mailto:"):
                self._write(f" ({href})")
        elif tag in ("td", "th"):
            self.cell = None
        elif tag == "table" and self.rows is not None:
            _narrative_table(self.document, self.rows)
            self.rows, self.cell, self.paragraph = None, None, None
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.paragraph = None
        elif tag == "blockquote":
            self.quote = max(0, self.quote - 1)
            self.paragraph = None
        elif tag in BLOCK_TAGS and self.cell is None:
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            self.paragraph = None

    def handle_data(self, data: str) -> None:
        if self.pre:
            lines = data.split("\n")
            for index, line in enumerate(lines):
                if index and self.paragraph is not None:
                    self.paragraph.add_run().add_break()
                if line:
                    self._write(line)
            return
        text = " ".join(data.split())
        if data[:1].isspace() and text:
            text = " " + text
        if data[-1:].isspace() and text:
            text += " "
        if text.strip() or (self.paragraph is not None and text):
            self._write(text)


def _run_add(paragraph: Paragraph, text: str, run_formats) -> Run:
    run = paragraph.add_run(text)
    for name in run_formats:
        if name == "code":
            run.font.name = "Courier New"
        else:
            setattr(run.font, name, True)
    return run


def _narrative_table(document: WordDocument, rows: list[list[dict]]) -> None:
    rows = [row for row in rows if row]
    if not rows:
        return
    width = max(sum(cell["span"] for cell in row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = document.styles["Table Grid"]
    texts: list[list[str | None]] = []
    for row, cells in zip(table.rows, rows, strict=True):
        column, line = 0, []
        for cell in cells:
            target = row.cells[column]
            if cell["span"] > 1 and column + cell["span"] <= width:
                target = target.merge(row.cells[column + cell["span"] - 1])
            paragraph = target.paragraphs[0]
            for text, run_formats in cell["runs"]:
                if text == "\n":
                    paragraph.add_run().add_break()
                    continue
                formats = (*run_formats, "bold") if cell["header"] else run_formats
                _run_add(paragraph, text, formats).font.size = TABLE_TEXT
            line += [None] * (cell["span"] - 1) + ["".join(t for t, _f in cell["runs"])]
            column += cell["span"]
        texts.append(line)
    if all(cell["header"] for cell in rows[0]):
        header_row(table.rows[0])
    widths_set(table, column_widths(texts, LINE_EMS))


def narrative_add(document: WordDocument, html: str) -> None:
    """Sanitised narrative HTML as Word paragraphs, lists and tables."""
    parser = _NarrativeParser(document)
    parser.feed(html or "")
    parser.close()
