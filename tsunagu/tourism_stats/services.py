"""Writes: importing monthly figures (atomic; a month is replaced, never duplicated) and the
crowding thresholds staff set."""

from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tsunagu.core.cache import cache_model_changed
from tsunagu.core.models import Area
from tsunagu.indicators.services.observations import file_sha256
from tsunagu.tourism_stats import importer
from tsunagu.tourism_stats.feed import tourism_indicators_publish
from tsunagu.tourism_stats.models import CrowdingThreshold, MonthlyFigure, VisitorImport

DELETE_BATCH = 200


@dataclass
class VisitorImportSummary:
    file_name: str
    rows: int
    months: int
    replaced: int

    def __str__(self) -> str:
        return _(
            "%(file)s: %(rows)s figures for %(months)s area-months imported "
            "(%(replaced)s earlier figures replaced)"
        ) % {
            "file": self.file_name,
            "rows": self.rows,
            "months": self.months,
            "replaced": self.replaced,
        }


@transaction.atomic
def monthly_figures_write(
    *,
    figures: list[importer.FigureRow],
    file_name: str,
    sha256: str = "",
    user=None,
    is_demo: bool = False,
) -> VisitorImportSummary:
    """Replace every area-month the figures cover by the figures, then feed the indicators."""
    area_ids = dict(
        Area.objects.filter(code__in={f.area for f in figures}).values_list("code", "id")
    )
    months = sorted({(area_ids[f.area], f.year, f.month) for f in figures})
    replaced = 0
    # In batches: one condition for a thousand area-months is deeper than SQLite parses.
    for start in range(0, len(months), DELETE_BATCH):
        covered = Q(pk__in=[])
        for area_id, year, month in months[start : start + DELETE_BATCH]:
            covered |= Q(area_id=area_id, year=year, month=month)
        replaced += MonthlyFigure.objects.filter(covered).delete()[0]
    run = VisitorImport.objects.create(
        file_name=file_name[:300],
        file_sha256=sha256,
        imported_by=user if user is not None and user.is_authenticated else None,
        rows=len(figures),
        months=len(months),
        replaced=replaced,
    )
    MonthlyFigure.objects.bulk_create(
        [
            MonthlyFigure(
                area_id=area_ids[f.area],
                year=f.year,
                month=f.month,
                measure=f.measure,
                category=f.category,
                value=f.value,
                source=f.source,
                is_demo=is_demo,
                import_run=run,
            )
            for f in figures
        ],
        batch_size=2000,
    )
    cache_model_changed(MonthlyFigure)  # bulk_create sends no signal
    tourism_indicators_publish(areas=Area.objects.filter(pk__in=area_ids.values()), user=user)
    return VisitorImportSummary(
        file_name=file_name, rows=len(figures), months=len(months), replaced=replaced
    )


def visitor_statistics_import(
    *, path: Path, file_name: str | None = None, user=None
) -> VisitorImportSummary:
    """Check the whole file, then write it; raises ImportFileError (nothing written)."""
    file_name = file_name or path.name
    figures = importer.read(path, file_name=file_name)
    return monthly_figures_write(
        figures=figures, file_name=file_name, sha256=file_sha256(path), user=user
    )


@transaction.atomic
def crowding_threshold_set(
    *, area: Area, warning: float, critical: float, user=None, is_demo: bool = False
) -> CrowdingThreshold:
    if not (warning > 0 and critical > warning):
        raise ValidationError(
            _(
                "The warning level must be above zero and the critical level above the "
                "warning level."
            )
        )
    threshold, _created = CrowdingThreshold.objects.update_or_create(
        area=area,
        defaults={
            "warning": warning,
            "critical": critical,
            "updated_by": user if user is not None and user.is_authenticated else None,
            "is_demo": is_demo,
        },
    )
    return threshold
