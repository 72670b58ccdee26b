"""Word tables of a report: a shaded header row repeated on every page, 9 pt text and column
widths from the contents (outputs.layout), as in the PDF."""

from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.table import Table

from tsunagu.reports.outputs.layout import column_widths

MARGIN = Mm(22)
TEXT_WIDTH = Emu(Mm(210) - 2 * MARGIN)  # A4
TABLE_TEXT = Pt(9)
LINE_EMS = TEXT_WIDTH.pt / TABLE_TEXT.pt


def header_row(row) -> None:
    """Shaded, and repeated at the top of each page the table runs onto."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell in row.cells:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), "F4F2EE")
        cell._tc.get_or_add_tcPr().append(shading)


def widths_set(table: Table, percents: list[float]) -> None:
    table.autofit = False
    widths = [Emu(int(TEXT_WIDTH * percent / 100)) for percent in percents]
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def table_add(
    document: WordDocument,
    header: list[str],
    rows: list[list[str]],
    widths: list[float] | None = None,
) -> Table:
    count = max([len(header), *(len(row) for row in rows)])
    table = document.add_table(rows=1, cols=count)
    table.style = document.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, header, strict=False):
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size = True, TABLE_TEXT
    header_row(table.rows[0])
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=False):
            cell.paragraphs[0].add_run(text).font.size = TABLE_TEXT
    widths_set(table, widths or column_widths([header, *rows], LINE_EMS))
    return table
