"""The person's data page (download, deletion) and the staff audit of privacy requests."""

import io

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST, require_safe

from tsunagu.accounts.policy import is_city_staff
from tsunagu.privacy import selectors
from tsunagu.privacy.forms import DeletionForm
from tsunagu.privacy.services.download import personal_data_zip_write
from tsunagu.privacy.services.erasure import account_erase


def _my_data_page(request: HttpRequest, form: DeletionForm, status: int = 200) -> HttpResponse:
    return render(
        request,
        "privacy/my_data.html",
        {
            "counts": selectors.personal_data_counts(user=request.user),
            "form": form,
            "may_audit": is_city_staff(request.user),
        },
        status=status,
    )


@login_required
@require_safe
def my_data(request: HttpRequest) -> HttpResponse:
    return _my_data_page(request, DeletionForm(user=request.user))


@login_required
@require_POST
def download(request: HttpRequest) -> FileResponse:
    buffer = io.BytesIO()
    personal_data_zip_write(user=request.user, out=buffer)
    buffer.seek(0)
    name = f"tsunagu-personal-data-{timezone.localdate():%Y%m%d}.zip"
    return FileResponse(buffer, as_attachment=True, filename=name, content_type="application/zip")


@sensitive_post_parameters("password")
@login_required
@require_POST
def delete(request: HttpRequest) -> HttpResponse:
    form = DeletionForm(request.POST, user=request.user)
    if not form.is_valid():
        return _my_data_page(request, form)
    try:
        privacy_request = account_erase(user=request.user)
    except Exception:  # recorded as a failed request by account_erase
        messages.error(
            request,
            _(
                "Your account could not be deleted. Nothing was changed; please try again "
                "or contact the secretariat."
            ),
        )
        return redirect("privacy:my_data")
    logout(request)
    messages.success(
        request,
        _("Your account has been deleted. Reference: %(reference)s")
        % {"reference": privacy_request.subject_reference},
    )
    return redirect("web:privacy")


@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    if not is_city_staff(request.user):
        raise PermissionDenied
    return render(
        request, "privacy/request_list.html", {"requests": selectors.privacy_request_list()[:500]}
    )
