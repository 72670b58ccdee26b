"""Test settings: fast hashing, in-memory cache and email, eager Celery."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
SECRET_KEY = "test-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests log in many times from one address; the lockout tests switch django-axes back on.
AXES_ENABLED = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = ""
# Tests need no manifest: they must not depend on collectstatic having run.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
TSUNAGU_PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private-media"
TOURISM_EVIDENCE_ROOT = TSUNAGU_PRIVATE_MEDIA_ROOT / "tourism-evidence"
# Tests import the statistics they need themselves; the demo keeps to the profile.
TSUNAGU_DEMO_STATISTICS = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared-cache memory database: shared cache answers concurrent
    # writers with "table is locked" at once instead of letting them wait their turn. One
    # file per process, so runs side by side don't share it.
    DATABASES["default"].setdefault("TEST", {})["NAME"] = str(  # noqa: F405
        BASE_DIR / "var" / f"test-db-{os.getpid()}.sqlite3"
    )
