"""Generating a version: freeze the data (snapshot), then render the files from the snapshot.

`report_generate` queues a version and returns at once; `report_version_build` does the work
in a Celery task (inline when no broker is configured) and records its progress, so the
builder can show it. A failure marks the version failed and changes nothing published."""

import logging
import time
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.core.cache import cache_model_changed
from tsunagu.core.tasks import QueueUnavailableError, enqueue
from tsunagu.reports.blocks import block_get
from tsunagu.reports.blocks.base import BlockContext, both, field_both
from tsunagu.reports.models import Report, ReportVersion, SectionKind, VersionStatus
from tsunagu.reports.policy import can_edit_reports

logger = logging.getLogger(__name__)
Progress = Callable[[int, str], None]


def _anchor(number: int, section) -> str:
    return f"s{number}-{section.block}" if section.block else f"s{number}"


def snapshot_build(report: Report, *, progress: Progress | None = None) -> dict:
    """Everything the report shows, bilingual and JSON-serialisable."""
    sections = list(report.sections.all())
    frozen, earlier = [], []
    for number, section in enumerate(sections, start=1):
        if progress:
            progress(int(60 * (number - 1) / max(len(sections), 1)), section.heading)
        entry = {
            "number": number,
            "anchor": _anchor(number, section),
            "kind": section.kind,
            "block": section.block,
            "params": section.params,
            "heading": field_both(section, "heading"),
            "body": {"ja": section.body_ja or "", "en": section.body_en or ""},
            "template": "",
            "data": None,
        }
        if section.kind == SectionKind.BLOCK:
            block = block_get(section.block)
            context = BlockContext(
                area=report.area,
                period_start=report.period_start,
                period_end=report.period_end,
                params=section.params,
                earlier=tuple(earlier),
            )
            entry["data"] = block.collect(context)
            entry["template"] = block.template
            earlier.append(entry["data"])
        frozen.append(entry)
    return {
        "report": {
            "slug": report.slug,
            "type": report.type,
            "type_label": both(report.get_type_display),
            "title": field_both(report, "title"),
            "area": field_both(report.area, "name"),
            "area_code": report.area.code,
            "period_start": report.period_start.isoformat(),
            "period_end": report.period_end.isoformat(),
            "languages": report.language_codes,
            "is_demo": report.is_demo,
        },
        "sections": frozen,
    }


@transaction.atomic
def report_generate(*, report: Report, by) -> ReportVersion:
    if not can_edit_reports(by):
        raise PermissionDenied
    if not report.sections.exists():
        raise ValidationError(_("Add at least one section before generating."))
    Report.objects.select_for_update().get(pk=report.pk)  # numbers versions one at a time
    number = (report.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = ReportVersion.objects.create(report=report, number=number, generated_by=by)

    transaction.on_commit(lambda: _build_enqueue(version))
    return version


def _build_enqueue(version: ReportVersion) -> None:
    """Queue the build; without a broker the version is marked failed, not left queued."""
    from tsunagu.reports.tasks import report_version_build_task

    try:
        enqueue(report_version_build_task, version.pk)
    except QueueUnavailableError as error:
        ReportVersion.objects.filter(pk=version.pk).update(
            status=VersionStatus.FAILED, error=str(error)
        )
        cache_model_changed(ReportVersion)  # update() sends no signal
        raise


def _set_progress(version: ReportVersion, percent: int, stage: str) -> None:
    ReportVersion.objects.filter(pk=version.pk).update(progress=percent, stage=stage[:200])


def report_version_build(version_id: int) -> ReportVersion:
    """Snapshot, then PDF and Word in each of the report's languages."""
    from tsunagu.reports.outputs.docx import report_docx
    from tsunagu.reports.outputs.pdf import report_pdf

    version = ReportVersion.objects.select_related("report__area").get(pk=version_id)
    if version.status not in (VersionStatus.QUEUED, VersionStatus.FAILED):
        return version
    started = time.perf_counter()
    ReportVersion.objects.filter(pk=version.pk).update(status=VersionStatus.RUNNING, error="")
    cache_model_changed(ReportVersion)  # update() sends no signal
    try:
        snapshot = snapshot_build(
            version.report, progress=lambda p, s: _set_progress(version, p, s)
        )
        generated_at = timezone.now()
        snapshot.update(
            {
                "snapshot_id": str(version.snapshot_id),
                "version": version.number,
                "generated_at": generated_at.isoformat(),
            }
        )
        languages = version.report.language_codes
        files = {}
        for index, language in enumerate(languages):
            step = 60 + 40 * index // len(languages)
            _set_progress(version, step, f"PDF ({language})")
            files[f"pdf_{language}"] = report_pdf(snapshot, language)
            _set_progress(version, step + 20 // len(languages), f"Word ({language})")
            files[f"docx_{language}"] = report_docx(snapshot, language)
        with transaction.atomic():
            version = ReportVersion.objects.select_for_update().get(pk=version.pk)
            version.snapshot = snapshot
            version.generated_at = generated_at
            base = f"{version.report.slug}-v{version.number}"
            for name, content in files.items():
                kind, language = name.split("_")
                extension = "pdf" if kind == "pdf" else "docx"
                getattr(version, name).save(
                    f"{base}-{language}.{extension}", ContentFile(content), save=False
                )
            version.status = VersionStatus.DONE
            version.progress = 100
            version.stage = ""
            version.duration_seconds = round(time.perf_counter() - started, 3)
            version.save()
        return version
    except Exception as error:
        logger.exception("Report version %s failed", version_id)
        ReportVersion.objects.filter(pk=version_id).update(
            status=VersionStatus.FAILED, error=f"{type(error).__name__}: {error}"[:2000]
        )
        cache_model_changed(ReportVersion)  # update() sends no signal
        return ReportVersion.objects.get(pk=version_id)


def figures_of(snapshot: dict) -> dict[str, dict]:
    """Every figure of a snapshot keyed section-anchor/figure-key, for comparison and tests."""
    figures = {}
    for section in snapshot.get("sections", []):
        for figure in (section.get("data") or {}).get("figures", []):
            figures[f"{section['anchor']}/{figure['key']}"] = figure
    return figures


def versions_compare(older: ReportVersion, newer: ReportVersion) -> list[dict]:
    """Figures that differ between two versions (added, removed or changed values)."""
    before, after = figures_of(older.snapshot or {}), figures_of(newer.snapshot or {})
    changes = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        old_value = old.get("value") if old else None
        new_value = new.get("value") if new else None
        if old is None or new is None or old_value != new_value:
            changes.append(
                {
                    "key": key,
                    "label": (new or old)["label"],
                    "unit": (new or old).get("unit", ""),
                    "old": old_value,
                    "new": new_value,
                    "status": "added" if old is None else "removed" if new is None else "changed",
                }
            )
    return changes
