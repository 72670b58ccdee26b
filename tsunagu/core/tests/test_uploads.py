"""The shared upload checker: type read from the content, size limit, virus-scan hook."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from tsunagu.core.uploads import (
    upload_check,
    upload_name,
    upload_type_sniff,
    upload_virus_scan,
    virus_scan_hook,
    virus_scan_none,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _image(image_format: str, name: str = "image") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


seen = []


def reject_eicar(file) -> str | None:
    """A stand-in scanner: rejects files containing the word EICAR; records what it read."""
    content = file.read()
    seen.append(content)
    return "EICAR test signature" if b"EICAR" in content else None


@pytest.mark.parametrize(
    ("upload", "expected"),
    [
        (SimpleUploadedFile("plan.pdf", PDF), "application/pdf"),
        (_image("PNG"), "image/png"),
        (_image("JPEG"), "image/jpeg"),
        (_image("GIF", "renamed.png"), None),
        (SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf"), None),
        (SimpleUploadedFile("broken.png", _image("PNG").read()[:30]), None),
    ],
)
def test_type_is_read_from_the_content_and_the_file_rewound(upload, expected):
    assert upload_type_sniff(upload) == expected
    assert upload.tell() == 0


def test_name_drops_folders_and_is_cut_to_200_characters():
    assert upload_name(SimpleUploadedFile("a/b\\plan.pdf", PDF)) == "plan.pdf"
    assert len(upload_name(SimpleUploadedFile("x" * 300 + ".pdf", PDF))) == 200


def test_empty_and_too_large_are_refused():
    with pytest.raises(ValidationError, match=r"^\['empty\.pdf is empty\.'\]$"):
        upload_check(SimpleUploadedFile("empty.pdf", b""), max_bytes=1024)
    with pytest.raises(ValidationError, match=r"big\.pdf is larger than 1 MB"):
        upload_check(SimpleUploadedFile("big.pdf", PDF + b"0" * 1024 * 1024), max_bytes=1024 * 1024)


def test_wrong_type_message_can_be_the_apps_own():
    fake = SimpleUploadedFile("virus.pdf", b"MZ not a pdf")
    with pytest.raises(ValidationError, match=r"virus\.pdf is not a PDF, JPEG or PNG file\."):
        upload_check(fake, max_bytes=1024)
    with pytest.raises(ValidationError, match=r"virus\.pdf: no"):
        upload_check(fake, max_bytes=1024, type_error="%(name)s: no")


def test_a_good_file_is_returned_with_its_type_and_size():
    checked = upload_check(SimpleUploadedFile("plan.pdf", PDF), max_bytes=1024)
    assert checked.name == "plan.pdf"
    assert (checked.content_type, checked.size) == ("application/pdf", len(PDF))


def test_no_scanner_by_default(settings):
    settings.TSUNAGU_VIRUS_SCAN = ""
    assert virus_scan_hook() is virus_scan_none


def test_the_configured_scanner_reads_the_whole_file_and_can_reject(settings):
    settings.TSUNAGU_VIRUS_SCAN = "tsunagu.core.tests.test_uploads.reject_eicar"
    seen.clear()
    clean = SimpleUploadedFile("plan.pdf", PDF)
    clean.read(3)
    upload_virus_scan(clean, name="plan.pdf")
    assert seen == [PDF]
    assert clean.tell() == 0
    infected = SimpleUploadedFile("plan.pdf", PDF + b"EICAR")
    with pytest.raises(ValidationError, match=r"plan\.pdf was rejected by the virus scan: EICAR"):
        upload_check(infected, max_bytes=1024)
