"""Read-only public API: schemes and the register of current certificates."""

from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from tsunagu.tourism.models import Certificate, Scheme
from tsunagu.tourism.selectors import certificate_register

router = Router(tags=["tourism"])


class ItemOut(Schema):
    code: str
    title_ja: str
    title_en: str
    is_mandatory: bool
    related_goals: list[int]


class SchemeIndicatorOut(Schema):
    code: str
    title_ja: str
    title_en: str
    items: list[ItemOut]


class VersionOut(Schema):
    scheme: str
    number: int
    is_paraphrase: bool
    min_indicators: int
    required_indicator_codes: list[str]
    item_share_needed: float
    indicators: list[SchemeIndicatorOut]


class CertificateOut(Schema):
    number: str
    operator: str
    operator_type: str
    indicators: list[str]
    scheme: str
    version: int
    issued_on: date
    expires_on: date
    status: str


def _version_out(version) -> dict:
    return {
        "scheme": version.scheme.code,
        "number": version.number,
        "is_paraphrase": version.is_paraphrase,
        "min_indicators": version.min_indicators,
        "required_indicator_codes": version.required_indicator_codes,
        "item_share_needed": float(version.item_share_needed),
        "indicators": [
            {
                "code": indicator.code,
                "title_ja": indicator.title_ja,
                "title_en": indicator.title_en or "",
                "items": list(indicator.items.all()),
            }
            for indicator in version.indicators.prefetch_related("items")
        ],
    }


def _certificate_out(certificate: Certificate) -> dict:
    return {
        "number": certificate.number,
        "operator": certificate.operator.name,
        "operator_type": certificate.operator.type,
        "indicators": [i.code for i in certificate.indicators.all()],
        "scheme": certificate.version.scheme.code,
        "version": certificate.version.number,
        "issued_on": certificate.issued_on,
        "expires_on": certificate.expires_on,
        "status": certificate.status,
    }


@router.get("/schemes/{code}", response=VersionOut)
def scheme_current_version(request, code: str):
    scheme = get_object_or_404(Scheme, code=code)
    return _version_out(scheme.current_version())


@router.get("/certificates", response=list[CertificateOut])
def certificate_list(request, indicator: str = "", type: str = "", area: str = "", q: str = ""):
    return [
        _certificate_out(c)
        for c in certificate_register(query=q, indicator=indicator, operator_type=type, area=area)
    ]


@router.get("/certificates/{number}", response=CertificateOut)
def certificate_get(request, number: str):
    """Any certificate, also expired or revoked, so that a number can be verified."""
    return _certificate_out(get_object_or_404(Certificate, number=number))
