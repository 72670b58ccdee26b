from django.db.models import Q, QuerySet
from django.utils import timezone

from tsunagu.accounts.models import Organisation
from tsunagu.accounts.policy import can_view, is_city_staff, organisation_ids
from tsunagu.core.selectors import sdg_goal_numbers
from tsunagu.partners.matching import Match, Profile, matches_rank
from tsunagu.partners.models import (
    PUBLIC_STATUSES,
    CouncilMember,
    Partner,
    PartnerStatus,
    tag_list,
)
from tsunagu.projects.models import Project


def partner_list(*, user, goal: int | None = None, kind: str | None = None) -> QuerySet[Partner]:
    """Approved and active partners for everyone; members also see their own; staff all."""
    partners = Partner.objects.select_related("organisation")
    if not is_city_staff(user):
        partners = partners.filter(
            Q(status__in=PUBLIC_STATUSES) | Q(organisation_id__in=organisation_ids(user))
        )
    if goal:
        partners = partners.filter(organisation__sdg_relations__goal_id=goal).distinct()
    if kind:
        partners = partners.filter(organisation__kind=kind)
    return partners


def application_queue() -> QuerySet[Partner]:
    return (
        Partner.objects.filter(status=PartnerStatus.APPLIED)
        .select_related("organisation")
        .order_by("applied_at")
    )


def partner_projects(*, partner: Partner, user) -> list[Project]:
    """Projects the partner leads or joins that this user may see."""
    projects = (
        Project.objects.filter(Q(lead_partner=partner) | Q(co_partners=partner))
        .select_related("lead_partner__organisation")
        .distinct()
        .order_by("-starts_on", "pk")
    )
    return [p for p in projects if can_view(user, p)]


def co_partner_ids(partner: Partner) -> set[int]:
    """Partners that already work with this one on a project (as lead or co-partner)."""
    projects = Project.objects.filter(Q(lead_partner=partner) | Q(co_partners=partner))
    leads = set(projects.values_list("lead_partner_id", flat=True))
    cos = set(
        Project.co_partners.through.objects.filter(project__in=projects).values_list(
            "partner_id", flat=True
        )
    )
    return (leads | cos) - {partner.pk}


def partner_profiles(partners: list[Partner]) -> list[Profile]:
    goals = sdg_goal_numbers(Organisation, [p.organisation_id for p in partners])
    return [
        Profile(
            key=p.pk,
            slug=p.organisation.slug,
            goals=frozenset(goals.get(p.organisation_id, ())),
            about=" ".join(
                filter(
                    None,
                    [
                        p.organisation.description_ja,
                        p.organisation.description_en,
                        p.offers,
                        p.needs,
                        p.tags,
                    ],
                )
            ),
            offers=p.offers,
            needs=p.needs,
            offer_tags=frozenset(tag_list(p.offer_tags)),
            need_tags=frozenset(tag_list(p.need_tags)),
        )
        for p in partners
    ]


def match_candidates() -> list[Partner]:
    return list(
        Partner.objects.filter(status__in=PUBLIC_STATUSES, matchmaking_opt_in=True)
        .select_related("organisation")
        .order_by("organisation__slug")
    )


def partner_matches(*, partner: Partner, limit: int = 10) -> list[tuple[Partner, Match]]:
    """Ranked partners to work with, each with the reasons; never itself or co-partners."""
    candidates = match_candidates()
    by_key = {p.pk: p for p in candidates}
    (subject,) = partner_profiles([partner])
    ranked = matches_rank(
        subject,
        partner_profiles(candidates),
        excluded=co_partner_ids(partner),
        limit=limit,
    )
    return [(by_key[m.profile.key], m) for m in ranked]


def project_matches(*, project, limit: int = 10) -> list[tuple[Partner, Match]]:
    """Partners who could join a project: its goals and text, the lead partner's needs."""
    lead = project.lead_partner
    candidates = match_candidates()
    by_key = {p.pk: p for p in candidates}
    lead_profile = partner_profiles([lead])[0]
    goals = sdg_goal_numbers(Project, [project.pk]).get(project.pk, [])
    subject = Profile(
        key=lead.pk,
        slug=lead.organisation.slug,
        goals=frozenset(goals),
        about=" ".join(
            filter(
                None,
                [
                    project.title_ja,
                    project.title_en,
                    project.description_ja,
                    project.description_en,
                ],
            )
        ),
        offers=lead_profile.offers,
        needs=lead_profile.needs,
        offer_tags=lead_profile.offer_tags,
        need_tags=lead_profile.need_tags,
    )
    excluded = set(project.co_partners.values_list("pk", flat=True)) | {lead.pk}
    ranked = matches_rank(subject, partner_profiles(candidates), excluded=excluded, limit=limit)
    return [(by_key[m.profile.key], m) for m in ranked]


def council_members(*, on=None) -> QuerySet[CouncilMember]:
    """Members serving on a date (today by default), in the council's own order."""
    on = on or timezone.localdate()
    return (
        CouncilMember.objects.filter(term_start__lte=on)
        .filter(Q(term_end__isnull=True) | Q(term_end__gte=on))
        .select_related("partner__organisation")
    )


def council_former_members(*, on=None) -> QuerySet[CouncilMember]:
    on = on or timezone.localdate()
    return CouncilMember.objects.filter(term_end__lt=on).order_by("-term_end", "order")
