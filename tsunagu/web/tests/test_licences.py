"""Every dependency's licence is compatible with Apache-2.0 (`make licenses`)."""

import shutil
import subprocess
import sys

import pytest
from django.conf import settings

ROOT = settings.BASE_DIR


def test_dependencies_have_apache_compatible_licences():
    if not (ROOT / "node_modules").is_dir() or not shutil.which(
        "pip-licenses", path=str(ROOT / ".venv" / "bin")
    ):
        pytest.skip("run make test (it installs node_modules and pip-licenses)")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "licenses.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert "Django" in result.stdout
    assert "maplibre-gl" in result.stdout
