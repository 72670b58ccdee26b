"""Reads for pages and the API."""

from django.db.models import Q, QuerySet

from tsunagu.accounts.policy import is_city_staff
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
