"""Admin forms: the statistics upload with its preview, and indicator editing.

A dry run shows a preview, and "Confirm import" must import exactly the bytes that were
previewed. The uploaded file is therefore staged in the default storage under a random name,
and the confirm form carries a signed, time-limited token naming it together with the SHA-256
of its content, the reader options (edition, rank, credits) and the uploading user. Why:

- nothing lives in the session, in one process's memory or in one host's /tmp, so the confirm
  request may reach another worker or host (the default storage may be shared storage);
- the browser never sends the file twice, so no second upload and no size limit on hidden
  fields;
- the signature stops a token from naming another file or serving another user, the hash
  proves the content is what was previewed, and the rank fixed at preview time makes the
  preview and the import agree;
- the staged file is deleted after the import, and staged files of abandoned previews are
  deleted by the next upload once older than STAGE_MAX_AGE.
"""

import hashlib
import secrets
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import PurePosixPath

from django import forms
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.validators import FileExtensionValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tsunagu.indicators.formula import formula_statistics
from tsunagu.indicators.models import Indicator

STAGE_DIR = "indicators/staged-uploads"
STAGE_MAX_AGE = 60 * 60
STAGE_SALT = "tsunagu.indicators.statistics-upload"


class StatisticsUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "Tidy CSV (UTF-8) or Excel (.xlsx) with the columns statistic, area, year, value "
            "and optionally disaggregation, status, statistic_name_ja, statistic_name_en, unit."
        ),
        validators=[FileExtensionValidator(["csv", "xlsx"])],
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    edition = forms.CharField(
        label=_("Edition"),
        max_length=60,
        required=False,
        help_text=_("Defaults to the file name."),
    )
    credit_ja = forms.CharField(label=_("Source (Japanese)"), max_length=300, required=False)
    credit_en = forms.CharField(label=_("Source (English)"), max_length=300, required=False)
    dry_run = forms.BooleanField(
        label=_("Dry run: preview the changes, write nothing"), required=False, initial=True
    )


@dataclass(frozen=True)
class StagedUpload:
    """A previewed file waiting for confirmation, and the options it was previewed with."""

    key: str
    file_name: str
    sha256: str
    edition: str
    edition_rank: int
    credit_ja: str
    credit_en: str
    user_id: int

    @property
    def storage_name(self) -> str:
        return f"{STAGE_DIR}/{self.key}{PurePosixPath(self.file_name).suffix.lower()}"

    @property
    def token(self) -> str:
        return signing.dumps(asdict(self), salt=STAGE_SALT, compress=True)

    @property
    def reader_options(self) -> dict:
        return {
            "edition": self.edition,
            "edition_rank": self.edition_rank,
            "credit_ja": self.credit_ja,
            "credit_en": self.credit_en,
        }

    def content(self) -> bytes:
        with default_storage.open(self.storage_name, "rb") as staged:
            return staged.read()

    def discard(self) -> None:
        default_storage.delete(self.storage_name)


def _stale_uploads_delete() -> None:
    try:
        _directories, names = default_storage.listdir(STAGE_DIR)
    except FileNotFoundError:
        return
    oldest = timezone.now() - timedelta(seconds=STAGE_MAX_AGE)
    for name in names:
        path = f"{STAGE_DIR}/{name}"
        try:
            if default_storage.get_modified_time(path) < oldest:
                default_storage.delete(path)
        except (FileNotFoundError, NotImplementedError):
            continue


def upload_stage(
    *,
    content: bytes,
    file_name: str,
    user_id: int,
    edition: str,
    edition_rank: int,
    credit_ja: str,
    credit_en: str,
) -> StagedUpload:
    """Keep a previewed file for its confirmation; `token` names it in the confirm form."""
    _stale_uploads_delete()
    staged = StagedUpload(
        key=secrets.token_urlsafe(24),
        file_name=file_name,
        sha256=hashlib.sha256(content).hexdigest(),
        edition=edition,
        edition_rank=edition_rank,
        credit_ja=credit_ja,
        credit_en=credit_en,
        user_id=user_id,
    )
    default_storage.save(staged.storage_name, ContentFile(content))
    return staged


class StatisticsConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.content = b""

    def clean_token(self) -> StagedUpload:
        expired = forms.ValidationError(
            _("This preview has expired or is not valid: upload the file again."),
            code="expired",
        )
        try:
            staged = StagedUpload(
                **signing.loads(self.cleaned_data["token"], salt=STAGE_SALT, max_age=STAGE_MAX_AGE)
            )
        except (signing.BadSignature, TypeError):
            raise expired from None
        if staged.user_id != self.user.pk:
            raise expired
        try:
            self.content = staged.content()
        except FileNotFoundError:
            raise expired from None
        if hashlib.sha256(self.content).hexdigest() != staged.sha256:
            raise expired
        return staged


class IndicatorAdminForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["formula"]  # the admin adds the fields of its fieldsets

    def clean_formula(self) -> str:
        formula = self.cleaned_data["formula"]
        try:
            formula_statistics(formula)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
        return formula
