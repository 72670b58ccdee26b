"""The certificate as a PDF in Japanese or English (WeasyPrint, IPAex fonts), with the year
mark and the QR code of the verifiable page."""

from django.template.loader import render_to_string
from django.utils import translation

from tsunagu.events.qr import qr_svg
from tsunagu.tourism.models import Certificate


class PdfUnavailableError(RuntimeError):
    pass


def certificate_pdf(certificate: Certificate, *, language: str, verify_url: str) -> bytes:
    try:
        from weasyprint import HTML
    except ImportError as error:  # an optional dependency
        raise PdfUnavailableError("WeasyPrint is not installed") from error
    with translation.override(language):
        html = render_to_string(
            "tourism/certificate_pdf.html",
            {
                "certificate": certificate,
                "indicators": certificate.indicators.all(),
                "qr": qr_svg(verify_url, title=certificate.number),
                "verify_url": verify_url,
                "language": language,
            },
        )
    return HTML(string=html).write_pdf()
