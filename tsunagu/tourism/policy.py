"""Who may do what with operators, applications and evidence."""

from django.contrib.contenttypes.models import ContentType

from tsunagu.accounts.models import ReviewAssignment
from tsunagu.accounts.policy import is_assessor, is_city_staff
from tsunagu.tourism.models import Application, Operator


def is_operator_member(user, operator: Operator) -> bool:
    return bool(
        user.is_authenticated and user.is_active and operator.members.filter(pk=user.pk).exists()
    )


def can_manage_operator(user, operator: Operator) -> bool:
    """Members keep their operator's details and tour products up to date; so may city staff."""
    return is_city_staff(user) or is_operator_member(user, operator)


def is_panel_member(user, application: Application) -> bool:
    return (
        is_assessor(user)
        and ReviewAssignment.objects.filter(
            reviewer=user,
            content_type=ContentType.objects.get_for_model(Application),
            object_id=application.pk,
        ).exists()
    )


def is_appeal_reviewer(user, application: Application) -> bool:
    appeal = getattr(application, "appeal", None)
    return bool(user.is_authenticated and appeal is not None and appeal.reviewer_id == user.pk)


def can_view_application(user, application: Application) -> bool:
    return (
        is_city_staff(user)
        or is_operator_member(user, application.operator)
        or is_panel_member(user, application)
        or is_appeal_reviewer(user, application)
    )


def can_edit_application(user, application: Application) -> bool:
    return is_operator_member(user, application.operator)
