"""Settings shared by every environment; values come from the environment (django-environ)."""

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "tsunagu.core",
    "tsunagu.accounts",
    "tsunagu.indicators",
    "tsunagu.partners",
    "tsunagu.events",
    "tsunagu.projects",
    "tsunagu.suggestions",
    "tsunagu.search",
    "tsunagu.nature",
    "tsunagu.biocultural",
    "tsunagu.biodiversity_index",
    "tsunagu.crafts",
    "tsunagu.experiences",
    "tsunagu.programmes",
    "tsunagu.network",
    "tsunagu.tourism",
    "tsunagu.tourism_grants",
    "tsunagu.tourism_stats",
    "tsunagu.reports",
    "tsunagu.web",
    "tsunagu.ops",
    "tsunagu.privacy",
    "tsunagu.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "tsunagu.web.middleware.AcceptLanguageOutsidePagesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step log-in: marks sessions verified with a code; stops unverified ones of users
    # who turned it on (tsunagu.mfa).
    "django_otp.middleware.OTPMiddleware",
    "tsunagu.mfa.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tsunagu.web.context_processors.site",
            ],
        },
    },
]

# SQLite under var/ is the embedded default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'tsunagu.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # template0 lets the test database take UTF-8 whatever template1 holds.
    DATABASES["default"].setdefault("TEST", {}).update({"TEMPLATE": "template0", "CHARSET": "UTF8"})
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock when their transaction begins and wait up to 20 s for it, so
    # concurrent requests queue instead of failing with "database is locked"; WAL lets
    # readers go on while one writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    # A Redis outage reads as cache misses (pages keep working from the database).
    CACHES = {
        "default": {
            "BACKEND": "tsunagu.core.cache_backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long cached public responses and fragments live at most. Data changes invalidate them
# at once through a shared cache (Redis); per-process caches of other processes see a change
# only when their copy expires, hence the short default without Redis.
TSUNAGU_PAGE_CACHE_SECONDS = env.int("TSUNAGU_PAGE_CACHE_SECONDS", default=600 if REDIS_URL else 30)

AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a locked-out log-in before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Log-in lockout (django-axes): after 5 failed log-ins for one email address from one IP
# address that pair is locked out for 15 minutes; an administrator unlocks it earlier by
# deleting the entry under Admin > Axes > Access attempts. Only failures are recorded.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"  # the log-in forms' field name; it holds the email
AXES_USERNAME_CALLABLE = "tsunagu.accounts.lockout.lockout_username"
AXES_CLIENT_IP_CALLABLE = "tsunagu.accounts.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "tsunagu.accounts.views.login_locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
# Optional two-step log-in (django-otp) for staff and assessors: the name authenticator apps
# show next to the code. Wrong codes also count as failed log-ins for the lockout above.
OTP_TOTP_ISSUER = env("TSUNAGU_OTP_ISSUER", default="Tsunagu")
# Reverse proxies in front of the site that append to X-Forwarded-For (production: nginx).
TSUNAGU_PROXY_COUNT = env.int("TSUNAGU_PROXY_COUNT", default=0)

# Security headers, in every environment so that the browser tests see what users get.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# The raster base map of the campaign and workshop maps (GSI's pale map, free with
# attribution); a deployment may serve its own tiles.
TSUNAGU_BASEMAP_TILES = env(
    "TSUNAGU_BASEMAP_TILES", default="https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png"
)


def _tile_source(url_template: str) -> str:
    """The CSP source of a tile URL template; a {s} subdomain placeholder becomes `*`."""
    parts = urlsplit(url_template)
    host = re.sub(r"\{[^}]*\}", "*", parts.netloc)
    return f"{parts.scheme}://{host}"


# Content-Security-Policy (django-csp): scripts only from our own static files, no inline
# script or eval. Inline styles stay allowed: ECharts, MapLibre and htmx set them. MapLibre
# runs its worker from a blob: URL and fetches the base-map tiles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", _tile_source(TSUNAGU_BASEMAP_TILES)],
        "connect-src": [SELF, _tile_source(TSUNAGU_BASEMAP_TILES)],
        "font-src": [SELF, "data:"],
        "worker-src": [SELF, "blob:"],
        "child-src": [SELF, "blob:"],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}

# Japanese is the default language; English pages live under /en/.
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Tokyo"
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "ja"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("ja", "en")}

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "static")))
# Front-end libraries copied from node_modules by scripts/vendor_assets.py (git-ignored).
STATICFILES_DIRS = [("vendor", VAR_DIR / "vendor")]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Uploads that only their owners, staff and assigned reviewers may read (evidence, grant
# documents); served by permission-checked views, never as a folder.
TSUNAGU_PRIVATE_MEDIA_ROOT = Path(
    env("TSUNAGU_PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private-media"))
)
TOURISM_EVIDENCE_ROOT = Path(
    env("TOURISM_EVIDENCE_ROOT", default=str(TSUNAGU_PRIVATE_MEDIA_ROOT / "tourism-evidence"))
)
# Every checked upload (core.uploads) goes to this hook: the dotted path of
# f(file) -> rejection reason or None, e.g. a ClamAV client; empty: no scan.
# TOURISM_VIRUS_SCAN is its former name, still read when the new one is not set.
TSUNAGU_VIRUS_SCAN = env("TSUNAGU_VIRUS_SCAN", default="") or env("TOURISM_VIRUS_SCAN", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Celery runs tasks inline when no broker is configured (the embedded default).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
# The broker is Redis (redis://) or RabbitMQ (amqp://), chosen by the URL alone. A request
# that enqueues must learn within about a second that the broker is down (tsunagu.core.tasks
# then runs the task inline or reports it), not hang on kombu's default retries.
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECTION_TIMEOUT", default=2.0)
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
if CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
# A task is acknowledged when it finishes, so one whose worker dies is delivered again
# (imports and report builds are atomic, so running them twice is safe).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Periodic tasks (run by `celery -A config.celery_app beat`); each app owns its task.
CELERY_BEAT_SCHEDULE = {
    "projects-mark-stale-inactive": {
        "task": "tsunagu.projects.tasks.projects_mark_stale_inactive",
        "schedule": 24 * 60 * 60,
    },
    "events-send-reminders": {
        "task": "tsunagu.events.tasks.event_reminders_send",
        "schedule": 60 * 60,
    },
    "experiences-expire-offers": {
        "task": "tsunagu.experiences.tasks.experiences_offers_expire",
        "schedule": 10 * 60,
    },
    "experiences-generate-slots": {
        "task": "tsunagu.experiences.tasks.experiences_slots_generate",
        "schedule": 24 * 60 * 60,
    },
    "tourism-certificates-daily": {
        "task": "tsunagu.tourism.tasks.tourism_certificates_daily",
        "schedule": 24 * 60 * 60,
    },
}

# Absolute links in emails (booking confirmations, waiting-list offers).
TSUNAGU_SITE_URL = env("TSUNAGU_SITE_URL", default="http://127.0.0.1:8000")
# How long seats freed for a waiting-list group are held for it to accept.
EXPERIENCES_OFFER_HOLD_HOURS = env.int("EXPERIENCES_OFFER_HOLD_HOURS", default=12)

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="tsunagu@localhost")

# Where the shared public datasets live (SSDSE, boundaries, ...); see README "Data".
TSUNAGU_DATA_DIR = Path(env("TSUNAGU_DATA_DIR", default=str(BASE_DIR.parent / "shared" / "data")))
# Whether `load_demo` imports the real statistics found in TSUNAGU_DATA_DIR.
TSUNAGU_DEMO_STATISTICS = env.bool("TSUNAGU_DEMO_STATISTICS", default=True)
# The city this installation serves (5-digit local government code).
TSUNAGU_CITY_CODE = env("TSUNAGU_CITY_CODE", default="17201")

# Error reports (500 emails, the debug page) leave out personal data.
DEFAULT_EXCEPTION_REPORTER = "tsunagu.privacy.error_reports.PersonalDataExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = (
    "tsunagu.privacy.error_reports.PersonalDataExceptionReporterFilter"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Django's own console handler would print every message a second time via the root.
    "loggers": {
        "django": {"handlers": [], "propagate": True},
        # WeasyPrint reports every page it lays out at INFO: about 60 lines per report PDF.
        "weasyprint.progress": {"level": "WARNING"},
        # django-axes announces itself at INFO in every process, management commands too.
        "axes.apps": {"level": "WARNING"},
    },
}

# The map's covering indexes INCLUDE columns on PostgreSQL; SQLite builds them without.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
