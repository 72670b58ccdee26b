"""Certificates: issue, extend once, suspend, revoke, reinstate, daily expiry and reminders."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from tsunagu.accounts.policy import is_city_staff
from tsunagu.core.emails import email_enqueue_on_commit
from tsunagu.tourism.indicators_feed import tourism_indicators_refresh_on_commit
from tsunagu.tourism.models import Application, Certificate, CertificateStatus
from tsunagu.tourism.policy import is_operator_member
from tsunagu.tourism.services.audit import audit_record

REMINDER_DAYS = (60, 14)


def _number(year: int) -> str:
    prefix = f"KSDGT-{year}-"
    last = (
        Certificate.objects.filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    sequence = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{sequence:04d}"


def certificate_issue(
    *, application: Application, codes, by, today: date | None = None
) -> Certificate:
    today = today or timezone.localdate()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    number=_number(today.year),
                    operator=application.operator,
                    application=application,
                    version=application.version,
                    issued_on=today,
                    expires_on=today + timedelta(days=application.version.validity_days),
                )
            break
        except IntegrityError:
            if Certificate.objects.filter(application=application).exists():
                raise
    else:
        raise ValidationError(_("Could not number the certificate; try again."))
    certificate.indicators.set(application.version.indicators.filter(code__in=codes))
    audit_record(
        certificate=certificate, to_state=CertificateStatus.CURRENT, actor=by, note=_("Issued")
    )
    tourism_indicators_refresh_on_commit()
    return certificate


def _change(certificate: Certificate, status: str, *, by, note: str) -> Certificate:
    previous = certificate.status
    certificate.status = status
    certificate.status_reason = note
    certificate.save()
    audit_record(certificate=certificate, from_state=previous, to_state=status, actor=by, note=note)
    return certificate


@transaction.atomic
def certificate_extend(
    *, certificate: Certificate, by, statement: str, today: date | None = None
) -> Certificate:
    """The one extension of a year, on a short renewal form (the operator's statement that
    its activities continue)."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not (is_operator_member(by, certificate.operator) or is_city_staff(by)):
        raise PermissionDenied
    today = today or timezone.localdate()
    if certificate.status != CertificateStatus.CURRENT or certificate.expires_on < today:
        raise ValidationError(_("Only a current certificate can be extended."))
    if certificate.extended:
        raise ValidationError(_("This certificate has already been extended once."))
    if not statement.strip():
        raise ValidationError(_("Describe how your activities continue."))
    certificate.extended = True
    certificate.expires_on += timedelta(days=certificate.version.validity_days)
    certificate.reminder_60_sent = certificate.reminder_14_sent = False
    certificate.save()
    audit_record(
        certificate=certificate,
        from_state=CertificateStatus.CURRENT,
        to_state=CertificateStatus.CURRENT,
        actor=by,
        note=_("Extended until %(date)s: %(statement)s")
        % {"date": certificate.expires_on.isoformat(), "statement": statement.strip()},
    )
    tourism_indicators_refresh_on_commit()
    return certificate


@transaction.atomic
def certificate_status_set(
    *, certificate: Certificate, by, status: str, reason: str
) -> Certificate:
    """Staff suspend, revoke or reinstate a certificate, always with a reason."""
    if not is_city_staff(by):
        raise PermissionDenied
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    allowed = {
        CertificateStatus.SUSPENDED: {CertificateStatus.CURRENT},
        CertificateStatus.REVOKED: {CertificateStatus.CURRENT, CertificateStatus.SUSPENDED},
        CertificateStatus.CURRENT: {CertificateStatus.SUSPENDED},
    }
    if certificate.status not in allowed.get(status, set()):
        raise ValidationError(_("This change of status is not possible."))
    if not reason.strip():
        raise ValidationError(_("Give a reason."))
    tourism_indicators_refresh_on_commit()
    return _change(certificate, status, by=by, note=reason.strip())


def _remind(certificate: Certificate, days: int) -> None:
    recipients = list(certificate.operator.members.values_list("email", flat=True))
    if not recipients:
        return
    with override("ja"):
        subject = _("Your SDG tourism certificate %(number)s expires in %(days)d days") % {
            "number": certificate.number,
            "days": days,
        }
        body = _(
            "Certificate %(number)s of %(operator)s expires on %(date)s. "
            "You can extend it once for a year on the renewal form."
        ) % {
            "number": certificate.number,
            "operator": certificate.operator,
            "date": certificate.expires_on.isoformat(),
        }
    # Queued at commit: a day that rolls back sends nothing and is run again.
    email_enqueue_on_commit(
        EmailMessage(subject, body, None, recipients),
        log_ref=f"certificate reminder email (certificate {certificate.pk})",
    )


@transaction.atomic
def certificates_daily(*, today: date | None = None) -> dict[str, int]:
    """Expires certificates past their date and sends reminders 60 and 14 days before."""
    today = today or timezone.localdate()
    counts = {"expired": 0, "reminded_60": 0, "reminded_14": 0}
    for certificate in Certificate.objects.select_for_update().filter(
        status__in=[CertificateStatus.CURRENT, CertificateStatus.SUSPENDED], expires_on__lt=today
    ):
        _change(certificate, CertificateStatus.EXPIRED, by=None, note=_("Expired"))
        counts["expired"] += 1
    current = Certificate.objects.select_for_update().filter(status=CertificateStatus.CURRENT)
    for certificate in current.filter(
        reminder_14_sent=False, expires_on__lte=today + timedelta(days=14)
    ):
        _remind(certificate, (certificate.expires_on - today).days)
        certificate.reminder_14_sent = certificate.reminder_60_sent = True
        certificate.save()
        counts["reminded_14"] += 1
    for certificate in current.filter(
        reminder_60_sent=False, expires_on__lte=today + timedelta(days=60)
    ):
        _remind(certificate, (certificate.expires_on - today).days)
        certificate.reminder_60_sent = True
        certificate.save()
        counts["reminded_60"] += 1
    if counts["expired"]:
        tourism_indicators_refresh_on_commit()
    return counts
