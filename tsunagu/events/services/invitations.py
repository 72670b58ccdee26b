"""Invitations: staff invite people by email to events whose audience is by invitation."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from tsunagu.events.models import Event, EventStatus, Invitation
from tsunagu.events.services.emails import email_send


def invitation_url(invitation: Invitation, *, site_url: str) -> str:
    """The invitee's personal link, in the invitee's language."""
    with translation.override(invitation.language):
        path = reverse("events:invitation", args=[invitation.event_id, invitation.token])
    return site_url.rstrip("/") + path


@transaction.atomic
def invitation_create(
    *, event: Event, email: str, name: str = "", language: str, invited_by, site_url: str
) -> Invitation:
    """Invite one email address (again, if already invited: the same link is re-sent)."""
    if event.status == EventStatus.CANCELLED:
        raise ValidationError(_("This event has been cancelled."), code="cancelled")
    email = email.strip()
    invitation = event.invitations.filter(email__iexact=email).first()
    if invitation is None:
        invitation = Invitation.objects.create(
            event=event, email=email, name=name.strip(), language=language, invited_by=invited_by
        )
    url = invitation_url(invitation, site_url=site_url)
    transaction.on_commit(
        lambda: email_send(
            what="invitation",
            to=invitation.email,
            language=invitation.language,
            context={"invitation": invitation, "event": event, "url": url},
            log_ref=f"invitation {invitation.pk}",
        )
    )
    return invitation
