"""A snapshot as a plain Word document (python-docx), made to be pasted into forms such as
UNESCO's: a title page, one Heading 1 per section, the narrative as Word paragraphs, lists
and tables, each block's figures and tables as Word tables, chart captions (the charts
themselves are in the PDF) and the sources."""

from io import BytesIO

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx import Document
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from tsunagu.reports.blocks.base import pick
from tsunagu.reports.outputs.docx_narrative import narrative_add
from tsunagu.reports.outputs.docx_tables import MARGIN, table_add
from tsunagu.reports.rendering import document_dates
from tsunagu.reports.templatetags.reports import number

# Fonts every Japanese Windows has; LibreOffice substitutes its own Mincho and Gothic.
EAST_ASIAN_BODY, EAST_ASIAN_HEADING = "MS Mincho", "MS Gothic"
INK = RGBColor(0x1D, 0x1D, 0x1F)
FIGURE_WIDTHS = [30.0, 12.0, 14.0, 9.0, 35.0]  # label, value, unit, year, source
MUTED = RGBColor(0x4A, 0x4A, 0x4F)
HEADING_STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Caption")


def _fonts_set(rpr, east_asian: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.attrib.pop(qn("w:eastAsiaTheme"), None)  # a theme font would win over the name


def _styles_prepare(document: WordDocument) -> None:
    """A4, dark headings, and the East Asian fonts and language for Japanese text."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts_set(rpr, EAST_ASIAN_BODY)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-GB")
    lang.set(qn("w:eastAsia"), "ja-JP")
    document.styles["Normal"].font.size = Pt(10.5)
    for name in HEADING_STYLES:
        style = document.styles[name]
        _fonts_set(style.element.get_or_add_rPr(), EAST_ASIAN_HEADING)
        style.font.color.rgb = INK if name != "Caption" else MUTED
    document.styles["Title"].font.size = Pt(24)
    document.styles["Heading 1"].font.size = Pt(15)
    document.styles["Heading 2"].font.size = Pt(12)
    caption = document.styles["Caption"]
    caption.font.size, caption.font.bold = Pt(9), False
    caption.paragraph_format.space_before, caption.paragraph_format.space_after = Pt(8), Pt(3)


def _muted(paragraph: Paragraph, text: str, size: float = 9) -> Paragraph:
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.color.rgb = MUTED
    return paragraph


def _title_page(document: WordDocument, snapshot: dict, language: str) -> None:
    report = snapshot["report"]
    dates = document_dates(snapshot)
    colon = "：" if language == "ja" else ": "
    document.add_paragraph(str(pick(report["type_label"], language)), style="Subtitle")
    document.add_paragraph(str(pick(report["title"], language)), style="Title")
    document.add_paragraph(str(pick(report["area"], language)))
    period = " – ".join(
        formats.date_format(day, "DATE_FORMAT")
        for day in (dates["period_start"], dates["period_end"])
        if day
    )
    document.add_paragraph(f"{_('Period')}{colon}{period}")
    if report.get("is_demo"):
        run = document.add_paragraph().add_run(
            _(
                "Demo data: the figures and texts in this report are examples, "
                "not official statistics."
            )
        )
        run.bold = True
        run.font.color.rgb = RGBColor(0x8A, 0x3A, 0x06)
    meta = [(_("Version"), snapshot.get("version") or _("draft preview"))]
    if dates["generated_at"]:
        generated = dates["generated_at"]
        meta.append(
            (
                _("Generated"),
                f"{formats.date_format(generated, 'DATE_FORMAT')} "
                f"{formats.time_format(generated, 'TIME_FORMAT')} ({generated:%Z})",
            )
        )
    if snapshot.get("snapshot_id"):
        meta.append((_("Snapshot ID"), snapshot["snapshot_id"]))
    for label, value in meta:
        _muted(document.add_paragraph(), f"{label}{colon}{value}")
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


class _Counters:
    """Figures and tables numbered through the document, as the PDF numbers them."""

    def __init__(self) -> None:
        self.figure = self.table = 0


def _caption(text: str, label: str, count: int, language: str) -> str:
    separator = "\u3000" if language == "ja" else ". "
    return label % {"number": count} + separator + text


def _source(document: WordDocument, source, language: str) -> None:
    text = pick(source, language)
    if text:
        colon = "：" if language == "ja" else ": "
        paragraph = _muted(document.add_paragraph(), f"{_('Source')}{colon}{text}", size=8.5)
        paragraph.paragraph_format.space_after = Pt(8)


def _block_add(document: WordDocument, data: dict, language: str, counters: _Counters) -> None:
    def text(value) -> str:
        value = pick(value, language)
        if value is None or isinstance(value, (int, float)):
            return str(number(value))
        return str(value)

    figures = data.get("figures") or []
    if figures:
        document.add_heading(_("Key figures"), level=2)
        table_add(
            document,
            [_("Figure"), _("Value"), _("Unit"), _("Year"), _("Source")],
            [
                [
                    text(figure.get("label", "")),
                    text(figure.get("value")),
                    text(figure.get("unit", "")),
                    str(figure.get("year") or "–"),
                    text(figure.get("source", "")),
                ]
                for figure in figures
            ],
            FIGURE_WIDTHS,
        )
    for chart in data.get("charts") or []:
        counters.figure += 1
        label = pgettext("chart caption", "Figure %(number)s")
        caption = _caption(text(chart.get("title", "")), label, counters.figure, language)
        paragraph = document.add_paragraph(caption, style="Caption")
        note = _("The chart is in the PDF version of this report.")
        paragraph.add_run(f" — {note}").italic = True
        _source(document, chart.get("source"), language)
    for table in data.get("tables") or []:
        counters.table += 1
        label = pgettext("table caption", "Table %(number)s")
        caption = _caption(text(table.get("caption", "")), label, counters.table, language)
        document.add_paragraph(caption, style="Caption")
        table_add(
            document,
            [text(column) for column in table.get("columns", [])],
            [[text(cell) for cell in row] for row in table.get("rows", [])],
        )
        _source(document, table.get("source"), language)
    sources = [pick(source, language) for source in data.get("sources") or []]
    if sources:
        if figures or data.get("charts") or data.get("tables"):
            document.add_heading(_("Sources"), level=2)
        for source in sources:
            document.add_paragraph(str(source), style="List Bullet")


def report_docx(snapshot: dict, language: str) -> bytes:
    report = snapshot["report"]
    with translation.override(language):
        document = Document()
        _styles_prepare(document)
        properties = document.core_properties
        properties.title = str(pick(report["title"], language))
        properties.subject = str(pick(report["type_label"], language))
        properties.author = properties.last_modified_by = str(pick(report["area"], language))
        properties.comments = ""
        properties.language = "ja-JP" if language == "ja" else "en-GB"
        properties.identifier = snapshot.get("snapshot_id", "")
        properties.version = str(snapshot.get("version") or "")
        _title_page(document, snapshot, language)
        counters = _Counters()
        for section in snapshot.get("sections", []):
            document.add_heading(
                f"{section['number']}. {pick(section['heading'], language)}", level=1
            )
            narrative_add(document, pick(section.get("body") or "", language))
            if section.get("data"):
                _block_add(document, section["data"], language, counters)
        output = BytesIO()
        document.save(output)
        return output.getvalue()
