"""Shared fixtures: two test blocks over data the tests control, a city, an officer, and a
report with a narrative and a data section."""

import datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy

from tsunagu.accounts.models import Organisation
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.core.models import Area, AreaKind
from tsunagu.reports import blocks
from tsunagu.reports.blocks.base import Block, both
from tsunagu.reports.models import SectionKind
from tsunagu.reports.services import reports as services
from tsunagu.reports.services.generation import report_generate


class OrganisationCountBlock(Block):
    """A block over a simple selector, so the tests control the data."""

    name = "test_organisations"
    title = gettext_lazy("Organisations")
    template = "reports/blocks/test_organisations.html"

    def collect(self, context):
        count = Organisation.objects.count()
        return {
            "figures": [
                {
                    "key": "organisations",
                    "label": both(lambda: "Organisations"),
                    "value": count,
                    "unit": "",
                    "year": context.year,
                    "source": {"ja": "テスト", "en": "Test"},
                }
            ],
            "charts": [],
            "tables": [],
            "sources": [{"ja": "テスト", "en": "Test"}],
        }


class BrokenBlock(Block):
    name = "test_broken"
    title = gettext_lazy("Broken")
    template = "reports/blocks/test_organisations.html"

    def collect(self, context):
        raise RuntimeError("the data source is down")


@pytest.fixture(autouse=True)
def test_blocks(monkeypatch, settings, tmp_path):
    registry = dict(blocks._registry)
    monkeypatch.setattr(blocks, "_registry", registry)
    blocks.register(OrganisationCountBlock)
    blocks.register(BrokenBlock)
    settings.TSUNAGU_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    templates = tmp_path / "templates"
    (templates / "reports" / "blocks").mkdir(parents=True)
    (templates / "reports" / "blocks" / "test_organisations.html").write_text(
        "{% for f in data.figures %}<p class='figure'>{{ f.value }}</p>{% endfor %}"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [templates, *settings.TEMPLATES[0]["DIRS"]]}
    ]


@pytest.fixture
def city(db):
    area, _ = Area.objects.get_or_create(
        code="17201",
        defaults={"kind": AreaKind.MUNICIPALITY, "name_ja": "金沢市", "name_en": "Kanazawa"},
    )
    return area


@pytest.fixture
def staff(db):
    from tsunagu.accounts.roles import Role

    return UserFactory(email="officer@example.org", roles=[Role.CITY_STAFF])


@pytest.fixture
def report(city, staff):
    report = services.report_create(
        by=staff,
        type="partnership",
        title_ja="年次報告",
        title_en="Annual report",
        area=city,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
    )
    services.section_add(
        report=report,
        by=staff,
        kind=SectionKind.NARRATIVE,
        heading_ja="はじめに",
        heading_en="Introduction",
        body_ja="<p>最初の文章</p>",
        body_en="<p>First text</p>",
    )
    services.section_add(
        report=report,
        by=staff,
        kind=SectionKind.BLOCK,
        block="test_organisations",
        heading_ja="団体",
        heading_en="Organisations",
    )
    return report


@pytest.fixture
def generate(staff, django_capture_on_commit_callbacks):
    """Generate a version as the Celery task would (inline), and return it refreshed."""

    def run(report):
        with django_capture_on_commit_callbacks(execute=True):
            version = report_generate(report=report, by=staff)
        version.refresh_from_db()
        return version

    return run


@pytest.fixture
def english_messages():
    """Services answer in the active language; these tests read English messages."""
    with translation.override("en"):
        yield
