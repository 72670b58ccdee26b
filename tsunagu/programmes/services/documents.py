"""Uploaded application documents: a PDF, JPEG or PNG by its content, at most 5 MB each, passed
by the virus scan (the shared checker in core.uploads)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tsunagu.core.uploads import CheckedUpload, upload_check

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
MAX_DOCUMENTS = 5


def documents_check(files: list) -> list[CheckedUpload]:
    if len(files) > MAX_DOCUMENTS:
        raise ValidationError(_("Upload at most %(limit)d documents.") % {"limit": MAX_DOCUMENTS})
    return [upload_check(file, max_bytes=MAX_DOCUMENT_BYTES) for file in files]
