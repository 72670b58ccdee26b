"""Reads for pages and the API."""

from datetime import date

from django.conf import settings
from django.db.models import Q, QuerySet

from tsunagu.accounts.policy import is_city_staff, organisation_ids
from tsunagu.core.models import Area, AreaKind
from tsunagu.partners.models import PUBLIC_STATUSES, Partner
from tsunagu.tourism.indicators_feed import area_and_descendants, certificate_status_on
from tsunagu.tourism.models import (
    Application,
    Certificate,
    CertificateStatus,
    Operator,
    TourProduct,
)


def certificate_register(
    *, query: str = "", indicator: str = "", operator_type: str = "", area: str = ""
) -> QuerySet[Certificate]:
    """Current certificates only, for the public register."""
    certificates = (
        Certificate.objects.filter(status=CertificateStatus.CURRENT)
        .select_related("operator", "operator__area", "version__scheme")
        .prefetch_related("indicators")
    )
    if query:
        certificates = certificates.filter(
            Q(operator__name_ja__icontains=query)
            | Q(operator__name_en__icontains=query)
            | Q(number__iexact=query)
        )
    if indicator:
        certificates = certificates.filter(indicators__code=indicator)
    if operator_type:
        certificates = certificates.filter(operator__type=operator_type)
    if area:
        certificates = certificates.filter(operator__area__code=area)
    return certificates.distinct().order_by("operator__slug")


def operators_of(user) -> QuerySet[Operator]:
    if not user.is_authenticated:
        return Operator.objects.none()
    return user.tourism_operators.all()


def operator_get(*, slug: str) -> Operator:
    operators = Operator.objects.select_related("area", "partner__organisation", "workshop")
    return operators.get(slug=slug)


def operator_certificates_current(operator: Operator) -> QuerySet[Certificate]:
    return (
        operator.certificates.filter(status=CertificateStatus.CURRENT)
        .select_related("version__scheme")
        .prefetch_related("indicators")
    )


def operator_products(operator: Operator) -> QuerySet[TourProduct]:
    return operator.products.prefetch_related("partners__organisation")


def operator_partner_choices(user) -> QuerySet[Partner]:
    """The partners an operator may be linked to by this user: approved or active partners
    whose organisation the user is a member of; any approved or active partner for staff."""
    partners = Partner.objects.filter(status__in=PUBLIC_STATUSES).select_related("organisation")
    if not is_city_staff(user):
        partners = partners.filter(organisation_id__in=organisation_ids(user))
    return partners.order_by("organisation__slug")


def operator_area_choices() -> QuerySet[Area]:
    """Where an operator can be: a municipality of the city's prefecture or a district of
    one (a prefecture or a region is too coarse to say where to find it)."""
    prefecture = settings.TSUNAGU_CITY_CODE[:2]
    return Area.objects.filter(
        Q(kind=AreaKind.MUNICIPALITY, code__startswith=prefecture)
        | Q(kind=AreaKind.DISTRICT, parent__code__startswith=prefecture)
    ).order_by("code")


def tour_partner_choices() -> QuerySet[Partner]:
    """Partners a tour can name as involved: the approved and active ones."""
    return (
        Partner.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("organisation")
        .order_by("organisation__slug")
    )


def application_queue(user) -> QuerySet[Application]:
    """Staff see every non-draft application; assessors those assigned to them."""
    applications = Application.objects.exclude(status="draft").select_related(
        "operator", "version__scheme"
    )
    if is_city_staff(user):
        return applications
    from django.contrib.contenttypes.models import ContentType

    assigned = user.review_assignments.filter(
        content_type=ContentType.objects.get_for_model(Application)
    ).values_list("object_id", flat=True)
    return applications.filter(Q(pk__in=list(assigned)) | Q(appeal__reviewer=user))


def certified_tour_list() -> QuerySet[TourProduct]:
    """Tours of operators holding a current certificate."""
    return (
        TourProduct.objects.filter(operator__certificates__status=CertificateStatus.CURRENT)
        .select_related("operator")
        .distinct()
    )


def certificates_in_force(*, area: Area, on: date) -> list[Certificate]:
    """Certificates of the operators of an area (or of its districts) in force on a day, as
    indicators_feed.certified_operators_share counts them: issued by then, not expired, and
    neither suspended nor revoked on that day according to the audit trail."""
    candidates = (
        Certificate.objects.filter(
            operator__area_id__in=area_and_descendants(area), issued_on__lte=on, expires_on__gte=on
        )
        .select_related("operator", "version__scheme")
        .order_by("operator__slug", "number")
    )
    return [c for c in candidates if certificate_status_on(c, on) == CertificateStatus.CURRENT]
