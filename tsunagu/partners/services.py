"""Writes for the partner registry: application, review, profile updates."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tsunagu.accounts.forms import QueuedPasswordResetForm
from tsunagu.accounts.models import Organisation, User
from tsunagu.accounts.roles import Role
from tsunagu.accounts.services import membership_add, organisation_profile_update
from tsunagu.core.cache import cache_model_changed
from tsunagu.core.emails import email_enqueue, email_enqueue_on_commit
from tsunagu.core.models import Goal, PublicationStatus
from tsunagu.core.services import sdg_relations_set
from tsunagu.partners.models import IntroductionRequest, Partner, PartnerStatus
from tsunagu.suggestions.services import suggestions_refresh_for


class PartnerWorkflowError(ValueError):
    pass


def _unique_slug(name: str) -> str:
    base = slugify(name)[:60] or "partner"
    slug = base
    while Organisation.objects.filter(slug=slug).exists():
        slug = f"{base}-{get_random_string(4).lower()}"
    return slug


def _staff_emails() -> list[str]:
    return list(
        User.objects.filter(groups__name=Role.CITY_STAFF.value, is_active=True).values_list(
            "email", flat=True
        )
    )


@transaction.atomic
def partner_apply(
    *,
    name_ja: str,
    name_en: str = "",
    kind: str,
    description_ja: str = "",
    description_en: str = "",
    website: str = "",
    is_individual: bool = False,
    size: str = "",
    offers: str = "",
    needs: str = "",
    sector: str = "",
    offer_tags: str = "",
    need_tags: str = "",
    logo=None,
    contact_name: str,
    contact_email: str,
    contact_phone: str = "",
    goals: Iterable[Goal] = (),
) -> Partner:
    """A public application: the organisation stays unpublished until staff approve it."""
    organisation = Organisation.objects.create(
        slug=_unique_slug(name_en or name_ja),
        name=name_ja,
        name_ja=name_ja,
        name_en=name_en or None,
        kind=kind,
        description_ja=description_ja,
        description_en=description_en or None,
        website=website,
        status=PublicationStatus.DRAFT,
    )
    sdg_relations_set(organisation, goals=goals)
    partner = Partner.objects.create(
        organisation=organisation,
        is_individual=is_individual,
        size=size,
        offers=offers,
        needs=needs,
        sector=sector,
        offer_tags=offer_tags,
        need_tags=need_tags,
        logo=logo or None,
        contact_name=contact_name,
        contact_email=contact_email.lower(),
        contact_phone=contact_phone,
    )
    suggestions_refresh_for(organisation)
    staff = _staff_emails()
    if staff:
        message = EmailMessage(
            f"Partner application: {name_ja}",
            f"{name_ja} ({contact_email}) applied to become a partner; see the review queue.",
            settings.DEFAULT_FROM_EMAIL,
            staff,
        )
        email_enqueue_on_commit(
            message, log_ref=f"partner application email (partner {partner.pk})"
        )
    return partner


def _send_approval(partner: Partner, user: User, request=None) -> None:
    welcome = EmailMessage(
        _("Welcome to IMAGINE KANAZAWA 2030"),
        _(
            "%(name)s is now an IMAGINE KANAZAWA 2030 partner. Sign in with %(email)s; "
            "a separate message lets you choose your password."
        )
        % {"name": partner.organisation.name, "email": user.email},
        settings.DEFAULT_FROM_EMAIL,
        [partner.contact_email],
    )
    email_enqueue(welcome, log_ref=f"partner welcome email (partner {partner.pk})")
    form = QueuedPasswordResetForm({"email": user.email})
    if form.is_valid():
        form.save(
            request=request,
            domain_override=None if request else "localhost",
            use_https=bool(request and request.is_secure()),
        )


@transaction.atomic
def partner_approve(*, partner: Partner, reviewer: User, request=None) -> Partner:
    """Approve: publish the profile and give the contact person a partner-member account."""
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    if partner.status != PartnerStatus.APPLIED:
        raise PartnerWorkflowError(_("Only applications can be approved."))
    partner.status = PartnerStatus.APPROVED
    partner.registered_on = timezone.localdate()
    partner.reviewed_by = reviewer
    partner.save(update_fields=["status", "registered_on", "reviewed_by"])
    Organisation.objects.filter(pk=partner.organisation_id).update(
        status=PublicationStatus.PUBLISHED
    )
    cache_model_changed(Organisation)
    user = User.objects.filter(email=partner.contact_email).first()
    if user is None:
        # A random password nobody knows: Django sends reset links only to usable passwords.
        user = User.objects.create_user(
            email=partner.contact_email,
            password=get_random_string(32),
            full_name=partner.contact_name,
        )
    membership_add(user=user, organisation=partner.organisation)
    transaction.on_commit(lambda: _send_approval(partner, user, request))
    return partner


@transaction.atomic
def partner_reject(*, partner: Partner, reviewer: User, reason: str) -> Partner:
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    if partner.status != PartnerStatus.APPLIED:
        raise PartnerWorkflowError(_("Only applications can be rejected."))
    if not reason.strip():
        raise PartnerWorkflowError(_("Give the applicant a reason."))
    partner.status = PartnerStatus.REJECTED
    partner.rejection_reason = reason
    partner.reviewed_by = reviewer
    partner.save(update_fields=["status", "rejection_reason", "reviewed_by"])
    message = EmailMessage(
        _("Your IMAGINE KANAZAWA 2030 partner application"),
        _("Thank you for applying. We could not approve the application: %(reason)s")
        % {"reason": reason},
        settings.DEFAULT_FROM_EMAIL,
        [partner.contact_email],
    )
    email_enqueue_on_commit(message, log_ref=f"partner rejection email (partner {partner.pk})")
    return partner


@transaction.atomic
def partner_profile_update(
    *,
    partner: Partner,
    description_ja: str,
    description_en: str,
    website: str,
    offers: str,
    needs: str,
    tags: str,
    matchmaking_opt_in: bool,
    goals: Iterable[Goal],
    sector: str = "",
    offer_tags: str = "",
    need_tags: str = "",
    logo=None,
    logo_clear: bool = False,
) -> Partner:
    """What a partner's members may change (not its name, kind or status)."""
    organisation_profile_update(
        organisation=partner.organisation,
        description_ja=description_ja,
        description_en=description_en,
        website=website,
        goals=goals,
    )
    partner.offers, partner.needs, partner.tags = offers, needs, tags
    partner.sector, partner.offer_tags, partner.need_tags = sector, offer_tags, need_tags
    partner.matchmaking_opt_in = matchmaking_opt_in
    if logo:
        partner.logo = logo
    elif logo_clear:
        partner.logo = None
    partner.full_clean(exclude=["organisation", "reviewed_by", "area"])
    partner.save()
    suggestions_refresh_for(partner.organisation)
    return partner


@transaction.atomic
def introduction_request_create(
    *,
    from_partner: Partner,
    to_partner: Partner,
    requested_by: User,
    message: str = "",
    project=None,
) -> IntroductionRequest:
    """Ask the secretariat for an introduction; staff and both partners are told by email."""
    if from_partner.pk == to_partner.pk:
        raise PartnerWorkflowError(_("A partner cannot be introduced to itself."))
    if not (to_partner.is_published and to_partner.matchmaking_opt_in):
        raise PartnerWorkflowError(_("This partner does not take part in matchmaking."))
    request = IntroductionRequest.objects.create(
        from_partner=from_partner,
        to_partner=to_partner,
        project=project,
        message=message,
        requested_by=requested_by,
    )
    names = {"from": from_partner.organisation.name, "to": to_partner.organisation.name}
    subject = _("Introduction request: %(from)s → %(to)s") % names
    body = (
        _(
            "%(from)s would like to be introduced to %(to)s through IMAGINE KANAZAWA 2030. "
            "The secretariat will contact both partners."
        )
        % names
    )
    if message:
        body += "\n\n" + message
    recipients = sorted(
        {*_staff_emails(), from_partner.contact_email, to_partner.contact_email} - {""}
    )
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    email_enqueue_on_commit(message, log_ref=f"introduction email (request {request.pk})")
    return request
