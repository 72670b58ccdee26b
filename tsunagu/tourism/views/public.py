"""Public pages: the visitor page, the register, an operator's page and the verifiable
certificate page."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from tsunagu.accounts.policy import is_city_staff
from tsunagu.events.qr import qr_svg
from tsunagu.tourism.certificate_pdf import PdfUnavailableError, certificate_pdf
from tsunagu.tourism.models import Certificate, Operator, OperatorType
from tsunagu.tourism.policy import can_manage_operator, is_operator_member
from tsunagu.tourism.selectors import (
    certificate_register,
    certified_tour_list,
    operator_certificates_current,
    operator_get,
    operator_products,
)
from tsunagu.tourism.services.schemes import default_version


def home(request):
    return render(
        request,
        "tourism/home.html",
        {
            "version": default_version(),
            "certificates": certificate_register()[:12],
            "tours": certified_tour_list()[:12],
        },
    )


def register(request):
    filters = {
        "query": request.GET.get("q", "").strip(),
        "indicator": request.GET.get("indicator", ""),
        "operator_type": request.GET.get("type", ""),
        "area": request.GET.get("area", ""),
    }
    certificates = certificate_register(**filters)
    version = default_version()
    areas = sorted(
        {
            (c.operator.area.code, c.operator.area.name)
            for c in certificate_register()
            if c.operator.area
        },
    )
    return render(
        request,
        "tourism/register.html",
        {
            "certificates": certificates,
            "filters": filters,
            "indicators": version.indicators.all() if version else [],
            "types": OperatorType.choices,
            "areas": areas,
        },
    )


def operator_detail(request, slug: str):
    try:
        operator = operator_get(slug=slug)
    except Operator.DoesNotExist:
        raise Http404 from None
    workshop = operator.workshop
    return render(
        request,
        "tourism/operator_detail.html",
        {
            "operator": operator,
            "certificates": operator_certificates_current(operator),
            "products": operator_products(operator),
            "workshop": workshop if workshop and workshop.is_published else None,
            "can_manage": can_manage_operator(request.user, operator),
        },
    )


def certificate_detail(request, number: str):
    certificate = get_object_or_404(
        Certificate.objects.select_related("operator", "version__scheme"), number=number
    )
    url = request.build_absolute_uri(reverse("tourism:certificate_detail", args=[number]))
    return render(
        request,
        "tourism/certificate_detail.html",
        {
            "certificate": certificate,
            "history": certificate.history.select_related("actor"),
            "qr": qr_svg(url, title=certificate.number),
            "url": url,
            "is_staff": is_city_staff(request.user),
            "can_renew": is_city_staff(request.user)
            or is_operator_member(request.user, certificate.operator),
        },
    )


def certificate_pdf_download(request, number: str, language: str):
    certificate = get_object_or_404(Certificate, number=number)
    if language not in ("ja", "en"):
        raise Http404
    url = request.build_absolute_uri(reverse("tourism:certificate_detail", args=[number]))
    try:
        pdf = certificate_pdf(certificate, language=language, verify_url=url)
    except PdfUnavailableError as error:
        raise Http404(str(error)) from error
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{number}-{language}.pdf"'
    return response
