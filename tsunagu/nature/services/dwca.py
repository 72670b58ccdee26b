"""Darwin Core imports from the staff pages: the upload goes to a temporary folder first."""

import tempfile
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile

from tsunagu.nature.dwca import ImportReport, dwca_import


def dwca_upload_import(*, uploaded_file: UploadedFile, dry_run: bool, user) -> ImportReport:
    """Import an uploaded archive (atomic: DwcaError and nothing written on any bad row)."""
    name = Path(uploaded_file.name or "archive.zip").name or "archive.zip"
    with tempfile.TemporaryDirectory(prefix="tsunagu-upload-") as folder:
        path = Path(folder) / name
        with path.open("wb") as handle:
            for chunk in uploaded_file.chunks():
                handle.write(chunk)
        return dwca_import(path, dry_run=dry_run, user=user, file_name=name)
