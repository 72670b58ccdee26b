"""The certified operators' share, fed to the tourism indicators (tourism_stats.feed).

Share of an area in a year = operators of the area (or of its districts) that held a
certificate in force on the reference date / operators registered on the platform by that
date, in per cent. The reference date is 31 December for past years and today for the current
year, so the ongoing year shows the share to date. "In force" means issued on or before the
date, not past its expiry, and not suspended or revoked at that date (read from the
certificate's audit trail, so a later revocation does not rewrite earlier years). The feed
asks only for the complete years of the visitor statistics.
"""

from datetime import date, datetime, time

from django.utils import timezone

from tsunagu.core.models import Area
from tsunagu.core.tasks import enqueue_on_commit
from tsunagu.tourism.models import AuditEntry, Certificate, CertificateStatus, Operator
from tsunagu.tourism_stats.feed import (
    certified_operators_share_provider_set,
    tourism_indicators_publish,
)
from tsunagu.tourism_stats.models import MonthlyFigure


def area_and_descendants(area: Area) -> set[int]:
    found, frontier = {area.pk}, [area.pk]
    while frontier:
        frontier = list(
            Area.objects.filter(parent_id__in=frontier)
            .exclude(pk__in=found)
            .values_list("pk", flat=True)
        )
        found.update(frontier)
    return found


def reference_date(year: int, today: date | None = None) -> date | None:
    """31 December of a past year, today in the current year, None for a future year."""
    today = today or timezone.localdate()
    if year > today.year:
        return None
    return date(year, 12, 31) if year < today.year else today


def certificate_status_on(certificate: Certificate, day: date) -> str:
    end_of_day = timezone.make_aware(datetime.combine(day, time.max))
    entry = (
        AuditEntry.objects.filter(certificate=certificate, at__lte=end_of_day)
        .order_by("-at", "-pk")
        .first()
    )
    return entry.to_state if entry else CertificateStatus.CURRENT


def certified_operators_share(area: Area, year: int, today: date | None = None) -> float | None:
    """Percentage of the area's operators certified on the reference date; None when the year
    is in the future or the area had no operator registered by then."""
    day = reference_date(year, today)
    if day is None:
        return None
    end_of_day = timezone.make_aware(datetime.combine(day, time.max))
    operators = Operator.objects.filter(
        area_id__in=area_and_descendants(area), created_at__lte=end_of_day
    )
    total = operators.count()
    if total == 0:
        return None
    candidates = Certificate.objects.filter(
        operator__in=operators, issued_on__lte=day, expires_on__gte=day
    )
    certified = {
        certificate.operator_id
        for certificate in candidates
        if certificate_status_on(certificate, day) == CertificateStatus.CURRENT
    }
    return round(100 * len(certified) / total, 2)


def _publish_areas() -> list[Area]:
    """Areas with visitor statistics or with operators: the ones whose share can change."""
    with_figures = MonthlyFigure.objects.values("area_id")
    with_operators = Operator.objects.exclude(area=None).values("area_id")
    return list(
        Area.objects.filter(pk__in=with_figures) | Area.objects.filter(pk__in=with_operators)
    )


def tourism_indicators_refresh() -> None:
    tourism_indicators_publish(areas=_publish_areas())


def tourism_indicators_refresh_on_commit() -> None:
    """Certificates changed: republish the share once the change is committed."""
    from tsunagu.tourism.tasks import tourism_indicators_refresh_task

    enqueue_on_commit(tourism_indicators_refresh_task)


def register() -> None:
    certified_operators_share_provider_set(certified_operators_share)
