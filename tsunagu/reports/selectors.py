from django.db.models import QuerySet

from tsunagu.reports.models import Report


def published_report_list() -> QuerySet[Report]:
    return Report.objects.filter(published_version__isnull=False).select_related(
        "published_version", "area"
    )


def report_list_for_staff() -> QuerySet[Report]:
    return Report.objects.select_related("area", "published_version").prefetch_related("versions")
