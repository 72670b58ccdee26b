"""Parsing the staff form: one row of fields per indicator, named `<field>_<number>`."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from tsunagu.biodiversity_index.services import ScoreInput
from tsunagu.core.uploads import upload_matches_extension

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_EXTENSIONS = (".pdf", ".csv", ".xlsx", ".png", ".jpg", ".jpeg", ".txt")


def _number(text: str, *, whole: bool) -> float | int | None:
    text = text.strip()
    if not text:
        return None
    return int(text) if whole else float(text)


def entries_from(post, files, numbers: list[int]) -> tuple[list[ScoreInput], dict[str, list[str]]]:
    """The submitted rows, and the problems found while reading them (per indicator).

    A row is submitted when its score field is; rows left out keep what is stored.
    """
    entries, errors = [], {}
    for number in numbers:
        if f"score_{number}" not in post:
            continue
        problems = []
        try:
            score = _number(post.get(f"score_{number}", ""), whole=True)
        except ValueError:
            score = None
            problems.append(_("the score must be a whole number from 0 to 4."))
        try:
            raw_value = _number(post.get(f"raw_value_{number}", ""), whole=False)
        except ValueError:
            raw_value = None
            problems.append(_("the value must be a number."))
        source_url = post.get(f"source_url_{number}", "").strip()
        if source_url:
            try:
                URLValidator(schemes=["http", "https"])(source_url)
            except ValidationError:
                problems.append(_("the source URL is not a valid http(s) address."))
        upload = files.get(f"evidence_file_{number}")
        if upload is not None:
            if upload.size > MAX_EVIDENCE_BYTES:
                problems.append(_("the evidence file is larger than 10 MB."))
            if not upload.name.lower().endswith(EVIDENCE_EXTENSIONS):
                problems.append(
                    _("the evidence file must be one of: %(types)s.")
                    % {"types": ", ".join(EVIDENCE_EXTENSIONS)}
                )
            elif not upload_matches_extension(upload, upload.name):
                problems.append(_("the evidence file's content does not match its extension."))
        if problems:
            errors[str(number)] = [
                _("Indicator %(number)s: %(problem)s") % {"number": number, "problem": p}
                for p in problems
            ]
        entries.append(
            ScoreInput(
                number=number,
                score=score,
                raw_value=raw_value,
                data_ja=post.get(f"data_ja_{number}", ""),
                data_en=post.get(f"data_en_{number}", ""),
                evidence_ja=post.get(f"evidence_ja_{number}", ""),
                evidence_en=post.get(f"evidence_en_{number}", ""),
                source_url=source_url,
                override_reason=post.get(f"override_reason_{number}", ""),
                evidence_file=upload,
            )
        )
    return entries, errors
