"""Operators apply: choose indicators, answer items, upload evidence, save, submit; staff
accept the technical check or send the application back."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.accounts.policy import is_city_staff
from tsunagu.tourism.models import (
    Answer,
    Application,
    ApplicationStatus,
    Evidence,
    Item,
    ItemAnswer,
    Operator,
    SchemeVersion,
)
from tsunagu.tourism.policy import can_edit_application, is_operator_member
from tsunagu.tourism.services.audit import audit_record
from tsunagu.tourism.services.evidence import evidence_check

# Moved to services.operators; still importable from here for older callers.
from tsunagu.tourism.services.operators import operator_create as operator_create


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _set_status(application: Application, status: str, *, by, note: str = "") -> None:
    previous = application.status
    application.status = status
    application.save()
    audit_record(application=application, from_state=previous, to_state=status, actor=by, note=note)


@transaction.atomic
def application_create(*, operator: Operator, version: SchemeVersion, by) -> Application:
    if not is_operator_member(by, operator):
        raise PermissionDenied
    application = Application.objects.create(operator=operator, version=version, created_by=by)
    audit_record(application=application, to_state=ApplicationStatus.DRAFT, actor=by)
    return application


def _editable(application: Application, by) -> Application:
    if not can_edit_application(by, application):
        raise PermissionDenied
    application = _locked(application)
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(_("Only a draft can be changed."))
    return application


@transaction.atomic
def application_draft_save(
    *, application: Application, by, indicator_codes: list[str], answers: dict[str, tuple[str, str]]
) -> Application:
    """Saves the chosen indicators and the answers (item code -> (answer, explanation));
    incomplete answers are allowed in a draft."""
    application = _editable(application, by)
    indicators = {i.code: i for i in application.version.indicators.all()}
    unknown = [code for code in indicator_codes if code not in indicators]
    if unknown:
        raise ValidationError(_("Unknown indicator: %(codes)s") % {"codes": ", ".join(unknown)})
    application.indicators.set([indicators[code] for code in indicator_codes])
    items = {
        item.code: item for item in Item.objects.filter(indicator__version=application.version)
    }
    for code, (answer, explanation) in answers.items():
        item = items.get(code)
        if item is None:
            raise ValidationError(_("Unknown item: %(code)s") % {"code": code})
        if not answer:
            ItemAnswer.objects.filter(application=application, item=item).delete()
            continue
        if answer not in Answer.values:
            raise ValidationError(_("Unknown answer for %(code)s.") % {"code": code})
        ItemAnswer.objects.update_or_create(
            application=application,
            item=item,
            defaults={"answer": answer, "explanation": (explanation or "").strip()},
        )
    return application


@transaction.atomic
def evidence_add(*, application: Application, by, file, item=None) -> Evidence:
    application = _editable(application, by)
    content_type = evidence_check(file)
    evidence = Evidence(
        application=application,
        item=item,
        original_name=(getattr(file, "name", "") or "file")[:200],
        content_type=content_type,
        size=file.size,
        uploaded_by=by,
    )
    evidence.file.save("upload", file, save=False)
    evidence.save()
    return evidence


@transaction.atomic
def evidence_delete(*, evidence: Evidence, by) -> None:
    _editable(evidence.application, by)
    evidence.file.delete(save=False)
    evidence.delete()


def application_problems(application: Application) -> list[str]:
    """What stops the application from being submitted, as messages for the operator."""
    version = application.version
    problems = []
    chosen = list(application.indicators.prefetch_related("items"))
    codes = {i.code for i in chosen}
    if len(chosen) < version.min_indicators:
        problems.append(
            _("Choose at least %(count)d indicators.") % {"count": version.min_indicators}
        )
    missing = [code for code in version.required_indicator_codes if code not in codes]
    if missing:
        problems.append(
            _("These indicators must be addressed: %(codes)s") % {"codes": ", ".join(missing)}
        )
    answers = {a.item_id: a for a in application.answers.all()}
    for indicator in chosen:
        for item in indicator.items.all():
            answer = answers.get(item.pk)
            if answer is None:
                problems.append(_("Answer item %(code)s.") % {"code": item.code})
            elif answer.answer == Answer.NOT_APPLICABLE and item.is_mandatory:
                problems.append(
                    _("Item %(code)s is mandatory: it cannot be not applicable.")
                    % {"code": item.code}
                )
            elif answer.answer != Answer.NOT_MET and not answer.explanation:
                problems.append(_("Explain your answer to item %(code)s.") % {"code": item.code})
    if not application.evidence.exists():
        problems.append(_("Upload at least one piece of evidence."))
    return problems


@transaction.atomic
def application_submit(*, application: Application, by) -> Application:
    application = _editable(application, by)
    problems = application_problems(application)
    if problems:
        raise ValidationError(problems)
    application.submitted_at = timezone.now()
    _set_status(application, ApplicationStatus.SUBMITTED, by=by)
    return application


@transaction.atomic
def technical_check(
    *, application: Application, by, accept: bool, comments: str = ""
) -> Application:
    """Staff accept the application for panel review or send it back to draft with comments."""
    if not is_city_staff(by):
        raise PermissionDenied
    application = _locked(application)
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("This application is not waiting for a technical check."))
    comments = comments.strip()
    if accept:
        _set_status(application, ApplicationStatus.PANEL_REVIEW, by=by, note=comments)
        return application
    if not comments:
        raise ValidationError(_("Say what needs to change when sending an application back."))
    application.staff_comment = comments
    _set_status(application, ApplicationStatus.DRAFT, by=by, note=comments)
    return application
