"""Importing a previewed statistics upload, in a Celery worker or inline without a broker."""

import logging
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model

from tsunagu.indicators.forms import StagedUpload
from tsunagu.indicators.importers import tidy
from tsunagu.indicators.importers.base import ImportFileError, TidyImport
from tsunagu.indicators.services.observations import ImportSummary, observations_import
from tsunagu.indicators.services.scoring import scores_refresh_later

logger = logging.getLogger(__name__)


def tidy_read(content: bytes, file_name: str, options: dict) -> TidyImport:
    """Read uploaded bytes with the tidy reader, which reads from a path."""
    with tempfile.TemporaryDirectory() as directory:
        local = Path(directory) / f"upload{Path(file_name).suffix.lower()}"
        local.write_bytes(content)
        return tidy.read(local, file_name=file_name, **options)


def staged_upload_import(*, staged: StagedUpload, user_id: int | None) -> ImportSummary | None:
    """Import a previewed upload; None when its staged file is gone (imported already).

    The import is one transaction: when it fails, or its worker is killed, nothing is written
    and the staged file stays, so the same confirmation can run again. The staged file is
    deleted once the import is written, or when the file no longer fits the database.
    """
    try:
        content = staged.content()
    except FileNotFoundError:
        logger.info("Staged upload %s is gone: imported already or abandoned", staged.key)
        return None
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        tidy_import = tidy_read(content, staged.file_name, staged.reader_options)
        summary = observations_import(tidy_import, sha256=staged.sha256, user=user)
    except ImportFileError:
        staged.discard()
        raise
    staged.discard()
    scores_refresh_later()
    return summary
