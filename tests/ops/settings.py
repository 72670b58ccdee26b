"""Production settings for the fault and scale-out tests, with plain static files.

Everything comes from config.settings.production except the static files storage: the
compressed manifest needs a collectstatic of about a minute, and whitenoise is not what these
tests are about.
"""

from config.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
