"""Validation of craft images (read with Pillow, not trusted by name) and language lists."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ALLOWED_IMAGE_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000

# Languages a workshop or artisan can say they speak: code -> name in that language.
LANGUAGE_NAMES = {
    "ja": "日本語",
    "en": "English",
    "zh-hans": "简体中文",
    "zh-hant": "繁體中文",
    "ko": "한국어",
    "fr": "Français",
    "de": "Deutsch",
    "es": "Español",
    "it": "Italiano",
}


def craft_image_validate(file) -> None:
    """ValidationError unless the file really is a JPEG, PNG or WebP image of at most 5 MB."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is larger than %(limit)d MB.")
            % {"limit": MAX_IMAGE_BYTES // (1024 * 1024)}
        )
    if hasattr(file, "seek"):
        file.seek(0)
    try:
        with Image.open(file) as image:
            image_format = image.format
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ValidationError(_("The image has too many pixels."))
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("The file is not a readable image.")) from None
    finally:
        if hasattr(file, "seek"):
            file.seek(0)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted: use JPEG, PNG or WebP.")
            % {"format": image_format or "?"}
        )


def languages_validate(value) -> None:
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError(_('Give a list of language codes, e.g. ["ja", "en"].'))
    unknown = [code for code in value if code not in LANGUAGE_NAMES]
    if unknown:
        raise ValidationError(
            _("Unknown language codes: %(codes)s. Use: %(known)s.")
            % {"codes": ", ".join(unknown), "known": ", ".join(LANGUAGE_NAMES)}
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("A language is listed twice."))
