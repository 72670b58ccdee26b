"""Organisation pages, sign-in and the assessor's review assignments."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from tsunagu.accounts import selectors, services
from tsunagu.accounts.forms import EmailAuthenticationForm, OrganisationProfileForm, SignupForm
from tsunagu.accounts.models import Organisation
from tsunagu.accounts.policy import can_edit, can_review, can_view
from tsunagu.mfa.login_flow import two_factor_login_start
from tsunagu.mfa.selectors import two_factor_enabled


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        # The right password is only the first step for someone with an authenticator app.
        user = form.get_user()
        if two_factor_enabled(user):
            return two_factor_login_start(self.request, user, self.get_success_url())
        return super().form_valid(form)


def login_locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """django-axes' answer to a log-in after too many failures (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/lockout.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes},
        status=429,
    )


def signup(request):
    """Anyone may open a citizen account (to submit observations, join surveys, register)."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    if request.user.is_authenticated:
        return redirect(next_url or "web:home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.user_signup(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            full_name=form.cleaned_data["full_name"],
            language=translation.get_language() or "ja",
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect(next_url or "web:home")
    return render(request, "accounts/signup.html", {"form": form, "next": next_url})


def organisation_list(request):
    organisations = selectors.organisation_list(user=request.user)
    return render(request, "accounts/organisation_list.html", {"organisations": organisations})


def _organisation_visible(request, slug: str) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not can_view(request.user, organisation):
        raise Http404
    return organisation


def organisation_detail(request, slug: str):
    organisation = _organisation_visible(request, slug)
    return render(
        request,
        "accounts/organisation_detail.html",
        {
            "organisation": organisation,
            "may_edit": can_edit(request.user, organisation),
        },
    )


@login_required
def organisation_edit(request, slug: str):
    organisation = _organisation_visible(request, slug)
    if not can_edit(request.user, organisation):
        raise PermissionDenied
    initial = {
        "description_ja": organisation.description_ja,
        "description_en": organisation.description_en,
        "website": organisation.website,
        "goals": list(organisation.sdg_goals),
    }
    form = OrganisationProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.organisation_profile_update(organisation=organisation, **form.cleaned_data)
        messages.success(request, _("The profile was saved."))
        return redirect("accounts:organisation_detail", slug=organisation.slug)
    return render(
        request, "accounts/organisation_form.html", {"organisation": organisation, "form": form}
    )


@login_required
def review_list(request):
    assignments = selectors.review_assignment_list(user=request.user)
    return render(request, "accounts/review_list.html", {"assignments": assignments})


@login_required
def review_detail(request, pk: int):
    assignment = get_object_or_404(selectors.review_assignment_list(user=request.user), pk=pk)
    if not can_review(request.user, assignment.content_object):
        raise PermissionDenied
    return render(request, "accounts/review_detail.html", {"assignment": assignment})
