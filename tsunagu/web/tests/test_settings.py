"""Settings per environment: production passes Django's deployment checks."""

import os
import subprocess
import sys

from django.conf import settings


def _check_deploy(extra_env: dict[str, str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", **extra_env}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "tsunagu.manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = _check_deploy(
        {
            "SECRET_KEY": "k" * 20 + "x7Qv!s9#Lm2@pZ4&rT6*wY8^bN0%cF3$hJ5(",
            "ALLOWED_HOSTS": "tsunagu.example.org",
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {"ALLOWED_HOSTS": "tsunagu.example.org", "SECRET_KEY": ""}
    result = _check_deploy(env)
    assert result.returncode != 0


def test_tests_run_celery_inline_and_default_to_japanese():
    assert settings.CELERY_TASK_ALWAYS_EAGER is True
    assert settings.LANGUAGE_CODE == "ja"
    assert [code for code, _ in settings.LANGUAGES] == ["ja", "en"]


def test_production_static_files_collect_with_a_manifest(tmp_path):
    """Every file the pages reference is collected and hashed (whitenoise's manifest)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "k" * 20 + "x7Qv!s9#Lm2@pZ4&rT6*wY8^bN0%cF3$hJ5(",
        "ALLOWED_HOSTS": "tsunagu.example.org",
        "STATIC_ROOT": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "tsunagu.manage", "collectstatic", "--noinput", "-v", "0"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    manifest = (tmp_path / "staticfiles.json").read_text()
    for name in [
        "web/site.css",
        "indicators/charts.js",
        "vendor/htmx/htmx.min.js",
        "vendor/maplibre-gl/maplibre-gl.js",
        "vendor/echarts/echarts.min.js",
    ]:
        assert name in manifest
