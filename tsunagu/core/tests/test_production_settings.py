"""Production settings resolve from the environment alone and pass `check --deploy`."""

import json
import os
import subprocess
import sys

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "k" * 20 + "x7Qv!s9#Lm2@pZ4&rT6*wY8^bN0%cF3$hJ5(",
    "ALLOWED_HOSTS": "tsunagu.example.org",
    "DATABASE_URL": "postgres://tsunagu@db.example.org:5432/tsunagu",
    "REDIS_URL": "redis://cache.example.org:6379/0",
    "CELERY_BROKER_URL": "amqp://tsunagu:secret@mq.example.org:5672/tsunagu",
    "DB_POOL_MAX_SIZE": "7",
    "TSUNAGU_MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "tsunagu-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
}

SCRIPT = """
import json
from django.conf import settings as s
from django.core.files.storage import storages
media = storages['default']
from config.celery_app import app
db = s.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "conn_max_age": db["CONN_MAX_AGE"], "pool": db["OPTIONS"]["pool"],
    "cache": s.CACHES["default"]["BACKEND"], "sessions": s.SESSION_ENGINE,
    "eager": app.conf.task_always_eager, "transport": app.connection_for_write().transport_cls,
    "beat": sorted(s.CELERY_BEAT_SCHEDULE), "storage": type(media).__name__,
    "bucket": media.bucket_name, "endpoint": media.endpoint_url,
}))
"""


def _production(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tsunagu.manage", *command],
        env={**os.environ, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_production_settings_use_the_pool_redis_rabbitmq_and_s3():
    result = _production("shell", "-c", SCRIPT)
    assert result.returncode == 0, result.stderr[-2000:]
    resolved = json.loads(result.stdout.strip().splitlines()[-1])
    assert resolved["engine"] == "django.db.backends.postgresql"
    assert resolved["conn_max_age"] == 0
    assert resolved["pool"]["max_size"] == 7
    assert resolved["cache"] == "tsunagu.core.cache_backends.ResilientRedisCache"
    assert resolved["sessions"] == "django.contrib.sessions.backends.cached_db"
    assert resolved["eager"] is False
    assert resolved["transport"] == "amqp"
    assert "experiences-expire-offers" in resolved["beat"]
    assert resolved["storage"] == "S3Storage"
    assert resolved["bucket"] == "tsunagu-media"
    assert resolved["endpoint"] == "https://s3.example.org"


def test_production_passes_check_deploy_without_warnings():
    result = _production("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_production_email_comes_from_email_url_and_an_explicit_backend_wins(monkeypatch):
    script = (
        "from django.conf import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT)"
    )
    monkeypatch.setenv("EMAIL_URL", "smtp://mail.example.org:587")
    monkeypatch.delenv("EMAIL_BACKEND", raising=False)
    from_url = _production("shell", "-c", script)
    monkeypatch.setenv("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    explicit = _production("shell", "-c", script)

    assert from_url.stdout.split()[-3:] == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
        "587",
    ]
    assert explicit.stdout.split()[-3] == "django.core.mail.backends.console.EmailBackend"
