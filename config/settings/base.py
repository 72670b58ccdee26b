"""Settings shared by every environment; values come from the environment (django-environ)."""

from pathlib import Path

import environ
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
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
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
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

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
    },
}

# The map's covering indexes INCLUDE columns on PostgreSQL; SQLite builds them without.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
