"""Uploaded evidence: type read from the content, size limit, virus-scan hook."""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}


def virus_scan_none(file) -> str | None:
    """The default hook: no scanner configured. A hook returns a reason to reject, or None."""
    return None


def virus_scan_hook() -> Callable:
    path = getattr(settings, "TOURISM_VIRUS_SCAN", "")
    return import_string(path) if path else virus_scan_none


def _content_type(file) -> str | None:
    file.seek(0)
    head = file.read(5)
    file.seek(0)
    if head == b"%PDF-":
        return "application/pdf"
    try:
        with Image.open(file) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        file.seek(0)
    return IMAGE_TYPES.get(image_format or "")


def evidence_check(file) -> str:
    """The real content type of an upload; ValidationError if it is empty, too large, not a
    PDF/JPEG/PNG or rejected by the virus scan."""
    name = getattr(file, "name", "") or "file"
    size = getattr(file, "size", 0) or 0
    if size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": name})
    if size > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            _("%(name)s is larger than %(limit)d MB.")
            % {"name": name, "limit": MAX_EVIDENCE_BYTES // (1024 * 1024)}
        )
    content_type = _content_type(file)
    if content_type is None:
        raise ValidationError(_("%(name)s is not a PDF, JPEG or PNG file.") % {"name": name})
    rejected = virus_scan_hook()(file)
    file.seek(0)
    if rejected:
        raise ValidationError(
            _("%(name)s was rejected by the virus scan: %(reason)s")
            % {"name": name, "reason": rejected}
        )
    return content_type
