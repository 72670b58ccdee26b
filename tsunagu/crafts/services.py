"""Writes of the crafts app: messages to workshops through the platform, and craft images."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tsunagu.core.emails import email_enqueue_on_commit
from tsunagu.crafts.models import ContactMessage, Craft, CraftImage, Workshop
from tsunagu.crafts.validators import craft_image_validate

MAX_MESSAGE_LENGTH = 5000
MAX_NAME_LENGTH = 120
# One sender may write to one workshop this many times a day; more is someone flooding it.
MAX_MESSAGES_PER_DAY = 5


def workshop_message_recipients(workshop: Workshop) -> list[str]:
    """The addresses that receive the contact form: active managers and the workshop's own."""
    addresses = list(
        workshop.managers.filter(is_active=True).order_by("pk").values_list("email", flat=True)
    )
    if workshop.contact_email:
        addresses.append(workshop.contact_email)
    return list(dict.fromkeys(address.lower() for address in addresses if address))


def _clean_sender(*, sender, name: str, email: str) -> tuple[str, str]:
    if sender is not None and sender.is_authenticated:
        name = (name or "").strip() or sender.full_name or sender.email
        email = sender.email
    name = (name or "").strip()
    email = (email or "").strip()
    errors = {}
    if not name:
        errors["name"] = _("Give your name.")
    elif len(name) > MAX_NAME_LENGTH or "\n" in name or "\r" in name:
        errors["name"] = _("The name must be one line of at most %(limit)d characters.") % {
            "limit": MAX_NAME_LENGTH
        }
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Give a valid email address, so that the workshop can reply.")
    if errors:
        raise ValidationError(errors)
    return name, email


@transaction.atomic
def contact_message_send(
    *,
    workshop: Workshop,
    message: str,
    sender=None,
    name: str = "",
    email: str = "",
    language: str = "ja",
) -> ContactMessage:
    """Record a visitor's message and email it (after commit) to the workshop's managers with
    Reply-To the visitor. The workshop's addresses are never shown to the visitor."""
    if not workshop.is_published:
        raise ValidationError(_("This workshop is not open to messages."))
    name, email = _clean_sender(sender=sender, name=name, email=email)
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Write a message.")})
    if len(message) > MAX_MESSAGE_LENGTH:
        raise ValidationError(
            {
                "message": _("The message is longer than %(limit)d characters.")
                % {"limit": MAX_MESSAGE_LENGTH}
            }
        )
    recipients = workshop_message_recipients(workshop)
    if not recipients:
        raise ValidationError(_("This workshop cannot receive messages through the platform yet."))
    since = timezone.now() - timedelta(days=1)
    recent = ContactMessage.objects.filter(
        workshop=workshop, email__iexact=email, created_at__gte=since
    ).count()
    if recent >= MAX_MESSAGES_PER_DAY:
        raise ValidationError(
            _(
                "You have already sent %(count)d messages to this workshop today; "
                "please wait for a reply."
            )
            % {"count": MAX_MESSAGES_PER_DAY}
        )
    contact = ContactMessage.objects.create(
        workshop=workshop,
        sender=sender if sender is not None and sender.is_authenticated else None,
        name=name,
        email=email,
        message=message,
        language=language,
    )
    _contact_email_queue(contact, recipients)
    return contact


def _contact_email_queue(contact: ContactMessage, recipients: list[str]) -> None:
    """Built now, queued for a worker once the message is saved (tsunagu.core.emails)."""
    bodies = []
    for language in ("ja", "en"):
        with translation.override(language):
            bodies.append(
                render_to_string("crafts/email/contact_message.txt", {"contact": contact})
            )
    with translation.override("ja"):
        subject = _("Message through Tsunagu from %(name)s") % {"name": contact.name}
    message = EmailMessage(
        subject=subject,
        body="\n".join(bodies) + "\n\n" + contact.message + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[contact.email],
    )
    email_enqueue_on_commit(message, log_ref=f"contact message email (message {contact.pk})")


@transaction.atomic
def craft_image_add(
    *,
    craft: Craft,
    file,
    credit: str,
    licence: str,
    caption_ja: str = "",
    caption_en: str = "",
    order: int = 0,
) -> CraftImage:
    """Add a validated image (JPEG/PNG/WebP, at most 5 MB) with its credit and licence."""
    errors = {}
    if not (credit or "").strip():
        errors["credit"] = _("An image needs its credit.")
    if not (licence or "").strip():
        errors["licence"] = _("An image needs its licence.")
    try:
        craft_image_validate(file)
    except ValidationError as error:
        errors["image"] = error.messages
    if errors:
        raise ValidationError(errors)
    image = CraftImage(craft=craft, credit=credit.strip(), licence=licence.strip(), order=order)
    image.caption_ja = caption_ja
    image.caption_en = caption_en
    image.image.save(getattr(file, "name", "image") or "image", file, save=False)
    image.save()
    return image
