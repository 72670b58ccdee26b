from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.views import PasswordResetView
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from config.api import api
from tsunagu.accounts.forms import QueuedPasswordResetForm
from tsunagu.web.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
# Japanese pages at /, English pages under /en/.
urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include("tsunagu.accounts.urls")),
    path("", include("tsunagu.privacy.urls")),
    path("", include("tsunagu.mfa.urls")),
    # password reset and change (Django's views, used by new partner members); the reset
    # email is sent by a worker like every other
    path(
        "accounts/password_reset/",
        PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("tsunagu.core.urls")),
    path("", include("tsunagu.indicators.urls")),
    path("", include("tsunagu.partners.urls")),
    path("", include("tsunagu.events.urls")),
    path("", include("tsunagu.projects.urls")),
    path("", include("tsunagu.suggestions.urls")),
    path("", include("tsunagu.search.urls")),
    path("nature/", include("tsunagu.nature.urls")),
    path("nature/culture/", include("tsunagu.biocultural.urls")),
    path("nature/biodiversity-index/", include("tsunagu.biodiversity_index.urls")),
    path("crafts/experiences/", include("tsunagu.experiences.urls")),
    path("crafts/programmes/", include("tsunagu.programmes.urls")),
    path("crafts/", include("tsunagu.crafts.urls")),
    path("network/", include("tsunagu.network.urls")),
    path("tourism/grants/", include("tsunagu.tourism_grants.urls")),
    path("tourism/statistics/", include("tsunagu.tourism_stats.urls")),
    path("tourism/", include("tsunagu.tourism.urls")),
    path("reports/", include("tsunagu.reports.urls")),
    path("", include("tsunagu.web.urls")),
    prefix_default_language=False,
)
# A lost database answers 503 "temporarily unavailable" (tsunagu/core/errors.py).
handler500 = "tsunagu.core.errors.server_error"
