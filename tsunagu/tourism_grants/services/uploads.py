"""Uploaded documents and report attachments: every file is checked (type by content, size,
virus scan: core.uploads) before anything is written."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tsunagu.core.uploads import CheckedUpload, upload_check

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_DOCUMENTS = 10


def uploads_check(files) -> list[CheckedUpload]:
    """The checked files; one ValidationError naming every bad one, so that a single rejected
    file rejects the whole submission."""
    files = list(files)
    if len(files) > MAX_DOCUMENTS:
        raise ValidationError(_("At most %(count)d files.") % {"count": MAX_DOCUMENTS})
    type_error = _("%(name)s is not a PDF, JPEG or PNG file (checked by its content).")
    checked, errors = [], []
    for file in files:
        try:
            checked.append(upload_check(file, max_bytes=MAX_DOCUMENT_BYTES, type_error=type_error))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return checked
