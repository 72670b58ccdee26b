"""The recipient's report after the project, and the staff's review of it."""

from numbers import Number

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.accounts import policy
from tsunagu.tourism_grants.models import Award, GrantReport, ReportAttachment, ReportStatus
from tsunagu.tourism_grants.services.emails import application_email_send_on_commit
from tsunagu.tourism_grants.services.uploads import uploads_check


def figures_parse(text: str) -> list[dict]:
    """One figure per line: "label, value[, unit]" -> [{"label", "value", "unit"}]."""
    figures = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split(",")]
        try:
            value = float(parts[1].replace("¥", "")) if len(parts) >= 2 else None
        except ValueError:
            value = None
        if not parts[0] or value is None or len(parts) > 3:
            raise ValidationError(
                _('Line %(line)d: write "label, number" or "label, number, unit".')
                % {"line": number}
            )
        figures.append(
            {
                "label": parts[0],
                "value": int(value) if value.is_integer() else value,
                "unit": parts[2] if len(parts) == 3 else "",
            }
        )
    return figures


@transaction.atomic
def report_submit(
    *, award: Award, submitted_by, text: str, figures: list[dict], attachments=()
) -> GrantReport:
    if award.application.applicant_id != submitted_by.pk:
        raise PermissionDenied
    report = GrantReport.objects.select_for_update().filter(award=award).first()
    if report is not None and report.status == ReportStatus.ACCEPTED:
        raise ValidationError(_("This report has been accepted and can no longer be changed."))
    if not text.strip():
        raise ValidationError({"text": [_("Write the report.")]})
    if not all(
        isinstance(f.get("label"), str) and isinstance(f.get("value"), Number) for f in figures
    ):
        raise ValidationError({"figures": [_("Each figure needs a label and a number.")]})
    checked = uploads_check(attachments)
    report = report or GrantReport(award=award)
    report.text, report.figures, report.status = text.strip(), figures, ReportStatus.SUBMITTED
    report.save()
    for upload in checked:
        attachment = ReportAttachment(
            report=report, original_name=upload.name, content_type=upload.content_type
        )
        attachment.file.save(upload.name, upload.file, save=False)
        attachment.save()
    return report


@transaction.atomic
def report_review(
    *, report: GrantReport, reviewed_by, accept: bool, comment: str = ""
) -> GrantReport:
    if not policy.is_city_staff(reviewed_by):
        raise PermissionDenied
    if not accept and not comment.strip():
        raise ValidationError(_("Say what needs to change when returning a report."))
    report.status = ReportStatus.ACCEPTED if accept else ReportStatus.RETURNED
    report.reviewed_by, report.reviewed_at = reviewed_by, timezone.now()
    report.review_comment = comment.strip()
    report.save()
    application_email_send_on_commit(
        report.award.application,
        "report_reviewed",
        accepted=accept,
        comment=report.review_comment,
    )
    return report
