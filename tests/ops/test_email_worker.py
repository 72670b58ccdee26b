"""A real Celery worker on Redis sends the email that the platform built and queued.

The password reset email of the installation's administrator is built in a `tsunagu shell`
(as the reset page builds it) while no worker runs: it waits in the queue and no mail is
written. A worker started afterwards sends it, through a file-based mail backend whose files
the test reads, and its log holds no address.
"""

import time
from dataclasses import dataclass

import pytest
from redis import Redis

from tests.ops.conftest import ADMIN_EMAIL
from tests.ops.processes import Installation, Worker

pytestmark = pytest.mark.ops

QUEUE_A_RESET_EMAIL = f"""
from tsunagu.accounts.forms import QueuedPasswordResetForm
form = QueuedPasswordResetForm({{"email": "{ADMIN_EMAIL}"}})
assert form.is_valid()
form.save(domain_override="tsunagu.example.org", use_https=True)
"""


@dataclass
class MailInstallation(Installation):
    """An installation whose mail is written to files under root/mail."""

    def environment(self) -> dict[str, str]:
        return {
            **super().environment(),
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            # django-environ drops the first slash of the path: four in all keep it absolute.
            "EMAIL_URL": f"filemail:///{self.root / 'mail'}",
        }


def _mails(site: Installation) -> list[str]:
    return [path.read_text() for path in sorted((site.root / "mail").glob("*.log"))]


def test_a_worker_sends_the_email_built_and_queued_by_the_platform(installation_create, redis):
    created = installation_create("email_worker", redis.url)
    site = MailInstallation(
        root=created.root, database_url=created.database_url, redis_url=created.redis_url
    )
    site.manage("shell", "-c", QUEUE_A_RESET_EMAIL)
    time.sleep(1)
    assert _mails(site) == []  # queued, not sent by the process that built it
    assert Redis.from_url(site.redis_url).llen("celery") == 1

    worker = Worker("mail-worker", site)
    worker.start()
    try:
        deadline = time.monotonic() + 60
        while not _mails(site):
            worker.check_alive()
            assert time.monotonic() < deadline, worker.log_text()[-3000:]
            time.sleep(0.2)
        worker.wait_for_log(r"tsunagu\.core\.tasks\.email_send\[[^\]]+\] succeeded")
    finally:
        worker.stop()
    (mail,) = _mails(site)
    assert f"To: {ADMIN_EMAIL}" in mail
    assert "https://tsunagu.example.org/" in mail  # the link was built in the shell
    assert ADMIN_EMAIL not in worker.log_text()
    assert Redis.from_url(site.redis_url).llen("celery") == 0
