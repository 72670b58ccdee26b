"""The PDF and Word files of a version, generated through report_version_build from a report
whose sections use two stand-in blocks (one with its own template, one shown from its data),
so these tests do not depend on the real blocks or the demo data."""

import io
import re
from datetime import date

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings

from tsunagu.core.tests.factories import AreaFactory
from tsunagu.reports import blocks
from tsunagu.reports.blocks.base import Block, BlockContext
from tsunagu.reports.models import Report, ReportVersion, Section, VersionStatus
from tsunagu.reports.rendering import report_document_html
from tsunagu.reports.services.generation import report_version_build

pytest.importorskip("weasyprint", reason="WeasyPrint is an optional dependency")
pypdf = pytest.importorskip("pypdf")
docx = pytest.importorskip("docx")
# The module's version is built once (fixture `built`); the mark makes the test database.
pytestmark = pytest.mark.django_db

SOURCE = {"ja": "金沢市統計書（テスト）", "en": "Kanazawa statistical yearbook (test)"}
NARRATIVE = {
    "ja": (
        "<p>金沢市は<strong>伝統工芸</strong>と<em>自然</em>のまちです。</p>"
        "<h3>取組の概要</h3><ul><li>市民参加の拡大</li><li>工芸と観光の連携</li></ul>"
        "<ol><li>第一段階</li><li>第二段階</li></ol>"
        '<p>詳しくは<a href="https://example.org/vlr">市のサイト</a>をご覧ください。</p>'
        "<table><thead><tr><th>取組</th><th>件数</th></tr></thead>"
        "<tbody><tr><td>ワークショップ</td><td>42</td></tr></tbody></table>"
    ),
    "en": (
        "<p>Kanazawa is a city of <strong>traditional crafts</strong> and <em>nature</em>.</p>"
        "<h3>Overview</h3><ul><li>More citizens took part</li><li>Crafts met tourism</li></ul>"
        "<ol><li>First stage</li><li>Second stage</li></ol>"
        '<p>See <a href="https://example.org/vlr">the city\'s site</a>.</p>'
        "<table><thead><tr><th>Activity</th><th>Count</th></tr></thead>"
        "<tbody><tr><td>Workshops</td><td>42</td></tr></tbody></table>"
    ),
}
# Headings as (ja, en); the second block section's table runs over onto a second page.
HEADINGS = [
    ("はじめに", "Introduction"),
    ("工芸と人のつながり", "Crafts and people"),
    ("自然と生きもの", "Nature and wildlife"),
    ("おわりに", "Conclusion"),
]
FAKE_TEMPLATE = """{% load reports %}<div class="fake-block">
{% for figure in data.figures %}<p class="fake-figure">{{ figure.label|tr:lang }}:
{{ figure.value|number }} {{ figure.unit|tr:lang }}</p>{% endfor %}
{% for chart in data.charts %}{% report_chart chart lang %}{% endfor %}
{% for table in data.tables %}{% report_table table lang %}{% endfor %}
</div>"""


def _data(rows: int, partners: int) -> dict:
    return {
        "figures": [
            {
                "key": "partners",
                "label": {"ja": "連携団体数", "en": "Partner organisations"},
                "value": partners,
                "unit": {"ja": "団体", "en": "organisations"},
                "year": 2024,
                "source": SOURCE,
            },
            {
                "key": "visitors",
                "label": {"ja": "体験参加者数", "en": "Workshop visitors"},
                "value": 12345.5,
                "unit": {"ja": "人", "en": "people"},
                "year": 2024,
                "source": SOURCE,
            },
        ],
        "charts": [
            {
                "id": f"fake-chart-{partners}",
                "kind": "bar",
                "title": {"ja": "年別の連携団体数", "en": "Partner organisations by year"},
                "categories": ["2021", "2022", "2023", "2024"],
                "series": [
                    {
                        "name": {"ja": "団体", "en": "Organisations"},
                        "values": [90, 120, 150, partners],
                    }
                ],
                "unit": {"ja": "団体", "en": "organisations"},
                "source": SOURCE,
            }
        ],
        "tables": [
            {
                "id": f"fake-table-{partners}",
                "caption": {"ja": "工房の一覧", "en": "Workshops"},
                "columns": [{"ja": "工房", "en": "Workshop"}, {"ja": "参加者", "en": "Visitors"}],
                "rows": [[{"ja": f"工房{n}", "en": f"Workshop {n}"}, 100 + n] for n in range(rows)],
                "source": SOURCE,
            }
        ],
        "sources": [SOURCE],
    }


class FakeTemplateBlock(Block):
    name = "test_outputs_template"
    title = "Stand-in block with a template"
    template = "reports/blocks/test_outputs_fake.html"

    def collect(self, context: BlockContext) -> dict:
        return _data(rows=6, partners=182)


class FakeDataBlock(Block):
    name = "test_outputs_data"
    title = "Stand-in block shown from its data"

    def collect(self, context: BlockContext) -> dict:
        return _data(rows=60, partners=205)


def _report_create() -> Report:
    report = Report.objects.create(
        slug="test-outputs",
        type="vlr",
        title_ja="金沢市 SDGs レビュー（テスト）",
        title_en="Kanazawa SDG review (test)",
        area=AreaFactory(code="17201", name_ja="金沢市", name_en="Kanazawa"),
        period_start=date(2024, 4, 1),
        period_end=date(2025, 3, 31),
        is_demo=True,
    )
    kinds = [("narrative", ""), ("block", FakeTemplateBlock.name)]
    kinds += [("block", FakeDataBlock.name), ("narrative", "")]
    for order, ((ja, en), (kind, block)) in enumerate(zip(HEADINGS, kinds, strict=True)):
        Section.objects.create(
            report=report,
            order=order,
            kind=kind,
            block=block,
            heading_ja=ja,
            heading_en=en,
            body_ja=NARRATIVE["ja"] if order == 0 else "<p>本文です。</p>",
            body_en=NARRATIVE["en"] if order == 0 else "<p>Some text.</p>",
        )
    return report


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker, tmp_path_factory):
    """A version generated once for the module: its snapshot and its four files."""
    templates = tmp_path_factory.mktemp("templates")
    (templates / "reports" / "blocks").mkdir(parents=True)
    (templates / "reports" / "blocks" / "test_outputs_fake.html").write_text(FAKE_TEMPLATE)
    engines = [{**settings.TEMPLATES[0], "DIRS": [templates]}]
    blocks.register(FakeTemplateBlock)
    blocks.register(FakeDataBlock)
    try:
        with (
            django_db_blocker.unblock(),
            override_settings(TEMPLATES=engines),
            transaction.atomic(),
        ):
            version = ReportVersion.objects.create(report=_report_create(), number=1)
            version = report_version_build(version.pk)
            assert version.status == VersionStatus.DONE, version.error
            files = {}
            for name in ("pdf_ja", "pdf_en", "docx_ja", "docx_en"):
                field = getattr(version, name)
                with field.open("rb") as file:
                    files[name] = file.read()
                field.delete(save=False)
            transaction.set_rollback(True)
    finally:
        for name in (FakeTemplateBlock.name, FakeDataBlock.name):
            blocks._registry.pop(name, None)
    return {"snapshot": version.snapshot, "files": files, "templates": engines}


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _contents(pages: list[str]) -> dict[str, int]:
    """Section heading -> page number, as the contents page prints them."""
    entries = {}
    for line in pages[1].splitlines():
        match = re.match(r"^\s*\d+\.\s+(.+?)\s*[.\s]*\s(\d+)\s*$", line)
        if match:
            entries[match[1]] = int(match[2])
    return entries


@pytest.mark.parametrize("language", ["ja", "en"])
def test_contents_print_the_page_each_section_starts_on(built, language):
    pages = _pages(built["files"][f"pdf_{language}"])
    contents = _contents(pages)
    headings = [pair[0 if language == "ja" else 1] for pair in HEADINGS]
    assert list(contents) == headings
    for number, heading in enumerate(headings, start=1):
        first = next(
            index
            for index, text in enumerate(pages[2:], start=3)
            if f"{number}. {heading}" in text or f"{number}.  {heading}" in text
        )
        assert contents[heading] == first, heading


def test_japanese_text_is_extractable_not_boxes(built):
    text = "\n".join(_pages(built["files"]["pdf_ja"]))
    for heading, _english in HEADINGS:
        assert heading in text
    assert "伝統工芸" in text
    assert "金沢市 SDGs レビュー（テスト）" in text
    assert "工房59" in text  # the last row of the long table


def test_cover_has_no_running_header_and_body_pages_have_one(built):
    pages = _pages(built["files"]["pdf_en"])
    title = "Kanazawa SDG review (test)"
    cover = pages[0]
    assert cover.count(title) == 1  # the title itself, no header
    assert "Demo data" in cover
    assert built["snapshot"]["snapshot_id"] in cover
    contents = _contents(pages)
    start, end = contents["Nature and wildlife"], contents["Conclusion"] - 1
    assert end - start >= 1  # the long table runs over onto the next pages
    for number in range(start + 1, end + 1):
        continued = pages[number - 1]
        assert "Nature and wildlife" not in continued.splitlines()[0]  # no repeated heading
        assert title in continued
        assert "Nature and wildlife" in continued  # the running header
        assert continued.rstrip().endswith(str(number))  # the page number in the footer
    assert "Workshop 59" in "".join(pages[start - 1 : end])


def test_charts_are_inline_svg_with_numbered_captions(built):
    with override_settings(TEMPLATES=built["templates"]):
        html = report_document_html(built["snapshot"], "en", for_print=True)
    assert html.count("<svg") == 2
    assert "Partner organisations by year" in html
    assert "target-counter(attr(href), page)" in html
    assert 'href="#s2-test_outputs_template"' in html
    assert 'id="s2-test_outputs_template"' in html
    assert 'class="fake-block"' in html  # the block's own template
    assert 'class="report-figures"' in html  # a block without one: its figures as a table
    assert "Figure %(number)s" not in html


def test_document_html_for_the_screen_has_no_page_rules(built):
    with override_settings(TEMPLATES=built["templates"]):
        html = report_document_html(built["snapshot"], "ja")
    assert "@page" not in html
    assert "伝統工芸" in html
    assert "<strong>伝統工芸</strong>" in html  # the sanitised narrative, not escaped


def _docx(data: bytes):
    return docx.Document(io.BytesIO(data))


@pytest.mark.parametrize("language", ["ja", "en"])
def test_word_document_has_the_headings_and_the_figures(built, language):
    document = _docx(built["files"][f"docx_{language}"])
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    expected = [pair[0 if language == "ja" else 1] for pair in HEADINGS]
    assert headings == [f"{n}. {text}" for n, text in enumerate(expected, start=1)]
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"182", "205", "12,345.5", "2024"} <= cells
    assert ("団体" if language == "ja" else "organisations") in cells


def test_word_narrative_becomes_paragraphs_lists_and_tables(built):
    document = _docx(built["files"]["docx_ja"])
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Normal", "金沢市は伝統工芸と自然のまちです。") in paragraphs
    assert ("Heading 2", "取組の概要") in paragraphs
    assert ("List Bullet", "市民参加の拡大") in paragraphs
    assert ("List", "2. 第二段階") in paragraphs
    assert ("Normal", "詳しくは市のサイト (https://example.org/vlr)をご覧ください。") in paragraphs
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "伝統工芸" in bold
    narrative_table = document.tables[0]
    assert [c.text for c in narrative_table.rows[1].cells] == ["ワークショップ", "42"]
    captions = [text for style, text in paragraphs if style == "Caption"]
    # 図1　題名 once the Japanese translations are merged; the chart itself is in the PDF only.
    assert re.match(r"^(図|Figure )1\u3000年別の連携団体数 — ", captions[0])
    assert re.match(r"^(表|Table )1\u3000工房の一覧$", captions[1])


def test_word_sets_east_asian_fonts(built):
    document = _docx(built["files"]["docx_ja"])
    xml = document.styles.element.xml
    assert 'w:eastAsia="MS Mincho"' in xml
    assert 'w:eastAsia="ja-JP"' in xml
    assert document.sections[0].page_width.mm == pytest.approx(210, abs=0.5)


def test_a_missing_weasyprint_is_a_clear_error(monkeypatch):
    import sys

    from tsunagu.reports.outputs.pdf import PdfUnavailableError, report_pdf

    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(PdfUnavailableError, match="WeasyPrint is not installed"):
        report_pdf({"report": {}, "sections": []}, "ja")


def test_table_columns_keep_years_and_short_japanese_words_whole():
    from tsunagu.reports.outputs.layout import LINE_EMS, column_widths

    name = "人口10万人当たりの医師数とその推移に関する長い指標名" * 2
    widths = column_widths([["指標", "年", "評価"], [name, "2022", "データ不足"]])
    assert sum(widths) == pytest.approx(100)
    year, word = (LINE_EMS * width / 100 for width in widths[1:])
    assert year >= 4 * 0.55  # "2022" fits on one line
    assert word >= 5  # and so does 「データ不足」
    assert widths[0] > widths[2] > widths[1]
