"""Photos: the content decides the format, EXIF is read first and never published."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tsunagu.nature.services.photos import (
    MAX_PHOTO_BYTES,
    photo_exif_read,
    photo_public_copy,
    photo_validate,
)
from tsunagu.nature.tests.factories import image_bytes, photo_upload

pytestmark = pytest.mark.usefixtures("english_messages")  # messages read in English


def test_exif_gps_and_time_are_read():
    facts = photo_exif_read(io.BytesIO(image_bytes(latitude=36.5781, longitude=136.6377)))
    assert facts.latitude == pytest.approx(36.5781, abs=1e-5)
    assert facts.longitude == pytest.approx(136.6377, abs=1e-5)
    assert facts.taken_at.isoformat() == "2025-06-12T20:41:07+09:00"


def test_southern_and_western_hemispheres_are_negative():
    facts = photo_exif_read(io.BytesIO(image_bytes(latitude=-33.86, longitude=-70.65)))
    assert facts.latitude == pytest.approx(-33.86, abs=1e-5)
    assert facts.longitude == pytest.approx(-70.65, abs=1e-5)


def test_photo_without_exif_says_nothing():
    facts = photo_exif_read(io.BytesIO(image_bytes(latitude=None, longitude=None, taken_at=None)))
    assert facts == (None, None, None)


def test_public_copy_has_no_exif_at_all():
    original = image_bytes(latitude=36.5781, longitude=136.6377)
    assert b"Exif" in original  # the fixture really carries EXIF
    copy = photo_public_copy(io.BytesIO(original)).read()
    assert b"Exif" not in copy
    assert b"GPS" not in copy
    with Image.open(io.BytesIO(copy)) as image:
        assert image.format == "JPEG"
        assert len(image.getexif()) == 0
        assert "exif" not in image.info


def test_orientation_is_applied_before_exif_is_dropped():
    # Orientation 6: the camera was turned; the upright picture is taller than wide.
    copy = photo_public_copy(io.BytesIO(image_bytes(orientation=6, size=(80, 40))))
    with Image.open(copy) as image:
        assert image.size == (40, 80)
        # The marker painted top-left in the stored pixels ends up top-right once upright.
        assert image.getpixel((35, 2))[0] > 200
        assert image.getpixel((2, 2))[0] < 120


def test_large_photo_is_scaled_to_2048():
    copy = photo_public_copy(io.BytesIO(image_bytes(size=(3000, 1500))))
    assert (copy.width, copy.height) == (2048, 1024)


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted(image_format):
    data = image_bytes(image_format=image_format)
    assert photo_validate(io.BytesIO(data)) == image_format
    with Image.open(photo_public_copy(io.BytesIO(data))) as image:
        assert image.format == "JPEG"


def test_gif_is_refused_whatever_its_name():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, format="GIF")
    upload = SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")
    with pytest.raises(ValidationError, match="GIF"):
        photo_validate(upload)


def test_text_named_jpg_is_refused():
    upload = SimpleUploadedFile("photo.jpg", b"not an image at all", content_type="image/jpeg")
    with pytest.raises(ValidationError, match="not a readable image"):
        photo_validate(upload)


def test_too_large_is_refused():
    upload = photo_upload()
    upload.size = MAX_PHOTO_BYTES + 1
    with pytest.raises(ValidationError, match="larger than 10 MB"):
        photo_validate(upload)
