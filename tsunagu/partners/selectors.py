from django.db.models import Q, QuerySet

from tsunagu.accounts.policy import is_city_staff, organisation_ids
from tsunagu.partners.models import PUBLIC_STATUSES, Partner, PartnerStatus


def partner_list(*, user, goal: int | None = None, kind: str | None = None) -> QuerySet[Partner]:
    """Approved and active partners for everyone; members also see their own; staff all."""
    partners = Partner.objects.select_related("organisation")
    if not is_city_staff(user):
        partners = partners.filter(
            Q(status__in=PUBLIC_STATUSES) | Q(organisation_id__in=organisation_ids(user))
        )
    if goal:
        partners = partners.filter(organisation__sdg_relations__goal_id=goal).distinct()
    if kind:
        partners = partners.filter(organisation__kind=kind)
    return partners


def application_queue() -> QuerySet[Partner]:
    return (
        Partner.objects.filter(status=PartnerStatus.APPLIED)
        .select_related("organisation")
        .order_by("applied_at")
    )
