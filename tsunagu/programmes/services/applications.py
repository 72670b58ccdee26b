"""Applying to a call, assigning assessors, scoring and deciding."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tsunagu.accounts.models import ReviewAssignment
from tsunagu.accounts.policy import is_assessor, is_city_staff
from tsunagu.programmes.models import (
    Application,
    ApplicationDocument,
    ApplicationStatus,
    Call,
    Criterion,
    Participant,
    Score,
)
from tsunagu.programmes.models.applications import DECISIONS
from tsunagu.programmes.services.documents import documents_check
from tsunagu.programmes.services.emails import decision_email_send_on_commit

ADULT_AGE = 18


def age_on(date_of_birth: date, day: date) -> int:
    years = day.year - date_of_birth.year
    if (day.month, day.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


def is_child(date_of_birth: date, day: date | None = None) -> bool:
    return age_on(date_of_birth, day or timezone.localdate()) < ADULT_AGE


def _call_open_check(call: Call, now) -> None:
    if not call.is_published:
        raise ValidationError(_("This call is not open."))
    if now < call.opens_at:
        raise ValidationError(
            _("This call opens on %(date)s.")
            % {"date": formats.date_format(timezone.localtime(call.opens_at), "DATETIME_FORMAT")}
        )
    if now > call.deadline:
        raise ValidationError(
            _(
                "The deadline of this call (%(date)s) has passed: "
                "applications are no longer accepted."
            )
            % {"date": formats.date_format(timezone.localtime(call.deadline), "DATETIME_FORMAT")}
        )


def _answers_clean(call: Call, answers: dict) -> dict:
    cleaned = {}
    for question in call.questions.all():
        value = (answers.get(str(question.pk)) or "").strip()
        if question.required and not value:
            raise ValidationError(_("Please answer: %(question)s") % {"question": question.label})
        cleaned[str(question.pk)] = value
    return cleaned


@transaction.atomic
def application_submit(
    *,
    call: Call,
    applicant,
    full_name: str,
    date_of_birth: date,
    statement: str,
    answers: dict | None = None,
    documents: list | None = None,
    guardian_name: str = "",
    guardian_consent: bool = False,
    now=None,
) -> Application:
    """Everything is checked before anything is written; one failure writes nothing."""
    now = now or timezone.now()
    if not applicant.is_authenticated:
        raise PermissionDenied
    _call_open_check(call, now)
    if not full_name.strip() or not statement.strip():
        raise ValidationError(_("Your name and statement are required."))
    today = timezone.localdate(now)
    if date_of_birth >= today:
        raise ValidationError(_("The date of birth must be in the past."))
    if is_child(date_of_birth, today):
        if not guardian_name.strip() or not guardian_consent:
            raise ValidationError(
                _("Applicants under %(age)d need their guardian's name and consent.")
                % {"age": ADULT_AGE}
            )
    else:
        guardian_name, guardian_consent = "", False
    cleaned_answers = _answers_clean(call, answers or {})
    checked = documents_check(list(documents or []))
    if len(checked) < call.min_documents:
        raise ValidationError(
            _("This call requires at least %(count)d document(s).") % {"count": call.min_documents}
        )
    if Application.objects.filter(call=call, applicant=applicant).exists():
        raise ValidationError(_("You have already applied to this call."))
    try:
        with transaction.atomic():
            application = Application.objects.create(
                call=call,
                applicant=applicant,
                full_name=full_name.strip(),
                date_of_birth=date_of_birth,
                statement=statement.strip(),
                answers=cleaned_answers,
                guardian_name=guardian_name.strip(),
                guardian_consent=guardian_consent,
            )
    except IntegrityError:
        raise ValidationError(_("You have already applied to this call.")) from None
    saved = []
    try:
        for document in checked:
            record = ApplicationDocument(
                application=application,
                original_name=document.name,
                content_type=document.content_type,
                size=document.size,
            )
            record.file.save(document.name, document.file, save=True)
            saved.append(record.file.name)
    except Exception:
        storage = ApplicationDocument._meta.get_field("file").storage
        for name in saved:
            storage.delete(name)
        raise
    return application


def _staff_check(user) -> None:
    if not is_city_staff(user):
        raise PermissionDenied


@transaction.atomic
def assessor_assign(*, application: Application, reviewer, by) -> ReviewAssignment:
    _staff_check(by)
    if not is_assessor(reviewer):
        raise ValidationError(_("%(user)s is not an assessor.") % {"user": reviewer})
    assignment, _created = ReviewAssignment.objects.get_or_create(
        reviewer=reviewer,
        content_type=ContentType.objects.get_for_model(Application),
        object_id=application.pk,
        defaults={"assigned_by": by},
    )
    return assignment


def is_assigned(user, application: Application) -> bool:
    return (
        is_assessor(user)
        and ReviewAssignment.objects.filter(
            reviewer=user,
            content_type=ContentType.objects.get_for_model(Application),
            object_id=application.pk,
        ).exists()
    )


@transaction.atomic
def scores_save(*, application: Application, assessor, scores: dict, comments: dict) -> None:
    """Scores of one assessor, criterion -> 0..5; all criteria or nothing."""
    if not is_assigned(assessor, application):
        raise PermissionDenied
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("This application has already been decided."))
    for criterion in Criterion:
        value = scores.get(criterion.value)
        if not isinstance(value, int) or not 0 <= value <= 5:
            raise ValidationError(
                _("Give %(criterion)s a score from 0 to 5.") % {"criterion": criterion.label}
            )
    for criterion in Criterion:
        Score.objects.update_or_create(
            application=application,
            assessor=assessor,
            criterion=criterion.value,
            defaults={
                "value": scores[criterion.value],
                "comment": (comments.get(criterion.value) or "").strip(),
            },
        )


@transaction.atomic
def application_decide(
    *, application: Application, decision: str, reason: str, by, now=None
) -> Application:
    _staff_check(by)
    if decision not in DECISIONS:
        raise ValidationError(_("Choose awarded, rejected or waitlisted."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the decision: the applicant will read it."))
    now = now or timezone.now()
    application = Application.objects.select_for_update().get(pk=application.pk)
    application.status = decision
    application.decision_reason = reason.strip()
    application.decided_by = by
    application.decided_at = now
    application.save(update_fields=["status", "decision_reason", "decided_by", "decided_at"])
    if decision == ApplicationStatus.AWARDED:
        Participant.objects.get_or_create(
            application=application,
            defaults={
                "programme": application.call.programme,
                "year": timezone.localtime(now).year,
                "user": application.applicant,
                "name": application.full_name,
                "is_demo": application.is_demo,
            },
        )
    else:
        Participant.objects.filter(application=application).delete()
    decision_email_send_on_commit(application)
    return application
