"""Uploaded files are checked by their content, never by their name or the browser's word.

One checker for every app that keeps what people upload as PDF, JPEG or PNG (tourism evidence,
grant documents and reports, programme documents); each app keeps its own size limit. The real
type is read from the content (a PDF's header, an image opened by Pillow), then the file goes to
the virus-scan hook: `settings.TSUNAGU_VIRUS_SCAN`, the dotted path of a callable
`f(file) -> reason to reject | None` (e.g. a ClamAV client); empty means no scan."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
IMAGE_TYPES = {"JPEG": JPEG, "PNG": PNG}
MAX_NAME_LENGTH = 200
MB = 1024 * 1024


@dataclass(frozen=True)
class CheckedUpload:
    file: object
    name: str
    content_type: str
    size: int


def upload_name(file) -> str:
    """The file's own name, without any folder, cut to what the models store."""
    name = (getattr(file, "name", "") or "").replace("\\", "/").rsplit("/", 1)[-1]
    return (name or "file")[:MAX_NAME_LENGTH]


def upload_type_sniff(file) -> str | None:
    """application/pdf, image/jpeg or image/png as read from the content; None for anything
    else, a damaged image included. The file is left at its start."""
    file.seek(0)
    head = file.read(5)
    file.seek(0)
    if head == b"%PDF-":
        return PDF
    try:
        with Image.open(file) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        file.seek(0)
    return IMAGE_TYPES.get(image_format or "")


def upload_size_check(file, *, max_bytes: int, name: str) -> int:
    """The file's size; ValidationError if it is empty or larger than `max_bytes`."""
    size = getattr(file, "size", 0) or 0
    if size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": name})
    if size > max_bytes:
        raise ValidationError(
            _("%(name)s is larger than %(limit)d MB.") % {"name": name, "limit": max_bytes // MB}
        )
    return size


def virus_scan_none(file) -> str | None:
    """The default hook: no scanner configured. A hook returns a reason to reject, or None."""
    return None


def virus_scan_hook() -> Callable[[object], str | None]:
    path = getattr(settings, "TSUNAGU_VIRUS_SCAN", "")
    return import_string(path) if path else virus_scan_none


def upload_virus_scan(file, *, name: str) -> None:
    """ValidationError with the scanner's reason if the hook rejects the file."""
    file.seek(0)
    try:
        rejected = virus_scan_hook()(file)
    finally:
        file.seek(0)
    if rejected:
        raise ValidationError(
            _("%(name)s was rejected by the virus scan: %(reason)s")
            % {"name": name, "reason": rejected}
        )


def upload_check(file, *, max_bytes: int, type_error: str | None = None) -> CheckedUpload:
    """The upload with its real content type; ValidationError (one message) if it is empty,
    larger than `max_bytes`, not a PDF, JPEG or PNG by its content, or rejected by the virus
    scan. `type_error` (with `%(name)s`) replaces the default message for a wrong type."""
    name = upload_name(file)
    size = upload_size_check(file, max_bytes=max_bytes, name=name)
    content_type = upload_type_sniff(file)
    if content_type is None:
        message = type_error or _("%(name)s is not a PDF, JPEG or PNG file.")
        raise ValidationError(message % {"name": name})
    upload_virus_scan(file, name=name)
    return CheckedUpload(file=file, name=name, content_type=content_type, size=size)
