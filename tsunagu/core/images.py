"""Uploaded pictures that are shown to the public (partner logos, craft and culture images)
are stored as a fresh encoding of their pixels, never as the bytes that were sent.

Why: a JPEG's EXIF may hold where the photographer stood (GPS), and a file that Pillow reads as
an image may carry more than pixels (an HTML or script tail, comments, XMP). Re-encoding keeps
the pixels and drops the rest; the stored name is random, so nothing of the sent name (folders,
control characters) reaches the storage. Checking happens first: only JPEG, PNG or WebP by
content, and not more pixels than MAX_PIXELS (a small file can claim enormous dimensions)."""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PIXELS = 40_000_000
MAX_BYTES = 10 * 1024 * 1024  # fields may set a lower limit of their own
UNREADABLE = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    Image.DecompressionBombError,
)


def image_content_validate(file) -> None:
    """ValidationError unless the content is a JPEG, PNG or WebP of at most MAX_PIXELS and
    MAX_BYTES."""
    if file is None or getattr(file, "_committed", False):
        return  # already stored (and re-encoded) earlier
    if (getattr(file, "size", 0) or 0) > MAX_BYTES:
        raise ValidationError(
            _("The image is larger than %(limit)d MB.") % {"limit": MAX_BYTES // (1024 * 1024)}
        )
    file.seek(0)
    try:
        with Image.open(file) as image:
            image_format = image.format
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels."))
            image.verify()
    except UNREADABLE:
        raise ValidationError(_("The file is not a readable image.")) from None
    finally:
        file.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted: use JPEG, PNG or WebP.")
            % {"format": image_format or "?"}
        )


def image_reencode(file) -> ContentFile:
    """The picture alone, upright, in its own format (JPEG, PNG or WebP) with no metadata,
    under a random name."""
    file.seek(0)
    with Image.open(file) as original:
        image_format = original.format
        original.load()
        upright = ImageOps.exif_transpose(original)
    file.seek(0)
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    elif upright.mode not in ("RGB", "RGBA", "L", "LA"):
        upright = upright.convert("RGBA")
    # A fresh image has an empty info dict: no EXIF, XMP, ICC or comment rides along.
    clean = Image.new(upright.mode, upright.size)
    clean.paste(upright)
    buffer = io.BytesIO()
    clean.save(buffer, format=image_format)
    return ContentFile(
        buffer.getvalue(), name=f"{uuid.uuid4().hex}.{ALLOWED_FORMATS[image_format]}"
    )


class ReencodedImageField(models.ImageField):
    """An ImageField whose new uploads are checked by content and stored re-encoded."""

    default_validators = [image_content_validate]

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            content = image_reencode(file.file)
            file.save(content.name, content, save=False)
        return super().pre_save(model_instance, add)

    def deconstruct(self):
        # Stored like any ImageField: the re-encoding changes what is saved, not the column.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs
