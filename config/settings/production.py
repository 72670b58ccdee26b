"""Production: PostgreSQL, Redis, Celery workers, behind a TLS-terminating reverse proxy."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REDIS_URL, env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The proxy (nginx) terminates TLS and must set X-Forwarded-Proto and append the client's
# address to X-Forwarded-For ($proxy_add_x_forwarded_for): the log-in lockout counts by it.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
TSUNAGU_PROXY_COUNT = env.int("TSUNAGU_PROXY_COUNT", default=1)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

_database = DATABASES["default"]  # noqa: F405
if _database["ENGINE"] == "django.db.backends.postgresql" and env.bool("DB_POOL", default=True):
    # A psycopg 3 connection pool per process (gunicorn worker, Celery worker): reused
    # connections double the booking benchmark's throughput. Size it so that every process's
    # max_size together stays below PostgreSQL's max_connections.
    _database["CONN_MAX_AGE"] = 0  # Django requires 0 with a pool
    _database.setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DB_POOL_MIN_SIZE", default=2),
        "max_size": env.int("DB_POOL_MAX_SIZE", default=10),
        # While PostgreSQL is down a request waits this long for a connection, then gets the
        # 503 page (tsunagu/core/errors.py); a few seconds, not the proxy's whole timeout.
        "timeout": env.float("DB_POOL_TIMEOUT", default=3.0),
        # psycopg retries a failed connection with a growing delay; giving up after a few
        # seconds starts the next attempt afresh, so the site is back within about a second
        # of PostgreSQL, even after a long outage.
        "reconnect_timeout": env.float("DB_POOL_RECONNECT_TIMEOUT", default=5.0),
    }
else:
    _database["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# A connection broken by a database restart is replaced, not handed to a request (with a
# pool, Django has psycopg's pool check each connection before lending it).
_database["CONN_HEALTH_CHECKS"] = True

if REDIS_URL:
    # Sessions live in the database and are read through Redis: a Redis outage costs a
    # query per request, not everybody's log-in.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Public uploads (photos, images) on local disk (MEDIA_ROOT) or on S3-compatible object
# storage (django-storages), e.g. TSUNAGU_MEDIA_STORAGE=s3, AWS_STORAGE_BUCKET_NAME,
# AWS_S3_ENDPOINT_URL, AWS_S3_REGION_NAME, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY.
# Private files (TSUNAGU_PRIVATE_MEDIA_ROOT: reports, evidence, applications) always stay
# on disk and are served only through views that check permissions; with several app
# servers that directory must be shared (e.g. NFS).
TSUNAGU_MEDIA_STORAGE = env("TSUNAGU_MEDIA_STORAGE", default="local")
if TSUNAGU_MEDIA_STORAGE == "s3":
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
                "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
                "region_name": env("AWS_S3_REGION_NAME", default=None),
                "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
                "default_acl": None,  # the bucket's policy decides
                "file_overwrite": False,
                "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            },
        },
    }
elif TSUNAGU_MEDIA_STORAGE != "local":
    raise ImproperlyConfigured(
        f"TSUNAGU_MEDIA_STORAGE must be local or s3, not {TSUNAGU_MEDIA_STORAGE!r}"
    )

# EMAIL_URL (smtp://user:password@host:587/?tls=True) sets the server; an explicit
# EMAIL_BACKEND still wins over the backend the URL implies.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="smtp://localhost:25")
vars().update(EMAIL_CONFIG)
EMAIL_BACKEND = env("EMAIL_BACKEND", default=EMAIL_CONFIG["EMAIL_BACKEND"])
