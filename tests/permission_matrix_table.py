"""The tables of the permission matrix (tests/test_permission_matrix.py): which real object
fills each URL's parameters, and what each role must get.

Expectations come from the views' code (decorators, policy checks, selectors), not from
recording what the site answers. A case that looks wrong is marked `suspected_bug(...)`: the
table states the answer the code should give, the test is xfail(strict=True) until it does.

Roles: anonymous; plain_user (a signed-in citizen); partner_member (a member of an approved
partner organisation that owns none of the objects below); assessor (in the assessor group,
assigned nothing); city_staff; administrator (superuser).

Expectation values: an HTTP status; LOGIN (302 to the site's login page); ADMIN_LOGIN (302 to
the admin's login page); a frozenset of acceptable statuses.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ROLES = ("anonymous", "plain_user", "partner_member", "assessor", "city_staff", "administrator")
SIGNED_IN_ROLES = ROLES[1:]

LOGIN = "302 to login"
ADMIN_LOGIN = "302 to admin login"
# A POST to a page the role may see: a re-rendered form (200, 400) or a refused method; never
# a change in the database (the test checks that separately).
SAFE_POST = frozenset({200, 400, 405})


@dataclass(frozen=True)
class SuspectedBug:
    """What the code should answer, and why the current answer looks wrong."""

    correct: Any
    note: str


def suspected_bug(correct: Any, note: str) -> SuspectedBug:
    return SuspectedBug(correct, note)


def everyone(status: Any) -> dict[str, Any]:
    return dict.fromkeys(ROLES, status)


def roles(
    anonymous: Any,
    plain_user: Any,
    partner_member: Any,
    assessor: Any,
    city_staff: Any,
    administrator: Any,
) -> dict[str, Any]:
    return {
        "anonymous": anonymous,
        "plain_user": plain_user,
        "partner_member": partner_member,
        "assessor": assessor,
        "city_staff": city_staff,
        "administrator": administrator,
    }


PUBLIC = everyone(200)
# @login_required, then open to every signed-in user.
SIGNED_IN = roles(LOGIN, 200, 200, 200, 200, 200)
# @login_required (or staff_required) and is_city_staff(): others 403.
STAFF = roles(LOGIN, 403, 403, 403, 200, 200)
# @login_required, then an object the role may not see: 404 so drafts do not reveal they exist.
STAFF_ELSE_404 = roles(LOGIN, 404, 404, 404, 200, 200)
# An unpublished or hidden object: only staff (and owners, none here) see it; 404 for others.
HIDDEN_ELSE_404 = roles(404, 404, 404, 404, 200, 200)
# @require_POST outermost: GET is 405 for everyone.
POST_ONLY = everyone(405)
# @login_required around @require_POST.
SIGNED_IN_POST_ONLY = roles(LOGIN, 405, 405, 405, 405, 405)
# A staff check (403) before @require_POST.
STAFF_POST_ONLY = roles(LOGIN, 403, 403, 403, 405, 405)
# Signed-in users are sent on (LoginView.redirect_authenticated_user, signup).
ANONYMOUS_ONLY = roles(200, 302, 302, 302, 302, 302)


# --------------------------------------------------------------------------------------------
# Parameters. Key: URL name, or "name[variant]" for several objects behind one URL. Values are
# functions of the world (see the test module) returning the kwarg; "?" is a query string.
# --------------------------------------------------------------------------------------------

W = Any  # the world object built by the test module
Param = Callable[[W], Any]

PARAMS: dict[str, dict[str, Param]] = {
    # accounts
    "accounts:review_detail": {"pk": lambda w: w.review_assignment.pk},
    "accounts:organisation_detail": {"slug": lambda w: w.organisation.slug},
    "accounts:organisation_detail[draft]": {"slug": lambda w: w.draft_organisation.slug},
    "accounts:organisation_edit": {"slug": lambda w: w.organisation.slug},
    "password_reset_confirm": {"uidb64": lambda w: w.reset_uid, "token": lambda w: w.reset_token},
    # core
    "core:goal_detail": {"number": lambda w: 11},
    "core:local_target_detail[published]": {"code": lambda w: w.local_target.code},
    "core:local_target_detail[draft]": {"code": lambda w: w.draft_local_target.code},
    "core:local_target_edit": {"code": lambda w: w.local_target.code},
    # indicators
    "indicators:goal_detail": {"number": lambda w: 11},
    "indicators:indicator_detail": {"code": lambda w: w.indicator.code},
    # partners
    "partners:project_matches": {"slug": lambda w: w.project.slug},
    "partners:partner_detail": {"slug": lambda w: w.partner.organisation.slug},
    "partners:partner_detail[applied]": {"slug": lambda w: w.applied_partner.organisation.slug},
    "partners:partner_edit": {"slug": lambda w: w.partner.organisation.slug},
    "partners:partner_review": {"slug": lambda w: w.partner.organisation.slug},
    "partners:partner_matches": {"slug": lambda w: w.partner.organisation.slug},
    "partners:introduction_request": {
        "slug": lambda w: w.partner.organisation.slug,
        "other": lambda w: w.other_partner.organisation.slug,
    },
    # events
    "events:series_feed": {"slug": lambda w: w.event.series.slug},
    "events:event_detail[published]": {"pk": lambda w: w.event.pk},
    "events:event_detail[draft]": {"pk": lambda w: w.draft_event.pk},
    "events:invitation": {
        "pk": lambda w: w.invitation.event_id,
        "token": lambda w: w.invitation.token,
    },
    "events:registration_detail": {
        "pk": lambda w: w.registration.event_id,
        "code": lambda w: w.registration.code,
    },
    "events:registration_cancel": {
        "pk": lambda w: w.registration.event_id,
        "code": lambda w: w.registration.code,
    },
    "events:check_in": {"pk": lambda w: w.event.pk},
    "events:event_staff": {"pk": lambda w: w.event.pk},
    "events:registrations_csv": {"pk": lambda w: w.event.pk},
    "events:invitation_create": {"pk": lambda w: w.event.pk},
    "events:minutes_edit": {"pk": lambda w: w.event.pk},
    "events:minutes_history": {"pk": lambda w: w.event.pk},
    # projects
    "projects:project_detail[published]": {"slug": lambda w: w.project.slug},
    "projects:project_detail[draft]": {"slug": lambda w: w.draft_project.slug},
    "projects:project_edit": {"slug": lambda w: w.project.slug},
    "projects:deliverables_edit": {"slug": lambda w: w.project.slug},
    "projects:resources_edit": {"slug": lambda w: w.project.slug},
    "projects:report_create": {"slug": lambda w: w.project.slug},
    # suggestions
    "suggestions:accept": {"pk": lambda w: w.suggestion.pk},
    "suggestions:reject": {"pk": lambda w: w.suggestion.pk},
    # nature
    "nature:observation_detail": {"uuid": lambda w: w.observation.uuid},
    "nature:observation_detail[hidden]": {"uuid": lambda w: w.hidden_observation.uuid},
    "nature:identification_create": {"uuid": lambda w: w.observation.uuid},
    "nature:identification_withdraw": {
        "uuid": lambda w: w.observation.uuid,
        "pk": lambda w: w.identification.pk,
    },
    "nature:flag_create": {"uuid": lambda w: w.observation.uuid},
    "nature:observation_photo": {
        "uuid": lambda w: w.observation.uuid,
        "pk": lambda w: w.photo.pk,
    },
    "nature:observation_photo[removed]": {
        "uuid": lambda w: w.removed_photo.observation.uuid,
        "pk": lambda w: w.removed_photo.pk,
    },
    "nature:flag_resolve": {"pk": lambda w: w.flag.pk},
    "nature:taxon_detail": {"pk": lambda w: w.observation.taxon_id},
    "nature:campaign_detail": {"slug": lambda w: w.campaign.slug},
    "nature:campaign_detail[draft]": {"slug": lambda w: w.draft_campaign.slug},
    "nature:campaign_join": {"slug": lambda w: w.campaign.slug},
    "nature:campaign_results_csv": {"slug": lambda w: w.campaign.slug},
    "nature:campaign_results_csv[draft]": {"slug": lambda w: w.draft_campaign.slug},
    "nature:visit_create": {"slug": lambda w: w.campaign.slug},
    "nature:visit_edit": {"slug": lambda w: w.campaign.slug, "pk": lambda w: w.visit.pk},
    "nature:visit_delete": {"slug": lambda w: w.campaign.slug, "pk": lambda w: w.visit.pk},
    # biocultural
    "biocultural:element_detail": {"slug": lambda w: w.element.slug},
    "biocultural:service_detail": {
        "vocabulary": lambda w: w.service.vocabulary,
        "code": lambda w: w.service.code,
    },
    "biocultural:material_detail": {"slug": lambda w: w.material.slug},
    "biocultural:place_detail": {"slug": lambda w: w.place.slug},
    # biodiversity index
    "biodiversity_index:year_detail": {"year": lambda w: w.assessment.year},
    "biodiversity_index:year_detail[draft]": {"year": lambda w: w.draft_assessment.year},
    "biodiversity_index:year_csv": {"year": lambda w: w.assessment.year},
    "biodiversity_index:year_csv[draft]": {"year": lambda w: w.draft_assessment.year},
    "biodiversity_index:staff_edit": {"year": lambda w: w.assessment.year},
    "biodiversity_index:staff_recompute": {"year": lambda w: w.assessment.year},
    "biodiversity_index:staff_publish": {"year": lambda w: w.assessment.year},
    # experiences
    "experiences:booking_detail": {"code": lambda w: w.booking.code},
    "experiences:booking_calendar": {"code": lambda w: w.booking.code},
    "experiences:booking_cancel": {"code": lambda w: w.booking.code},
    "experiences:review_create": {"code": lambda w: w.booking.code},
    "experiences:offer_accept": {"token": lambda w: w.waitlist_entry.token},
    "experiences:experience_detail": {"slug": lambda w: w.experience.slug},
    "experiences:experience_detail[unpublished]": {"slug": lambda w: w.unpublished_experience.slug},
    # programmes
    "programmes:call_detail": {"pk": lambda w: w.programme_call.pk},
    "programmes:call_detail[unpublished]": {"pk": lambda w: w.unpublished_call.pk},
    "programmes:call_apply": {"pk": lambda w: w.programme_call.pk},
    "programmes:document_download": {"pk": lambda w: w.programme_document.pk},
    "programmes:application_review": {"pk": lambda w: w.programme_application.pk},
    "programmes:application_score": {"pk": lambda w: w.programme_application.pk},
    "programmes:application_decide": {"pk": lambda w: w.programme_application.pk},
    "programmes:application_assign": {"pk": lambda w: w.programme_application.pk},
    "programmes:report_new": {"participant_pk": lambda w: w.participant.pk},
    "programmes:report_publish": {"pk": lambda w: w.programme_report.pk},
    "programmes:participant_list": {"slug": lambda w: w.programme.slug},
    "programmes:programme_detail": {"slug": lambda w: w.programme.slug},
    "programmes:programme_detail[unpublished]": {"slug": lambda w: w.unpublished_programme.slug},
    # crafts
    "crafts:workshop_detail": {"slug": lambda w: w.workshop.slug},
    "crafts:workshop_detail[unpublished]": {"slug": lambda w: w.unpublished_workshop.slug},
    "crafts:artisan_detail": {"slug": lambda w: w.artisan.slug},
    "crafts:craft_detail": {"slug": lambda w: w.craft.slug},
    # network
    "network:city_detail": {"slug": lambda w: w.creative_city.slug},
    # tourism grants
    **{
        f"tourism_grants:{name}": {"pk": lambda w: w.grant_application.pk}
        for name in (
            "application_detail",
            "application_edit",
            "report_submit",
            "assessor_assign",
            "conflict_declare",
            "scores_record",
            "award_decide",
            "application_reject",
            "payment_record",
            "report_review",
        )
    },
    "tourism_grants:document_download": {"pk": lambda w: w.grant_document.pk},
    "tourism_grants:report_attachment_download": {"pk": lambda w: w.grant_attachment.pk},
    "tourism_grants:call_detail": {"slug": lambda w: w.grant_call.slug},
    "tourism_grants:application_create": {"slug": lambda w: w.grant_call.slug},
    "tourism_grants:call_review": {"slug": lambda w: w.grant_call.slug},
    # tourism certification
    "tourism:certificate_detail": {"number": lambda w: w.certificate.number},
    "tourism:certificate_pdf": {
        "number": lambda w: w.certificate.number,
        "language": lambda w: "ja",
    },
    "tourism:certificate_renew": {"number": lambda w: w.certificate.number},
    "tourism:certificate_status": {"number": lambda w: w.certificate.number},
    **{
        f"tourism:{name}": {"slug": lambda w: w.operator.slug}
        for name in (
            "operator_detail",
            "operator_edit",
            "application_start",
            "tour_product_list",
            "tour_product_create",
        )
    },
    "tourism:tour_product_edit": {
        "slug": lambda w: w.tour_product.operator.slug,
        "pk": lambda w: w.tour_product.pk,
    },
    "tourism:tour_product_delete": {
        "slug": lambda w: w.tour_product.operator.slug,
        "pk": lambda w: w.tour_product.pk,
    },
    **{
        f"tourism:{name}": {"pk": lambda w: w.tourism_application.pk}
        for name in ("application_review", "application_edit", "application_act", "appeal_create")
    },
    "tourism:evidence_download": {"pk": lambda w: w.evidence.pk},
    # reports: `report` has a published version 1; `draft_report` only an unpublished one
    "reports:builder_report": {"slug": lambda w: w.report.slug},
    "reports:report_action": {"slug": lambda w: w.report.slug},
    "reports:compare": {"slug": lambda w: w.report.slug, "?": lambda w: "a=1&b=2"},
    "reports:section_add": {"slug": lambda w: w.report.slug},
    "reports:section_edit": {"slug": lambda w: w.report.slug, "pk": lambda w: w.section.pk},
    "reports:section_action": {"slug": lambda w: w.report.slug, "pk": lambda w: w.section.pk},
    "reports:version_progress": {"slug": lambda w: w.report.slug, "number": lambda w: 1},
    "reports:detail[published]": {"slug": lambda w: w.report.slug},
    "reports:detail[unpublished]": {
        "slug": lambda w: w.draft_report.slug,
        "?": lambda w: "version=1",
    },
    "reports:file[published]": {
        "slug": lambda w: w.report.slug,
        "language": lambda w: "ja",
        "extension": lambda w: "pdf",
    },
    "reports:file[unpublished]": {
        "slug": lambda w: w.draft_report.slug,
        "language": lambda w: "ja",
        "extension": lambda w: "pdf",
        "?": lambda w: "version=1",
    },
    # web
    "web:area_detail": {"code": lambda w: w.city_area.code},
    # Every real module slug (indicators, partners, events, nature, crafts, tourism, network,
    # reports) is shadowed by an app's own URL with the same prefix, which comes first in
    # config/urls.py: web:module is reachable only with slugs that are not modules.
    "web:module": {"slug": lambda w: "no-such-module"},
}


# --------------------------------------------------------------------------------------------
# Expected statuses of GET, per URL key and role.
# --------------------------------------------------------------------------------------------

EXPECTED: dict[str, dict[str, Any]] = {
    "healthz": PUBLIC,
    "api:openapi-json": PUBLIC,
    "api:openapi-view": PUBLIC,
    "api:api-root": everyone(404),  # django-ninja's placeholder root raises Http404
    "set_language": everyone(302),  # GET changes nothing and redirects
    # accounts
    "accounts:login": ANONYMOUS_ONLY,
    "accounts:signup": ANONYMOUS_ONLY,
    "accounts:logout": POST_ONLY,  # Django 5's LogoutView accepts POST only
    "accounts:review_list": SIGNED_IN,  # the list is filtered to the user's assignments
    # review_assignment_list(): staff see all; others only their own -> get_object_or_404
    "accounts:review_detail": STAFF_ELSE_404,
    "accounts:organisation_list": PUBLIC,
    "accounts:organisation_detail": PUBLIC,
    "accounts:organisation_detail[draft]": HIDDEN_ELSE_404,  # can_view: staff and its members
    "accounts:organisation_edit": STAFF,  # can_edit: staff or the organisation's members
    # privacy: the person's own data page; the audit is for city staff
    "privacy:my_data": SIGNED_IN,
    "privacy:download": SIGNED_IN_POST_ONLY,
    "privacy:delete": SIGNED_IN_POST_ONLY,
    "privacy:request_list": STAFF,
    # mfa: the code page serves only someone who just gave the right password (none here: it
    # sends everyone back to log in); two-step log-in is offered to staff and assessors only.
    "mfa:verify": everyone(LOGIN),
    "mfa:settings": roles(LOGIN, 403, 403, 200, 200, 200),
    # django.contrib.auth.urls: "login"/"logout" have the same paths as accounts:login/logout,
    # which come first in config/urls.py, so these reach the Tsunagu views.
    "login": ANONYMOUS_ONLY,
    "logout": POST_ONLY,
    "password_change": SIGNED_IN,
    "password_change_done": SIGNED_IN,
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": everyone(302),  # a valid link redirects to .../set-password/
    "password_reset_complete": PUBLIC,
    # core
    "core:goal_list": PUBLIC,
    "core:goal_detail": PUBLIC,
    "core:local_target_create": STAFF,  # can_manage_sdg_framework
    "core:local_target_detail[published]": PUBLIC,
    "core:local_target_detail[draft]": HIDDEN_ELSE_404,  # can_view
    "core:local_target_edit": STAFF,
    # indicators (stored scores; without statistics the pages say so, still 200)
    "indicators:overview": PUBLIC,
    "indicators:compare": PUBLIC,
    "indicators:goal_detail": PUBLIC,
    "indicators:indicator_detail": PUBLIC,
    # partners
    "partners:partner_list": PUBLIC,
    "partners:partner_apply": PUBLIC,
    "partners:open_data": PUBLIC,
    "partners:review_queue": STAFF,
    "partners:council": PUBLIC,
    "partners:project_matches": STAFF,  # can_edit(project): staff or the lead partner
    "partners:partner_detail": PUBLIC,
    "partners:partner_detail[applied]": HIDDEN_ELSE_404,  # can_view: not yet approved
    "partners:partner_edit": STAFF,  # can_edit(partner)
    "partners:partner_review": STAFF,
    "partners:partner_matches": STAFF,  # _own_partner: can_edit(partner)
    "partners:introduction_request": SIGNED_IN_POST_ONLY,
    # events
    "events:event_list": PUBLIC,
    "events:statistics": PUBLIC,
    "events:events_feed": PUBLIC,
    "events:series_feed": PUBLIC,
    "events:event_detail[published]": PUBLIC,
    "events:event_detail[draft]": HIDDEN_ELSE_404,  # event_get: can_see_drafts
    # capability URLs: whoever holds the invitation token / registration code
    "events:invitation": PUBLIC,
    "events:registration_detail": PUBLIC,
    "events:registration_cancel": POST_ONLY,
    "events:check_in": STAFF,  # staff_required
    "events:event_staff": STAFF,
    "events:registrations_csv": STAFF,
    "events:invitation_create": STAFF_POST_ONLY,
    "events:minutes_edit": STAFF,
    "events:minutes_history": STAFF,
    # projects
    "projects:project_list": PUBLIC,
    # lead_partner_choices(): staff any partner, members their own partner
    "projects:project_create": roles(LOGIN, 403, 200, 403, 200, 200),
    "projects:reporting_overdue": STAFF,
    "projects:project_detail[published]": PUBLIC,
    "projects:project_detail[draft]": HIDDEN_ELSE_404,  # project_may_view
    "projects:project_edit": STAFF,  # _editable: can_edit (staff or lead partner members)
    "projects:deliverables_edit": STAFF,
    "projects:resources_edit": STAFF,
    "projects:report_create": STAFF,
    # suggestions
    "suggestions:preview": POST_ONLY,
    "suggestions:accept": POST_ONLY,  # @require_POST outside @login_required
    "suggestions:reject": POST_ONLY,
    "search:search": PUBLIC,
    # nature
    "nature:home": PUBLIC,
    "nature:observation_list": PUBLIC,
    "nature:observation_create": SIGNED_IN,
    "nature:observation_mine": SIGNED_IN,
    "nature:observation_detail": PUBLIC,
    "nature:observation_detail[hidden]": HIDDEN_ELSE_404,  # can_view_observation
    "nature:identification_create": SIGNED_IN_POST_ONLY,
    "nature:identification_withdraw": SIGNED_IN_POST_ONLY,
    "nature:flag_create": SIGNED_IN_POST_ONLY,
    "nature:observation_photo": PUBLIC,  # the public copy of a photo no moderator removed
    "nature:observation_photo[removed]": HIDDEN_ELSE_404,  # removed by a moderator
    "nature:moderation": STAFF,  # _moderator(): redirect_to_login, then can_moderate
    "nature:flag_resolve": POST_ONLY,
    "nature:taxon_list": PUBLIC,
    "nature:taxon_detail": PUBLIC,
    "nature:campaign_list": PUBLIC,
    "nature:campaign_detail": PUBLIC,
    "nature:campaign_detail[draft]": HIDDEN_ELSE_404,  # campaign_get: staff and organiser members
    "nature:campaign_join": SIGNED_IN,
    "nature:campaign_results_csv": PUBLIC,
    "nature:campaign_results_csv[draft]": HIDDEN_ELSE_404,
    # campaign_can_record: staff, organiser members and participants
    "nature:visit_create": STAFF,
    "nature:visit_edit": STAFF,  # visit_can_edit: staff or whoever recorded it
    "nature:visit_delete": SIGNED_IN_POST_ONLY,
    "nature:dwca": STAFF,
    "nature:dwca_export": STAFF,
    "nature:map": PUBLIC,
    # biocultural (public reference pages)
    "biocultural:element_list": PUBLIC,
    "biocultural:graph": PUBLIC,
    "biocultural:element_detail": PUBLIC,
    "biocultural:service_detail": PUBLIC,
    "biocultural:material_detail": PUBLIC,
    "biocultural:place_detail": PUBLIC,
    # biodiversity index
    "biodiversity_index:overview": PUBLIC,
    "biodiversity_index:download_csv": PUBLIC,
    "biodiversity_index:year_detail": PUBLIC,  # a published year
    "biodiversity_index:year_detail[draft]": HIDDEN_ELSE_404,
    "biodiversity_index:year_csv": PUBLIC,
    "biodiversity_index:year_csv[draft]": HIDDEN_ELSE_404,
    "biodiversity_index:staff_list": STAFF,
    "biodiversity_index:staff_edit": STAFF,
    "biodiversity_index:staff_recompute": SIGNED_IN_POST_ONLY,
    "biodiversity_index:staff_publish": SIGNED_IN_POST_ONLY,
    # experiences
    "experiences:experience_list": PUBLIC,
    "experiences:dashboard": STAFF,  # managed_workshop_ids: staff all, artisans their own
    # capability URLs: the booking code / the waiting-list offer token is the key
    "experiences:booking_detail": PUBLIC,
    "experiences:booking_calendar": PUBLIC,
    "experiences:booking_cancel": PUBLIC,
    # 403 for everyone while the visit has not taken place (review_allowed), whoever asks
    "experiences:review_create": everyone(403),
    "experiences:offer_accept": PUBLIC,
    "experiences:experience_detail": PUBLIC,
    "experiences:experience_detail[unpublished]": everyone(404),  # no preview, staff neither
    # programmes
    "programmes:programme_list": PUBLIC,
    "programmes:call_detail": PUBLIC,
    "programmes:call_detail[unpublished]": HIDDEN_ELSE_404,  # call_list
    "programmes:call_apply": SIGNED_IN,  # an open call
    "programmes:my_applications": SIGNED_IN,
    # document_visible_to: applicant, staff, assigned assessors; others 404 (anonymous too)
    "programmes:document_download": HIDDEN_ELSE_404,
    "programmes:review_queue": roles(LOGIN, 403, 403, 200, 200, 200),  # staff or assessor
    # _reviewer_check (403), then review_get: an assessor sees only assigned ones (404)
    "programmes:application_review": roles(LOGIN, 403, 403, 404, 200, 200),
    "programmes:application_score": SIGNED_IN_POST_ONLY,
    "programmes:application_decide": SIGNED_IN_POST_ONLY,
    "programmes:application_assign": SIGNED_IN_POST_ONLY,
    "programmes:report_list": PUBLIC,
    "programmes:report_new": STAFF,  # the participant themself or staff
    "programmes:report_publish": SIGNED_IN_POST_ONLY,
    "programmes:figures": PUBLIC,
    "programmes:figures_csv": PUBLIC,
    "programmes:participant_list": STAFF,
    "programmes:programme_detail": PUBLIC,
    "programmes:programme_detail[unpublished]": HIDDEN_ELSE_404,
    # crafts
    "crafts:craft_list": PUBLIC,
    "crafts:workshop_detail": PUBLIC,
    "crafts:workshop_detail[unpublished]": everyone(404),  # workshop_get: published only
    "crafts:artisan_detail": PUBLIC,
    "crafts:craft_detail": PUBLIC,
    # network
    "network:map": PUBLIC,
    "network:cities_csv": PUBLIC,
    "network:cities_json": PUBLIC,
    "network:city_detail": PUBLIC,
    "network:kanazawa_figures": PUBLIC,
    "network:meeting_list": PUBLIC,
    # tourism grants
    "tourism_grants:call_list": PUBLIC,
    "tourism_grants:award_list": PUBLIC,
    "tourism_grants:award_csv": PUBLIC,
    "tourism_grants:my_applications": SIGNED_IN,
    # application_for: applicant, staff or an assigned assessor without conflict; else 403
    "tourism_grants:application_detail": STAFF,
    # ... and then only the applicant edits: staff too get 403
    "tourism_grants:application_edit": roles(LOGIN, 403, 403, 403, 403, 403),
    "tourism_grants:report_submit": SIGNED_IN_POST_ONLY,
    "tourism_grants:assessor_assign": SIGNED_IN_POST_ONLY,
    "tourism_grants:conflict_declare": SIGNED_IN_POST_ONLY,
    "tourism_grants:scores_record": SIGNED_IN_POST_ONLY,
    "tourism_grants:award_decide": SIGNED_IN_POST_ONLY,
    "tourism_grants:application_reject": SIGNED_IN_POST_ONLY,
    "tourism_grants:payment_record": SIGNED_IN_POST_ONLY,
    "tourism_grants:report_review": SIGNED_IN_POST_ONLY,
    "tourism_grants:document_download": STAFF,  # application_for
    "tourism_grants:report_attachment_download": STAFF,
    "tourism_grants:call_detail": PUBLIC,
    "tourism_grants:application_create": SIGNED_IN,  # anyone signed in may apply
    "tourism_grants:call_review": STAFF,
    # tourism statistics
    "tourism_stats:overview": PUBLIC,
    "tourism_stats:crowding": PUBLIC,
    "tourism_stats:download_csv": PUBLIC,
    "tourism_stats:staff_import": STAFF,
    # tourism certification
    "tourism:home": PUBLIC,
    "tourism:register": PUBLIC,
    "tourism:certificate_detail": PUBLIC,
    "tourism:certificate_pdf": PUBLIC,
    "tourism:certificate_renew": SIGNED_IN_POST_ONLY,
    "tourism:certificate_status": SIGNED_IN_POST_ONLY,
    "tourism:my": SIGNED_IN,
    "tourism:operator_create": SIGNED_IN,
    "tourism:operator_detail": PUBLIC,
    "tourism:operator_edit": STAFF,  # can_manage_operator: staff or operator members
    "tourism:application_start": SIGNED_IN_POST_ONLY,
    "tourism:tour_product_list": STAFF,
    "tourism:tour_product_create": STAFF,
    "tourism:tour_product_edit": STAFF,
    "tourism:tour_product_delete": SIGNED_IN_POST_ONLY,
    # staff, assessors, or whoever reviews an appeal
    "tourism:queue": roles(LOGIN, 403, 403, 200, 200, 200),
    # _viewable: can_view_application (staff, operator members, panel, appeal reviewer) or 404
    "tourism:application_review": STAFF_ELSE_404,
    # ... and only operator members edit: staff are sent to the review page
    "tourism:application_edit": roles(LOGIN, 404, 404, 404, 302, 302),
    "tourism:application_act": SIGNED_IN_POST_ONLY,
    "tourism:appeal_create": SIGNED_IN_POST_ONLY,
    "tourism:conflict_create": SIGNED_IN_POST_ONLY,
    "tourism:evidence_download": STAFF_ELSE_404,  # can_view_application, else 404
    # reports (the builder is staff only: _staff = login_required + can_edit_reports)
    "reports:list": PUBLIC,
    "reports:builder": STAFF,
    "reports:builder_report": STAFF,
    "reports:report_action": STAFF_POST_ONLY,
    "reports:compare": STAFF,
    "reports:section_add": STAFF_POST_ONLY,
    "reports:section_edit": STAFF,
    "reports:section_action": STAFF_POST_ONLY,
    "reports:version_progress": STAFF,
    "reports:detail[published]": PUBLIC,
    # ?version=N previews an unpublished version: staff only; others find no published one
    "reports:detail[unpublished]": HIDDEN_ELSE_404,
    "reports:file[published]": PUBLIC,
    "reports:file[unpublished]": HIDDEN_ELSE_404,
    # web
    "web:home": PUBLIC,
    "web:city_profile": PUBLIC,
    "web:area_detail": PUBLIC,
    "web:terms": PUBLIC,
    "web:privacy": PUBLIC,
    "web:module": everyone(404),  # see PARAMS: reachable only with unknown slugs
    # the admin (see ADMIN_INCLUDED): non-staff users are sent to the admin's login page
    "admin:index": roles(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200, 200),
    # city staff have view_user (accounts/signals.py) ...
    "admin:accounts_user_changelist": roles(
        ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200, 200
    ),
    # ... but no permission on API tokens
    "admin:accounts_apitoken_changelist": roles(
        ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 403, 200
    ),
}

# The admin is Django's: its hundreds of generated URLs (add, change, history, delete per
# model) are tested by Django itself. The matrix checks the index and two changelists.
ADMIN_INCLUDED = {
    "admin:index",
    "admin:accounts_user_changelist",
    "admin:accounts_apitoken_changelist",
}

# URLs left out of the matrix, with the reason. Everything else must be in EXPECTED.
SKIPPED = {
    "javascript-catalog": "Django's JavaScript translation catalogue: the same text for all",
}

# URL names whose path an earlier pattern of config/urls.py answers: the view reached instead.
SHADOWED = {
    "login": "accounts:login",  # django.contrib.auth.urls after tsunagu.accounts.urls
    "logout": "accounts:logout",
}

# The API's own pages (schema, docs, root) are in the page matrix; its operations are tested
# from the OpenAPI schema (API_EXPECTED).
API_PAGES = {"api:openapi-json", "api:openapi-view", "api:api-root"}


# --------------------------------------------------------------------------------------------
# POST as anonymous and as plain_user (empty body, CSRF checks off). By default a role gets
# the same refusal as for GET (LOGIN, 403, 404, 405 stay), and a page the role may see
# answers SAFE_POST without writing to the database. Overrides below.
# --------------------------------------------------------------------------------------------

POST_ROLES = ("anonymous", "plain_user")


def post(anonymous: Any, plain_user: Any) -> dict[str, Any]:
    return {"anonymous": anonymous, "plain_user": plain_user}


POST_EXPECTED: dict[str, dict[str, Any]] = {
    "accounts:logout": post(302, 302),  # logs out (the session only) and goes home
    "logout": post(302, 302),
    "partners:introduction_request": post(LOGIN, 403),  # _own_partner
    "events:registration_cancel": post(302, 302),  # the code holder cancels (see below)
    "events:invitation_create": post(LOGIN, 403),
    "suggestions:preview": post(200, 200),  # stateless classification
    "suggestions:accept": post(LOGIN, 403),  # can_edit(the suggestion's object)
    "suggestions:reject": post(LOGIN, 403),
    # any signed-in user may identify and flag: the empty form comes back with its errors
    "nature:identification_create": post(LOGIN, 200),
    "nature:identification_withdraw": post(LOGIN, 403),  # only its author
    "nature:flag_create": post(LOGIN, 200),
    "nature:flag_resolve": post(LOGIN, 403),
    "nature:visit_delete": post(LOGIN, 403),
    "biodiversity_index:staff_recompute": post(LOGIN, 403),
    "biodiversity_index:staff_publish": post(LOGIN, 403),
    "programmes:application_score": post(LOGIN, 403),
    "programmes:application_decide": post(LOGIN, 403),
    "programmes:application_assign": post(LOGIN, 403),
    "programmes:report_publish": post(LOGIN, 403),
    "tourism_grants:report_submit": post(LOGIN, 403),  # application_for
    "tourism_grants:assessor_assign": post(LOGIN, 403),
    "tourism_grants:conflict_declare": post(LOGIN, 403),
    "tourism_grants:scores_record": post(LOGIN, 403),
    "tourism_grants:award_decide": post(LOGIN, 403),
    "tourism_grants:application_reject": post(LOGIN, 403),
    "tourism_grants:payment_record": post(LOGIN, 403),
    "tourism_grants:report_review": post(LOGIN, 403),
    "tourism_stats:crowding": post(403, 403),  # only staff set thresholds
    "tourism:certificate_renew": post(LOGIN, 403),  # certificate_extend checks membership
    "tourism:certificate_status": post(LOGIN, 403),  # certificate_status_set: staff
    "tourism:application_start": post(LOGIN, 403),
    "tourism:tour_product_delete": post(LOGIN, 403),
    "tourism:application_act": post(LOGIN, 404),  # _viewable
    "tourism:appeal_create": post(LOGIN, 404),
    "tourism:conflict_create": post(LOGIN, 403),  # assessors only
    "privacy:download": post(LOGIN, 200),  # the signed-in person's own ZIP
    "privacy:delete": post(LOGIN, 200),  # no password: the page again, with its errors
}

# POSTs that may change the database for these roles, by design.
POST_WRITES_ALLOWED = {
    # registration_detail: "whoever holds the code holds the registration"; the code in the
    # URL is the capability to cancel (the events app asks for nothing else).
    "events:registration_cancel",
    # the download of one's own data is recorded in the privacy audit
    "privacy:download",
}


# --------------------------------------------------------------------------------------------
# API operations (from /api/v1/openapi.json), keyed "METHOD /path". Callers: anonymous; a
# bearer token that is not one (token:invalid); each role by session and by token.
# --------------------------------------------------------------------------------------------

API_CALLERS = (
    "anonymous",
    "token:invalid",
    *(f"session:{role}" for role in SIGNED_IN_ROLES),
    *(f"token:{role}" for role in SIGNED_IN_ROLES),
)
SIGNED_IN_CALLERS = API_CALLERS[2:]


def api_everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(API_CALLERS, status)


API_PUBLIC = api_everyone(200)
# auth=SESSION_OR_TOKEN: no valid session or token is 401.
API_SIGNED_IN = {"anonymous": 401, "token:invalid": 401, **dict.fromkeys(SIGNED_IN_CALLERS, 200)}
# ... and an empty body then fails validation.
API_SIGNED_IN_EMPTY_BODY = {**API_SIGNED_IN, **dict.fromkeys(SIGNED_IN_CALLERS, 422)}

# Unpublished or hidden: staff callers (by session or token) see it, everyone else 404.
API_HIDDEN_ELSE_404 = {
    **api_everyone(404),
    **dict.fromkeys(("session:city_staff", "session:administrator"), 200),
    **dict.fromkeys(("token:city_staff", "token:administrator"), 200),
}
TOKEN_IGNORED = suspected_bug(
    200,
    "the endpoint reads request.user, not api_auth.request_user(): a bearer token is treated "
    "as anonymous, so a staff script gets 404 where the staff session gets 200 (observations "
    "and local targets honour tokens)",
)
# The same, where the endpoint ignores bearer tokens.
API_HIDDEN_TOKEN_IGNORED = {
    **API_HIDDEN_ELSE_404,
    "token:city_staff": TOKEN_IGNORED,
    "token:administrator": TOKEN_IGNORED,
}

# Path parameters, and query parameters the schema marks required. Keys as in PARAMS:
# "METHOD /path[variant]" for several objects behind one operation.
API_PARAMS: dict[str, dict[str, Param]] = {
    "GET /api/v1/goals/{number}": {"number": lambda w: 11},
    "GET /api/v1/areas/{code}": {"code": lambda w: w.city_area.code},
    "GET /api/v1/indicators/{code}/values": {"code": lambda w: w.indicator.code},
    "GET /api/v1/areas/{code}/scores": {"code": lambda w: w.city_area.code},
    "GET /api/v1/indicators/{code}/download.csv": {"code": lambda w: w.indicator.code},
    "GET /api/v1/indicators/{code}/download-opensdg.csv": {"code": lambda w: w.indicator.code},
    "GET /api/v1/indicators/{code}/map.geojson": {"code": lambda w: w.indicator.code},
    "GET /api/v1/projects/{slug}": {"slug": lambda w: w.project.slug},
    "GET /api/v1/projects/{slug}[draft]": {"slug": lambda w: w.draft_project.slug},
    "GET /api/v1/search": {"q": lambda w: "金沢"},
    "GET /api/v1/nature/observations/{uuid}": {"uuid": lambda w: w.observation.uuid},
    "GET /api/v1/nature/observations/{uuid}[hidden]": {"uuid": lambda w: w.hidden_observation.uuid},
    "POST /api/v1/nature/observations/{uuid}/identifications": {
        "uuid": lambda w: w.observation.uuid
    },
    # optional in the schema, but map_query_parse answers 422 without a bounding box
    "GET /api/v1/nature/map/clusters": {
        "bbox": lambda w: "136.5,36.45,136.85,36.7",
        "zoom": lambda w: 11,
    },
    "GET /api/v1/nature/campaigns/{slug}": {"slug": lambda w: w.campaign.slug},
    "GET /api/v1/nature/campaigns/{slug}[draft]": {"slug": lambda w: w.draft_campaign.slug},
    "GET /api/v1/nature/campaigns/{slug}/results": {"slug": lambda w: w.campaign.slug},
    "GET /api/v1/nature/campaigns/{slug}/results[draft]": {"slug": lambda w: w.draft_campaign.slug},
    "GET /api/v1/nature/culture/elements/{slug}": {"slug": lambda w: w.element.slug},
    "GET /api/v1/nature/biodiversity-index/assessments/{year}": {
        "year": lambda w: w.assessment.year
    },
    "GET /api/v1/nature/biodiversity-index/assessments/{year}[draft]": {
        "year": lambda w: w.draft_assessment.year
    },
    "GET /api/v1/crafts/crafts/{slug}": {"slug": lambda w: w.craft.slug},
    "GET /api/v1/crafts/workshops/{slug}": {"slug": lambda w: w.workshop.slug},
    "GET /api/v1/crafts/workshops/{slug}[unpublished]": {
        "slug": lambda w: w.unpublished_workshop.slug
    },
    "GET /api/v1/crafts/experiences/{slug}/slots": {"slug": lambda w: w.experience.slug},
    "POST /api/v1/crafts/experiences/bookings/{code}/cancel": {"code": lambda w: w.booking.code},
    "GET /api/v1/crafts/programmes/{slug}": {"slug": lambda w: w.programme.slug},
    "GET /api/v1/crafts/programmes/{slug}[unpublished]": {
        "slug": lambda w: w.unpublished_programme.slug
    },
    "GET /api/v1/network/cities/{slug}": {"slug": lambda w: w.creative_city.slug},
    "GET /api/v1/tourism/schemes/{code}": {"code": lambda w: w.certificate.version.scheme.code},
    "GET /api/v1/tourism/certificates/{number}": {"number": lambda w: w.certificate.number},
    "GET /api/v1/tourism/grants/calls/{slug}": {"slug": lambda w: w.grant_call.slug},
    "GET /api/v1/tourism/statistics/monthly": {"area": lambda w: w.statistics_area.code},
    "GET /api/v1/tourism/statistics/crowding": {"area": lambda w: w.statistics_area.code},
    "GET /api/v1/reports/{slug}": {"slug": lambda w: w.report.slug},
    "GET /api/v1/reports/{slug}[unpublished]": {"slug": lambda w: w.draft_report.slug},
}

API_EXPECTED: dict[str, dict[str, int]] = {
    "GET /api/v1/goals": API_PUBLIC,
    "GET /api/v1/goals/{number}": API_PUBLIC,
    "GET /api/v1/targets": API_PUBLIC,
    "GET /api/v1/local-targets": API_PUBLIC,  # drafts only in staff callers' lists
    "GET /api/v1/areas": API_PUBLIC,
    "GET /api/v1/areas/{code}": API_PUBLIC,
    "GET /api/v1/accounts/me": API_SIGNED_IN,
    "GET /api/v1/statistics": API_PUBLIC,
    "GET /api/v1/observations": API_PUBLIC,
    "GET /api/v1/indicators": API_PUBLIC,
    "GET /api/v1/indicators/{code}/values": API_PUBLIC,
    # the demo imports no statistics, so no scores exist: 404 "no scores computed yet"
    "GET /api/v1/areas/{code}/scores": api_everyone(404),
    "GET /api/v1/indicators/{code}/download.csv": API_PUBLIC,
    "GET /api/v1/indicators/{code}/download-opensdg.csv": API_PUBLIC,
    "GET /api/v1/indicators/{code}/map.geojson": API_PUBLIC,
    "GET /api/v1/projects": API_PUBLIC,
    "GET /api/v1/projects/{slug}": API_PUBLIC,
    # "drafts are not in the public API, whoever asks"
    "GET /api/v1/projects/{slug}[draft]": api_everyone(404),
    "GET /api/v1/search": API_PUBLIC,
    "GET /api/v1/open-data/partners": API_PUBLIC,
    "GET /api/v1/open-data/projects": API_PUBLIC,
    "GET /api/v1/open-data/events": API_PUBLIC,
    "POST /api/v1/suggestions/classify": api_everyone(422),  # no text
    "GET /api/v1/nature/observations": API_PUBLIC,
    "POST /api/v1/nature/observations": API_SIGNED_IN_EMPTY_BODY,
    "GET /api/v1/nature/observations/{uuid}": API_PUBLIC,
    "GET /api/v1/nature/observations/{uuid}[hidden]": API_HIDDEN_ELSE_404,  # request_user
    "POST /api/v1/nature/observations/{uuid}/identifications": API_SIGNED_IN_EMPTY_BODY,
    "GET /api/v1/nature/taxa/autocomplete": API_PUBLIC,
    "GET /api/v1/nature/campaigns": API_PUBLIC,
    "GET /api/v1/nature/campaigns/{slug}": API_PUBLIC,
    "GET /api/v1/nature/campaigns/{slug}[draft]": API_HIDDEN_TOKEN_IGNORED,
    "GET /api/v1/nature/campaigns/{slug}/results": API_PUBLIC,
    "GET /api/v1/nature/campaigns/{slug}/results[draft]": API_HIDDEN_TOKEN_IGNORED,
    "GET /api/v1/nature/map/clusters": API_PUBLIC,
    "GET /api/v1/nature/culture/graph": API_PUBLIC,
    "GET /api/v1/nature/culture/elements": API_PUBLIC,
    "GET /api/v1/nature/culture/elements/{slug}": API_PUBLIC,
    "GET /api/v1/nature/biodiversity-index/assessments": API_PUBLIC,
    "GET /api/v1/nature/biodiversity-index/assessments/{year}": API_PUBLIC,
    "GET /api/v1/nature/biodiversity-index/assessments/{year}[draft]": api_everyone(404),
    "GET /api/v1/crafts/crafts": API_PUBLIC,
    "GET /api/v1/crafts/crafts/{slug}": API_PUBLIC,
    "GET /api/v1/crafts/workshops": API_PUBLIC,
    "GET /api/v1/crafts/workshops/{slug}": API_PUBLIC,
    "GET /api/v1/crafts/workshops/{slug}[unpublished]": api_everyone(404),
    "GET /api/v1/crafts/experiences/": API_PUBLIC,
    "GET /api/v1/crafts/experiences/{slug}/slots": API_PUBLIC,
    # anyone may book (no auth); an empty body is a 422
    "POST /api/v1/crafts/experiences/bookings": api_everyone(422),
    "POST /api/v1/crafts/experiences/bookings/{code}/cancel": api_everyone(422),  # no email
    "GET /api/v1/crafts/programmes/": API_PUBLIC,
    "GET /api/v1/crafts/programmes/calls": API_PUBLIC,
    "GET /api/v1/crafts/programmes/figures": API_PUBLIC,
    "GET /api/v1/crafts/programmes/{slug}": API_PUBLIC,
    "GET /api/v1/crafts/programmes/{slug}[unpublished]": API_HIDDEN_TOKEN_IGNORED,
    "GET /api/v1/network/cities": API_PUBLIC,
    "GET /api/v1/network/cities/{slug}": API_PUBLIC,
    "GET /api/v1/network/exchanges": API_PUBLIC,
    "GET /api/v1/network/meetings": API_PUBLIC,
    "GET /api/v1/tourism/schemes/{code}": API_PUBLIC,
    "GET /api/v1/tourism/certificates": API_PUBLIC,
    "GET /api/v1/tourism/certificates/{number}": API_PUBLIC,
    "GET /api/v1/tourism/grants/calls": API_PUBLIC,
    "GET /api/v1/tourism/grants/calls/{slug}": API_PUBLIC,
    "GET /api/v1/tourism/grants/awards": API_PUBLIC,
    "GET /api/v1/tourism/statistics/monthly": API_PUBLIC,
    "GET /api/v1/tourism/statistics/crowding": API_PUBLIC,
    "GET /api/v1/reports/": API_PUBLIC,
    "GET /api/v1/reports/{slug}": API_PUBLIC,
    "GET /api/v1/reports/{slug}[unpublished]": api_everyone(404),  # published reports only
}
