from django.db.models import QuerySet

from tsunagu.privacy.models import PrivacyRequest
from tsunagu.privacy.registry import personal_data


def privacy_request_list() -> QuerySet[PrivacyRequest]:
    return PrivacyRequest.objects.select_related("handled_by").order_by("-requested_at", "-pk")


def personal_data_counts(*, user) -> list[tuple[str, int]]:
    """How many records of each kind the site holds about the person, for their data page."""
    counts = []
    for entry in personal_data():
        count = entry.records(user).count()
        if count:
            counts.append((str(entry.model_class._meta.verbose_name_plural), count))
    return counts
