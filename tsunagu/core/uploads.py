"""Uploaded files are checked by their content, never by their name or the browser's word.

One checker for every app that keeps what people upload as PDF, JPEG or PNG (tourism evidence,
grant documents and reports, programme documents); each app keeps its own size limit. The real
type is read from the content (a PDF's header, an image opened by Pillow), then the file goes to
the virus-scan hook: `settings.TSUNAGU_VIRUS_SCAN`, the dotted path of a callable
`f(file) -> reason to reject | None` (e.g. a ClamAV client); empty means no scan."""

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
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


def _is_text(file) -> bool:
    data = file.read(1024 * 1024)
    if b"\x00" in data:
        return False
    for encoding in ("utf-8", "cp932"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError as error:
            if error.start >= len(data) - 4:  # a character cut at the 1 MB boundary
                return True
        else:
            return True
    return False


def _is_xlsx(file) -> bool:
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "[Content_Types].xml" in names and "xl/workbook.xml" in names


def upload_matches_extension(file, name: str) -> bool:
    """Whether the content is what the name's extension says: PDF, JPEG, PNG by their
    signatures, XLSX as an Office workbook, CSV and TXT as text (UTF-8 or Shift_JIS, no NUL).
    An HTML page or a program renamed .pdf or .csv is refused."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    file.seek(0)
    try:
        if extension in ("csv", "txt"):
            return _is_text(file)
        if extension == "xlsx":
            return _is_xlsx(file)
        expected = {"pdf": PDF, "jpg": JPEG, "jpeg": JPEG, "png": PNG}.get(extension)
        return expected is not None and upload_type_sniff(file) == expected
    finally:
        file.seek(0)


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


class PrivateMediaStorage(FileSystemStorage):
    """Files under TSUNAGU_PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT: they have no URL, and only
    views that check permissions stream them. The folder is read from the settings at each
    use, so a changed setting (tests, a restored backup) takes effect at once."""

    @property
    def base_location(self) -> str:
        return str(settings.TSUNAGU_PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return str(Path(self.base_location).resolve())

    @property
    def base_url(self) -> None:
        return None

    def url(self, name):
        raise ValueError("private files have no public URL")


_private_media_storage = PrivateMediaStorage()


def private_media_storage() -> PrivateMediaStorage:
    """The storage of private uploads (a callable, so migrations name it, not its folder)."""
    return _private_media_storage
