"""Darwin Core imports from the staff pages: the upload goes to a temporary folder first."""

import tempfile
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile

from tsunagu.nature.dwca import ImportReport, dwca_import


def dwca_upload_import(*, uploaded_file: UploadedFile, dry_run: bool, user) -> ImportReport:
    """Import an uploaded archive (atomic: DwcaError and nothing written on any bad row)."""
    name = Path(uploaded_file.name or "archive.zip").name or "archive.zip"
    # The folder's copy keeps the extension (it tells a lone CSV from an archive) but not a
    # name longer than the file system allows (255 bytes; a character takes up to 4).
    short = Path(name)
    with tempfile.TemporaryDirectory(prefix="tsunagu-upload-") as folder:
        path = Path(folder) / f"{short.stem[:50]}{short.suffix[:8]}"
        with path.open("wb") as handle:
            for chunk in uploaded_file.chunks():
                handle.write(chunk)
        return dwca_import(path, dry_run=dry_run, user=user, file_name=name)
