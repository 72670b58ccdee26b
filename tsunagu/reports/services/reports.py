"""Writing reports and their sections; workflow draft → in review → published."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tsunagu.core.cache import cache_model_changed
from tsunagu.reports.blocks import block_get
from tsunagu.reports.models import (
    Report,
    ReportStatus,
    ReportVersion,
    Section,
    SectionKind,
    VersionStatus,
)
from tsunagu.reports.policy import can_edit_reports
from tsunagu.reports.sanitize import narrative_clean


def _require_editor(user) -> None:
    if not can_edit_reports(user):
        raise PermissionDenied


def _unique_slug(base: str) -> str:
    base = slugify(base)[:60] or "report"
    slug, n = base, 2
    while Report.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def report_create(
    *,
    by,
    type: str,
    title_ja: str,
    title_en: str,
    area,
    period_start,
    period_end,
    languages: str = "both",
    slug: str = "",
    is_demo: bool = False,
) -> Report:
    _require_editor(by)
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period ends before it starts.")})
    if not (title_ja.strip() or title_en.strip()):
        raise ValidationError({"title_ja": _("Give the report a title.")})
    report = Report(
        slug=slug or _unique_slug(f"{type}-{period_end.year}-{title_en or area.code}"),
        type=type,
        title=title_ja.strip() or title_en.strip(),
        title_ja=title_ja.strip() or title_en.strip(),
        title_en=title_en.strip() or title_ja.strip(),
        area=area,
        period_start=period_start,
        period_end=period_end,
        languages=languages,
        created_by=by,
        is_demo=is_demo,
    )
    report.full_clean()
    report.save()
    return report


def _next_order(report: Report) -> int:
    return (report.sections.aggregate(top=Max("order"))["top"] or 0) + 10


@transaction.atomic
def section_add(
    *,
    report: Report,
    by,
    kind: str,
    heading_ja: str = "",
    heading_en: str = "",
    body_ja: str = "",
    body_en: str = "",
    block: str = "",
    params: dict | None = None,
) -> Section:
    _require_editor(by)
    if kind == SectionKind.BLOCK:
        try:
            block_get(block)
        except KeyError:
            raise ValidationError({"block": _("Choose a data block.")}) from None
    elif block:
        raise ValidationError({"block": _("A narrative section has no data block.")})
    if not (heading_ja.strip() or heading_en.strip()):
        raise ValidationError({"heading_ja": _("Give the section a heading.")})
    return Section.objects.create(
        report=report,
        order=_next_order(report),
        kind=kind,
        block=block,
        params=params or {},
        heading=heading_ja.strip() or heading_en.strip(),
        heading_ja=heading_ja.strip() or heading_en.strip(),
        heading_en=heading_en.strip() or heading_ja.strip(),
        body=narrative_clean(body_ja),
        body_ja=narrative_clean(body_ja),
        body_en=narrative_clean(body_en),
    )


@transaction.atomic
def section_update(
    *, section: Section, by, heading_ja: str, heading_en: str, body_ja: str, body_en: str
) -> Section:
    """Edit a section's heading and (for narrative sections) its text, sanitised."""
    _require_editor(by)
    if not (heading_ja.strip() or heading_en.strip()):
        raise ValidationError({"heading_ja": _("Give the section a heading.")})
    section.heading_ja = heading_ja.strip() or heading_en.strip()
    section.heading_en = heading_en.strip() or heading_ja.strip()
    if section.kind == SectionKind.NARRATIVE:
        section.body_ja = narrative_clean(body_ja)
        section.body_en = narrative_clean(body_en)
    section.save()
    Report.objects.filter(pk=section.report_id).update(updated_at=timezone.now())
    return section


@transaction.atomic
def section_delete(*, section: Section, by) -> None:
    _require_editor(by)
    section.delete()


@transaction.atomic
def section_move(*, section: Section, by, offset: int) -> None:
    """Swap the section with its neighbour above (offset -1) or below (+1)."""
    _require_editor(by)
    sections = list(section.report.sections.all())
    index = next(i for i, s in enumerate(sections) if s.pk == section.pk)
    other = index + offset
    if not 0 <= other < len(sections):
        return
    sections[index], sections[other] = sections[other], sections[index]
    for position, item in enumerate(sections, start=1):
        Section.objects.filter(pk=item.pk).update(order=position * 10)
    cache_model_changed(Section)  # update() sends no signal


ALLOWED_STATUS = {
    ReportStatus.DRAFT: {ReportStatus.IN_REVIEW},
    ReportStatus.IN_REVIEW: {ReportStatus.DRAFT},
    ReportStatus.PUBLISHED: {ReportStatus.DRAFT, ReportStatus.IN_REVIEW},
}


@transaction.atomic
def report_status_set(*, report: Report, by, status: str) -> Report:
    """Move between draft and in review. Taking a published report back to draft keeps its
    published version online until another version is published."""
    _require_editor(by)
    if status not in ALLOWED_STATUS.get(report.status, set()):
        raise ValidationError(_("This change of status is not possible."))
    report.status = status
    report.save(update_fields=["status", "updated_at"])
    return report


@transaction.atomic
def report_publish(*, report: Report, version: ReportVersion, by) -> Report:
    """Publish a generated version: the public page and downloads show exactly its snapshot."""
    _require_editor(by)
    if version.report_id != report.pk or version.status != VersionStatus.DONE:
        raise ValidationError(_("Only a generated version of this report can be published."))
    if report.status != ReportStatus.IN_REVIEW:
        raise ValidationError(_("A report is reviewed before it is published."))
    report.published_version = version
    report.published_at = timezone.now()
    report.status = ReportStatus.PUBLISHED
    report.save(update_fields=["published_version", "published_at", "status", "updated_at"])
    return report
