from django.utils import timezone

from tsunagu.tourism.models import AuditEntry


def audit_record(
    *,
    to_state: str,
    from_state: str = "",
    actor=None,
    note: str = "",
    application=None,
    certificate=None,
    at=None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        application=application,
        certificate=certificate,
        actor=actor if actor is not None and actor.is_authenticated else None,
        at=at or timezone.now(),
        from_state=from_state,
        to_state=to_state,
        note=note,
    )
