"""Darwin Core staff pages: import an archive (or try it), see past imports, download exports.

Exports are for city staff only: writing a million-row archive takes about a minute, which is
not something an anonymous request should be able to start. Publishing to GBIF goes through
these files (or the export_dwca command run on a schedule)."""

import tempfile

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tsunagu.accounts.policy import is_city_staff
from tsunagu.nature.dwca import DwcaError, dwca_export_write
from tsunagu.nature.models import Campaign
from tsunagu.nature.selectors import dwca as selectors
from tsunagu.nature.services.dwca import dwca_upload_import

MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class ImportForm(forms.Form):
    archive = forms.FileField(
        label=_("Darwin Core Archive"),
        help_text=_(
            "A zip or tar.gz archive, or one Simple Darwin Core CSV file (200 MB at most)."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: check and count, write nothing"), required=False, initial=True
    )

    def clean_archive(self):
        archive = self.cleaned_data["archive"]
        if archive.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 200 MB."))
        return archive


def _staff(request: HttpRequest) -> None:
    if not is_city_staff(request.user):
        raise PermissionDenied


@login_required
def dwca_home(request: HttpRequest) -> HttpResponse:
    _staff(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = errors = None
    if request.method == "POST" and form.is_valid():
        try:
            report = dwca_upload_import(
                uploaded_file=form.cleaned_data["archive"],
                dry_run=form.cleaned_data["dry_run"],
                user=request.user,
            )
        except DwcaError as error:
            errors = error.messages
    return render(
        request,
        "nature/dwca/dwca_home.html",
        {
            "form": form,
            "report": report,
            "errors": errors,
            "history": selectors.dwca_import_history(),
            "campaigns": selectors.dwca_exportable_campaigns(),
        },
        status=400 if errors else 200,
    )


@login_required
def dwca_export(request: HttpRequest) -> FileResponse:
    _staff(request)
    slug = request.GET.get("campaign") or None
    if slug is not None and not Campaign.objects.filter(slug=slug).exists():
        raise Http404
    include_imported = request.GET.get("imported") == "1"
    # A temporary file, not memory: deleted when the response closes it.
    handle = tempfile.TemporaryFile(prefix="tsunagu-dwca-")  # noqa: SIM115 (FileResponse closes it)
    dwca_export_write(handle, campaign=slug, include_imported=include_imported)
    handle.seek(0)
    stamp = timezone.localdate().isoformat()
    name = f"tsunagu-{slug or 'observations'}-dwca-{stamp}.zip"
    return FileResponse(handle, as_attachment=True, filename=name, content_type="application/zip")
