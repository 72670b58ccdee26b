"""Uploaded application documents: the type is read from the content, not the name."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
MAX_DOCUMENTS = 5
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}


@dataclass(frozen=True)
class CheckedDocument:
    file: object
    name: str
    content_type: str
    size: int


def _is_pdf(file) -> bool:
    file.seek(0)
    head = file.read(5)
    file.seek(0)
    return head == b"%PDF-"


def _image_type(file) -> str | None:
    file.seek(0)
    try:
        with Image.open(file) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        file.seek(0)
    return IMAGE_TYPES.get(image_format or "")


def document_check(file) -> CheckedDocument:
    """The document with its real content type; ValidationError if it is not a PDF, JPEG or
    PNG, is empty or is too large."""
    name = getattr(file, "name", "") or "document"
    size = getattr(file, "size", 0) or 0
    if size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": name})
    if size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("%(name)s is larger than %(limit)d MB.")
            % {"name": name, "limit": MAX_DOCUMENT_BYTES // (1024 * 1024)}
        )
    content_type = "application/pdf" if _is_pdf(file) else _image_type(file)
    if content_type is None:
        raise ValidationError(_("%(name)s is not a PDF, JPEG or PNG file.") % {"name": name})
    return CheckedDocument(file=file, name=name[:200], content_type=content_type, size=size)


def documents_check(files: list) -> list[CheckedDocument]:
    if len(files) > MAX_DOCUMENTS:
        raise ValidationError(_("Upload at most %(limit)d documents.") % {"limit": MAX_DOCUMENTS})
    return [document_check(file) for file in files]
