"""Who may do what with reports: city staff write, generate and publish; the public sees
published versions only."""

from tsunagu.accounts.policy import is_city_staff
from tsunagu.reports.models import Report, ReportVersion


def can_edit_reports(user) -> bool:
    return is_city_staff(user)


def can_view_version(user, version: ReportVersion) -> bool:
    report: Report = version.report
    return can_edit_reports(user) or report.published_version_id == version.pk
