"""Uploaded evidence: a PDF, JPEG or PNG by its content, at most 10 MB, passed by the virus
scan (the shared checker in core.uploads)."""

from tsunagu.core.uploads import upload_check

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024


def evidence_check(file) -> str:
    """The real content type of an upload; ValidationError if it is empty, too large, not a
    PDF/JPEG/PNG or rejected by the virus scan."""
    return upload_check(file, max_bytes=MAX_EVIDENCE_BYTES).content_type
