"""The pseudonymous reference that names a person in the privacy audit."""

import hashlib
import hmac

from django.conf import settings


def subject_reference(user_pk: int) -> str:
    """Stable for one account, and not reversible without the site's secret key."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"privacy-subject:{user_pk}".encode(), hashlib.sha256
    ).hexdigest()
    return f"P-{digest[:12].upper()}"
