import pytest

from tsunagu.tourism import demo
from tsunagu.tourism.models import Certificate


@pytest.mark.parametrize("language", ["ja", "en"])
def test_certificate_pdf_in_both_languages(client, version, language, tmp_path):
    pytest.importorskip("weasyprint", reason="WeasyPrint is an optional dependency")
    demo.load()
    certificate = Certificate.objects.get()
    response = client.get(f"/tourism/certificates/{certificate.number}/{language}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    pdfium = pytest.importorskip("pypdfium2")
    document = pdfium.PdfDocument(response.content)
    text = document[0].get_textpage().get_text_range()
    assert certificate.number in text
    operator = certificate.operator
    assert (operator.name_ja if language == "ja" else operator.name_en) in text
    document[0].render(scale=1.5).to_pil().save(tmp_path / f"certificate-{language}.png")
