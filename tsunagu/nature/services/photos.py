"""Observation photos: check what an upload really is, read what its EXIF says, and make
the public copy (upright, at most 2048 px, re-encoded with no metadata at all).

The original upload is never stored: its EXIF may hold the observer's exact position."""

import io
import uuid
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone as django_timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTOS = 8
MAX_PIXELS = 60_000_000  # a 60-megapixel camera; more is a decompression bomb
PUBLIC_LONGEST_SIDE = 2048
PUBLIC_QUALITY = 85

EXIF_IFD = 0x8769
GPS_IFD = 0x8825
DATETIME_ORIGINAL = 0x9003
OFFSET_TIME_ORIGINAL = 0x9011


class ExifFacts(NamedTuple):
    taken_at: datetime | None
    latitude: float | None
    longitude: float | None


def _rewind(file) -> None:
    if hasattr(file, "seek"):
        file.seek(0)


def photo_validate(file) -> str:
    """The image format ("JPEG", "PNG" or "WEBP") read from the content, not the name;
    ValidationError for anything else, too large, or damaged."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_PHOTO_BYTES:
        raise ValidationError(
            _("The photo is larger than %(limit)d MB.")
            % {"limit": MAX_PHOTO_BYTES // (1024 * 1024)}
        )
    _rewind(file)
    try:
        with Image.open(file) as image:
            image_format = image.format
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The photo has too many pixels."))
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("The file is not a readable image.")) from None
    finally:
        _rewind(file)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted: use JPEG, PNG or WebP.")
            % {"format": image_format or _("Unknown")}
        )
    return image_format


def _rational(value) -> float:
    return float(value)


def _degrees(values, ref) -> float | None:
    try:
        d, m, s = (_rational(v) for v in values)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    result = d + m / 60 + s / 3600
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "ignore")
    return -result if str(ref).strip().upper() in {"S", "W"} else result


def _taken_at(exif_ifd) -> datetime | None:
    raw = exif_ifd.get(DATETIME_ORIGINAL)
    if not raw:
        return None
    try:
        naive = datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    offset = str(exif_ifd.get(OFFSET_TIME_ORIGINAL) or "").strip("\x00 ")
    if len(offset) == 6 and offset[0] in "+-" and offset[3] == ":":
        sign = 1 if offset[0] == "+" else -1
        delta = timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6]))
        return naive.replace(tzinfo=timezone(sign * delta))
    # Cameras without an offset record local time: the city's time zone is the best guess.
    return django_timezone.make_aware(naive, django_timezone.get_default_timezone())


def photo_exif_read(file) -> ExifFacts:
    """When and where the photo says it was taken (None for what it does not say)."""
    _rewind(file)
    try:
        with Image.open(file) as image:
            exif = image.getexif()
            exif_ifd = exif.get_ifd(EXIF_IFD)
            gps = exif.get_ifd(GPS_IFD)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return ExifFacts(None, None, None)
    finally:
        _rewind(file)
    latitude = longitude = None
    if gps.get(2) and gps.get(4):
        latitude = _degrees(gps[2], gps.get(1, "N"))
        longitude = _degrees(gps[4], gps.get(3, "E"))
        if (
            latitude is None
            or longitude is None
            or not (-90 <= latitude <= 90 and -180 <= longitude <= 180)
            or (latitude == 0 and longitude == 0)
        ):
            latitude = longitude = None
    return ExifFacts(_taken_at(exif_ifd), latitude, longitude)


def photo_public_copy(file) -> ContentFile:
    """Upright (EXIF orientation applied), at most 2048 px on the longest side, re-encoded
    as JPEG with no EXIF, XMP, ICC or comment: nothing of the original's metadata. The
    result also carries its `width` and `height`."""
    _rewind(file)
    with Image.open(file) as original:
        original.load()
        upright = ImageOps.exif_transpose(original)
    _rewind(file)
    if upright.mode in ("RGBA", "LA", "P"):
        upright = upright.convert("RGBA")
        flat = Image.new("RGB", upright.size, (255, 255, 255))
        flat.paste(upright, mask=upright.getchannel("A"))
        upright = flat
    elif upright.mode != "RGB":
        upright = upright.convert("RGB")
    upright.thumbnail((PUBLIC_LONGEST_SIDE, PUBLIC_LONGEST_SIDE), Image.Resampling.LANCZOS)
    # A fresh image carries no info dict: nothing can ride along into the encoder.
    clean = Image.new("RGB", upright.size)
    clean.paste(upright)
    buffer = io.BytesIO()
    clean.save(buffer, format="JPEG", quality=PUBLIC_QUALITY, optimize=True)
    name = f"{uuid.uuid4().hex}.jpg"
    content = ContentFile(buffer.getvalue(), name=name)
    content.width, content.height = clean.width, clean.height
    return content
