"""Every user-visible string has a Japanese translation.

The check runs Django's own extractor (makemessages) on a copy of the code, so a string added
to a template or to Python code without a translation in locale/ja fails here.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


@pytest.fixture(scope="module")
def extracted_ja(tmp_path_factory) -> polib.POFile:
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("xgettext (Debian package gettext) is required in CI")
        pytest.skip("gettext is not installed: apt-get install gettext (make test does it as root)")
    copy = tmp_path_factory.mktemp("i18n")
    for name in ["tsunagu", "config", "locale"]:
        shutil.copytree(
            ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "tests", "*.mo")
        )
    env = {**os.environ, "PYTHONPATH": str(copy), "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "ja", "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return polib.pofile(str(copy / "locale" / "ja" / "LC_MESSAGES" / "django.po"))


def test_every_ui_string_has_a_japanese_translation(extracted_ja):
    missing = [e.msgid for e in extracted_ja.untranslated_entries()]
    fuzzy = [e.msgid for e in extracted_ja.fuzzy_entries()]
    assert not missing, f"strings without a Japanese translation: {missing}"
    assert not fuzzy, f"fuzzy (unchecked) Japanese translations: {fuzzy}"


def test_extraction_sees_the_templates(extracted_ja):
    msgids = {e.msgid for e in extracted_ja}
    assert "Skip to main content" in msgids  # base.html
    assert "Local targets" in msgids  # core/goal_detail.html


@pytest.mark.django_db
def test_translations_are_compiled_and_used(client):
    assert "本文へスキップ" in client.get("/").content.decode()
    assert "Skip to main content" in client.get("/en/").content.decode()
