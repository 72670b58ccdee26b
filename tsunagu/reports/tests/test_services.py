"""Reports from the outside of their services: snapshots freeze data, published reports do not
change, versions compare, narrative is sanitised, templates prefill, permissions hold."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tsunagu.accounts.models import Organisation
from tsunagu.accounts.tests.factories import OrganisationFactory, UserFactory
from tsunagu.network.models import KANAZAWA
from tsunagu.network.tests.factories import city_make, exchange_make
from tsunagu.reports.models import ReportStatus, SectionKind, VersionStatus
from tsunagu.reports.services import reports as services
from tsunagu.reports.services.generation import figures_of, report_generate, versions_compare
from tsunagu.reports.services.templates import report_create_from_template

pytestmark = pytest.mark.usefixtures("english_messages")


def test_generated_figures_equal_the_selector(report, staff, generate):
    OrganisationFactory.create_batch(3)
    version = generate(report)
    assert version.status == VersionStatus.DONE, version.error
    figures = figures_of(version.snapshot)
    assert figures["s2-test_organisations/organisations"]["value"] == Organisation.objects.count()
    assert version.snapshot["snapshot_id"] == str(version.snapshot_id)
    assert version.pdf_ja
    assert version.pdf_en
    assert version.docx_ja
    assert version.docx_en
    assert version.pdf_ja.open("rb").read(5) == b"%PDF-"


def test_published_report_is_unchanged_after_data_and_narrative_change(
    report, staff, client, generate
):
    OrganisationFactory.create_batch(2)
    first = generate(report)
    services.report_status_set(report=report, by=staff, status=ReportStatus.IN_REVIEW)
    services.report_publish(report=report, version=first, by=staff)
    frozen_pdf = first.pdf_en.open("rb").read()
    count_then = Organisation.objects.count()

    OrganisationFactory.create_batch(5)
    section = report.sections.get(kind=SectionKind.NARRATIVE)
    services.section_update(
        section=section,
        by=staff,
        heading_ja="はじめに",
        heading_en="Introduction",
        body_ja="<p>新しい文章</p>",
        body_en="<p>Rewritten text</p>",
    )
    page = client.get(f"/en/reports/{report.slug}/").content.decode()
    assert "First text" in page
    assert "Rewritten text" not in page
    assert f"<p class='figure'>{count_then}</p>" in page
    first.refresh_from_db()
    assert first.pdf_en.open("rb").read() == frozen_pdf

    second = generate(report)
    changes = versions_compare(first, second)
    assert changes == [
        {
            "key": "s2-test_organisations/organisations",
            "label": {"ja": "Organisations", "en": "Organisations"},
            "unit": "",
            "old": count_then,
            "new": Organisation.objects.count(),
            "status": "changed",
        }
    ]
    with pytest.raises(ValidationError, match="reviewed"):
        services.report_publish(report=report, version=second, by=staff)
    services.report_status_set(report=report, by=staff, status=ReportStatus.IN_REVIEW)
    services.report_publish(report=report, version=second, by=staff)
    page = client.get(f"/en/reports/{report.slug}/").content.decode()
    assert "Rewritten text" in page


def test_narrative_is_sanitised(report, staff):
    section = report.sections.get(kind=SectionKind.NARRATIVE)
    services.section_update(
        section=section,
        by=staff,
        heading_ja="見出し",
        heading_en="Heading",
        body_ja='<p onclick="steal()">本文<script>alert(1)</script></p>',
        body_en='<p>Text <a href="javascript:alert(1)">link</a><img src=x onerror=alert(1)>'
        "<strong>kept</strong></p><style>body{display:none}</style>",
    )
    section.refresh_from_db()
    assert section.body_ja == "<p>本文</p>"
    assert "javascript" not in section.body_en
    assert "onerror" not in section.body_en
    assert "<style" not in section.body_en
    assert "<strong>kept</strong>" in section.body_en


def test_only_staff_write(report, city):
    citizen = UserFactory()
    with pytest.raises(PermissionDenied):
        services.report_create(
            by=citizen,
            type="vlr",
            title_ja="x",
            title_en="x",
            area=city,
            period_start=datetime.date(2025, 1, 1),
            period_end=datetime.date(2025, 12, 31),
        )
    with pytest.raises(PermissionDenied):
        report_generate(report=report, by=citizen)
    section = report.sections.first()
    with pytest.raises(PermissionDenied):
        services.section_update(
            section=section, by=citizen, heading_ja="x", heading_en="x", body_ja="", body_en=""
        )


def test_publishing_needs_review_and_a_generated_version(report, staff, generate):
    version = generate(report)
    with pytest.raises(ValidationError, match="reviewed"):
        services.report_publish(report=report, version=version, by=staff)
    services.report_status_set(report=report, by=staff, status=ReportStatus.IN_REVIEW)
    version.status = VersionStatus.FAILED
    version.save()
    with pytest.raises(ValidationError, match="generated version"):
        services.report_publish(report=report, version=version, by=staff)


def test_a_failing_block_fails_the_version_and_keeps_the_published_one(report, staff, generate):
    first = generate(report)
    services.report_status_set(report=report, by=staff, status=ReportStatus.IN_REVIEW)
    services.report_publish(report=report, version=first, by=staff)
    services.section_add(report=report, by=staff, kind="block", block="test_broken", heading_en="X")
    broken = generate(report)
    assert broken.status == VersionStatus.FAILED
    assert "the data source is down" in broken.error
    assert broken.snapshot is None
    assert not broken.pdf_ja
    report.refresh_from_db()
    assert report.published_version == first


def test_unknown_block_is_refused(report, staff):
    with pytest.raises(ValidationError):
        services.section_add(report=report, by=staff, kind="block", block="nope", heading_en="X")


def test_vlr_template_follows_the_common_structure(city, staff):
    report = report_create_from_template(
        by=staff,
        type="vlr",
        area=city,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
    )
    sections = list(report.sections.all())
    goals = [s.params["goal"] for s in sections if s.block == "goal_detail"]
    assert goals == list(range(1, 18))
    assert sections[0].heading_en == "City profile"
    assert sections[1].heading_en == "Methodology and participation"
    assert sections[-1].block == "sources"
    assert [s.heading_en for s in sections if s.kind == "narrative"][-1] == "Next steps"
    assert report.title_en == "Voluntary Local Review 2025"


def test_mmr_inter_city_section_lists_the_period_exchanges(city, staff):
    kanazawa = city_make(KANAZAWA)
    partner = city_make("Jingdezhen")
    exchange_make(kanazawa, partner, start=datetime.date(2023, 6, 1), title="Lacquer residency")
    exchange_make(kanazawa, partner, start=datetime.date(2019, 6, 1), title="Old dispatch")
    report = report_create_from_template(
        by=staff,
        type="mmr",
        area=city,
        period_start=datetime.date(2022, 1, 1),
        period_end=datetime.date(2025, 12, 31),
    )
    headings = [s.heading_en for s in report.sections.all()]
    assert headings[:4] == [
        "Executive summary",
        "General information",
        "Contribution to the global management of the Network",
        "Major initiatives at local level",
    ]
    inter_city = report.sections.get(heading_en="Major initiatives through inter-city cooperation")
    assert "Lacquer residency" in inter_city.body_en
    assert "Jingdezhen" in inter_city.body_en
    assert "Old dispatch" not in inter_city.body_en
    assert "2023-06-01" in inter_city.body_ja
