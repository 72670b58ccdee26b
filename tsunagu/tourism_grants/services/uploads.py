"""Uploaded documents are checked by content, not by name: a PDF must start like a PDF, an image
must open in Pillow as JPEG or PNG."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_DOCUMENTS = 10
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}


@dataclass(frozen=True)
class CheckedUpload:
    file: object
    name: str
    content_type: str


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


def uploads_check(files) -> list[CheckedUpload]:
    """Every file checked before anything is written; ValidationError names the bad ones."""
    files = list(files)
    if len(files) > MAX_DOCUMENTS:
        raise ValidationError(_("At most %(count)d files.") % {"count": MAX_DOCUMENTS})
    checked, errors = [], []
    for file in files:
        name = (getattr(file, "name", "") or "file").rsplit("/", 1)[-1][:200]
        if getattr(file, "size", 0) > MAX_DOCUMENT_BYTES:
            errors.append(
                _("%(name)s is larger than %(limit)d MB.")
                % {"name": name, "limit": MAX_DOCUMENT_BYTES // (1024 * 1024)}
            )
            continue
        content_type = _content_type(file)
        if content_type is None:
            errors.append(
                _("%(name)s is not a PDF, JPEG or PNG file (checked by its content).")
                % {"name": name}
            )
            continue
        checked.append(CheckedUpload(file=file, name=name, content_type=content_type))
    if errors:
        raise ValidationError(errors)
    return checked
