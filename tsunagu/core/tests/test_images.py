"""Public pictures are stored re-encoded; evidence files must be what their extension says."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from tsunagu.core.images import image_content_validate, image_reencode
from tsunagu.core.uploads import PrivateMediaStorage, upload_matches_extension


def _image(image_format: str, mode: str = "RGB", size=(40, 20), **save) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new(mode, size, (10, 200, 30, 128) if "A" in mode else (10, 200, 30)).save(
        buffer, format=image_format, **save
    )
    return SimpleUploadedFile(f"x.{image_format.lower()}", buffer.getvalue())


@pytest.mark.parametrize(
    ("image_format", "mode"), [("JPEG", "RGB"), ("PNG", "RGBA"), ("WEBP", "RGB")]
)
def test_reencoding_keeps_format_size_and_transparency(image_format, mode):
    copy = image_reencode(_image(image_format, mode))
    with Image.open(copy) as image:
        assert image.format == image_format
        assert image.size == (40, 20)
        if image_format == "PNG":
            assert image.mode == "RGBA"
    assert copy.name.endswith({"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}[image_format])


def test_reencoding_turns_the_picture_upright_and_drops_the_exif():
    source = Image.new("RGB", (40, 20))
    exif = source.getexif()
    exif[0x0112] = 6  # "rotate 90° clockwise to show"
    buffer = io.BytesIO()
    source.save(buffer, format="JPEG", exif=exif)
    with Image.open(image_reencode(SimpleUploadedFile("x.jpg", buffer.getvalue()))) as image:
        assert image.size == (20, 40)
        assert not image.getexif()


def test_too_many_pixels_or_too_many_bytes_are_refused(monkeypatch):
    monkeypatch.setattr("tsunagu.core.images.MAX_PIXELS", 799)
    with translation.override("en"), pytest.raises(ValidationError, match="too many pixels"):
        image_content_validate(_image("PNG"))
    monkeypatch.setattr("tsunagu.core.images.MAX_BYTES", 10)
    with translation.override("en"), pytest.raises(ValidationError, match="larger than"):
        image_content_validate(_image("PNG", size=(2, 2)))


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "matches"),
    [
        ("a.pdf", b"%PDF-1.7\n", True),
        ("a.pdf", b"<html><script>", False),
        ("a.png", _image("PNG").read(), True),
        ("a.jpg", _image("PNG").read(), False),  # a PNG is not a JPEG
        ("a.csv", "地点,人数\n金沢,3\n".encode("cp932"), True),  # Shift_JIS from Excel
        ("a.txt", "メモ".encode(), True),
        ("a.csv", b"\x7fELF\x02\x01\x01\x00\x00", False),
        ("a.xlsx", _xlsx(), True),
        ("a.xlsx", b"PK\x03\x04 not a workbook", False),
        ("a.exe", b"MZ", False),
    ],
)
def test_content_must_match_the_extension(name, content, matches):
    assert upload_matches_extension(SimpleUploadedFile(name, content), name) is matches


def test_private_storage_follows_the_setting_and_has_no_url(settings, tmp_path):
    storage = PrivateMediaStorage()
    settings.TSUNAGU_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    assert storage.location == str((tmp_path / "private").resolve())
    with pytest.raises(ValueError, match="no public URL"):
        storage.url("a.pdf")
