"""No page sees a half-logged-in user: someone with an authenticator whose session was not
verified with a code (a log-in through another door, such as the admin's own log-in page) is
logged out and sent to the code page, as after the password on the log-in page."""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, logout
from django.urls import reverse

from tsunagu.mfa.login_flow import two_factor_login_start
from tsunagu.mfa.selectors import two_factor_enabled


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and two_factor_enabled(user)
        ):
            backend = request.session.get(BACKEND_SESSION_KEY)
            logout(request)
            user.backend = backend or settings.AUTHENTICATION_BACKENDS[-1]
            next_url = request.get_full_path() if request.method == "GET" else reverse("web:home")
            return two_factor_login_start(request, user, next_url)
        return self.get_response(request)
