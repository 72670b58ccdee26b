"""The inventory of personal data: every kind of record about a person, what the download
contains and what a deletion does to it. The download and the deletion both walk this list,
and tests/test_registry.py fails when a model links to an account (or has a personal-looking
field) that is not listed here.

What a deletion does, per kind:
- DELETE: the record goes (nobody needs it without the person).
- ANONYMISE: the record stays for statistics or science, without the person: the link to
  the account is cut (nullable links) and the personal fields are overwritten.
- RETAIN: the city must keep the record (public accounting, official decisions, the
  integrity of reviews); it keeps pointing to the account, which is itself scrubbed.
- UNLINK: the person is removed from a membership (many-to-many).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q

ERASED = "[erased]"


class Erasure(StrEnum):
    DELETE = "delete"
    ANONYMISE = "anonymise"
    RETAIN = "retain"
    UNLINK = "unlink"


def erased_email(obj: models.Model) -> str:
    """Unique per record, so unique constraints on email hold; `.invalid` never delivers."""
    return f"erased-{obj._meta.model_name}-{obj.pk}@erased.invalid"


def _first_of_year(obj: models.Model) -> date:
    return date(obj.date_of_birth.year, 1, 1)


def _erased_if_set(name: str) -> Callable[[models.Model], str]:
    return lambda obj: ERASED if getattr(obj, name) else ""


@dataclass(frozen=True)
class PersonalData:
    model: str  # "app_label.ModelName"
    person: str  # lookup from the model to the account: "user", "observation__observer"
    erasure: Erasure
    export: tuple[str, ...]  # fields in the download
    files: tuple[str, ...] = ()  # file fields whose files go into the download
    scrub: dict[str, Any] = field(default_factory=dict)  # field -> value or f(record)
    # Records matching this are deleted whatever `erasure` says (e.g. unsent drafts).
    delete_when: Q | None = None
    # Match `person` against the account's email address instead of the account.
    by_email: bool = False

    @property
    def model_class(self) -> type[models.Model] | None:
        try:
            return apps.get_model(self.model)
        except LookupError:  # an optional app (e.g. two-factor devices) is not installed
            return None

    @property
    def key(self) -> str:
        return self.model.lower()

    def records(self, user) -> models.QuerySet | None:
        model = self.model_class
        if model is None:
            return None
        if self.by_email:
            return model._default_manager.filter(**{f"{self.person}__iexact": user.email})
        return model._default_manager.filter(**{self.person: user.pk})


A, D, R, U = Erasure.ANONYMISE, Erasure.DELETE, Erasure.RETAIN, Erasure.UNLINK
NAME_AND_EMAIL = {"name": ERASED, "email": erased_email}

# Order matters for deletion: children before their parents, and bookings are cancelled
# (services.erasure) before this list is walked.
PERSONAL_DATA: tuple[PersonalData, ...] = (
    PersonalData(
        "accounts.User",
        "pk",
        R,  # scrubbed and deactivated by services.erasure.account_scrub
        ("email", "full_name", "language", "date_joined", "last_login"),
    ),
    PersonalData("accounts.Membership", "user", D, ("organisation", "joined_at")),
    PersonalData("accounts.ApiToken", "user", D, ("name", "prefix", "created_at", "last_used_at")),
    PersonalData("accounts.ReviewAssignment", "reviewer", R, ("content_type", "assigned_at")),
    PersonalData(
        "axes.AccessAttempt",
        "username",
        D,
        ("attempt_time", "ip_address", "user_agent"),
        by_email=True,
    ),
    PersonalData(
        "axes.AccessFailureLog",
        "username",
        D,
        ("attempt_time", "ip_address", "user_agent"),
        by_email=True,
    ),
    PersonalData(
        "axes.AccessLog", "username", D, ("attempt_time", "ip_address", "user_agent"), by_email=True
    ),
    PersonalData("otp_totp.TOTPDevice", "user", D, ("name", "confirmed")),
    PersonalData("otp_static.StaticDevice", "user", D, ("name", "confirmed")),
    PersonalData(
        "events.Registration",
        "user",
        A,
        ("event", "name", "email", "status", "language", "created_at", "checked_in_at"),
        scrub=NAME_AND_EMAIL,
    ),
    PersonalData(
        "experiences.Booking",
        "user",
        A,
        ("slot", "name", "email", "participants", "language", "needs", "status", "amount_due"),
        scrub={**NAME_AND_EMAIL, "needs": ""},
    ),
    PersonalData(
        "experiences.WaitlistEntry",
        "user",
        A,
        ("slot", "name", "email", "participants", "language", "needs", "status", "created_at"),
        scrub={**NAME_AND_EMAIL, "needs": ""},
    ),
    PersonalData(
        "nature.ObservationPhoto", "observation__observer", R, ("observation",), files=("image",)
    ),
    PersonalData(
        "nature.Observation",
        "observer",
        A,
        (
            "occurrence_id",
            "observed_at",
            "taxon",
            "latitude",
            "longitude",
            "uncertainty_m",
            "locality",
            "count",
            "life_stage",
            "notes",
            "licence",
            "created_at",
        ),
        # Species, date, place and photos keep their scientific value; the name credited
        # and free text (which may name people or a home) go.
        scrub={"recorded_by": "", "notes": ""},
    ),
    PersonalData(
        "nature.Identification",
        "user",
        R,  # votes decide the community taxon; the voter becomes "Member N"
        ("observation", "taxon", "comment", "created_at"),
        scrub={"comment": ""},
    ),
    PersonalData(
        "nature.Flag",
        "flagged_by",
        R,
        ("observation", "reason", "comment", "status", "created_at"),
        scrub={"comment": ""},
    ),
    PersonalData(
        "nature.CampaignParticipant",
        "user",
        A,
        ("campaign", "name", "is_child", "guardian_name", "guardian_consent_at", "joined_at"),
        scrub={"name": ERASED, "guardian_name": _erased_if_set("guardian_name")},
    ),
    PersonalData(
        "nature.Visit", "recorded_by", A, ("campaign", "site", "date", "notes"), scrub={"notes": ""}
    ),
    PersonalData(
        "crafts.ContactMessage", "sender", D, ("workshop", "name", "email", "message", "created_at")
    ),
    PersonalData("crafts.Workshop", "managers", U, ("name",)),
    PersonalData(
        "crafts.Artisan",
        "user",
        A,  # the workshop's public profile: taken offline for the secretariat to review
        ("name", "biography", "workshop"),
        scrub={"is_published": False},
    ),
    PersonalData(
        "partners.CouncilMember",
        "user",
        A,  # a public record of who sat on the council; only the account link goes
        ("person_name", "title", "term_start", "term_end"),
    ),
    PersonalData(
        "partners.IntroductionRequest",
        "requested_by",
        A,
        ("from_partner", "to_partner", "message", "created_at"),
        scrub={"message": ""},
    ),
    PersonalData(
        "programmes.ApplicationDocument",
        "application__applicant",
        D,
        ("application", "original_name", "content_type", "size"),
        files=("file",),
    ),
    PersonalData(
        "programmes.Application",
        "applicant",
        R,  # decisions stay for the programme's statistics, without the person's details
        (
            "call",
            "full_name",
            "date_of_birth",
            "statement",
            "answers",
            "guardian_name",
            "guardian_consent",
            "status",
            "decision_reason",
            "submitted_at",
        ),
        scrub={
            "full_name": ERASED,
            "date_of_birth": _first_of_year,
            "statement": "",
            "answers": {},
            "guardian_name": _erased_if_set("guardian_name"),
        },
    ),
    PersonalData(
        "programmes.Participant",
        "user",
        A,
        ("programme", "year", "name", "count", "destination_city", "note"),
        scrub={"name": ERASED, "note": ""},
    ),
    PersonalData(
        "programmes.Report", "submitted_by", A, ("kind", "year", "title", "body", "submitted_at")
    ),
    PersonalData("tourism.Operator", "members", U, ("name",)),
    PersonalData(
        "tourism.Evidence",
        "uploaded_by",
        A,  # the operator's evidence; only who uploaded it goes
        ("application", "original_name", "content_type", "size", "uploaded_at"),
        files=("file",),
    ),
    PersonalData("tourism.Application", "created_by", A, ("status", "created_at", "submitted_at")),
    PersonalData("tourism.Appeal", "lodged_by", A, ("application", "grounds", "lodged_at")),
    PersonalData(
        "tourism_grants.ApplicationDocument",
        "application__applicant",
        R,
        ("application", "original_name", "content_type", "uploaded_at"),
        files=("file",),
        delete_when=Q(application__status="draft"),
    ),
    PersonalData(
        "tourism_grants.GrantApplication",
        "applicant",
        R,  # submitted applications are public accounting records; drafts go
        ("call", "project_title", "description", "requested_yen", "status", "submitted_at"),
        delete_when=Q(status="draft"),
    ),
    # The assessor's name is someone else's data: only the date is exported.
    PersonalData("tourism_grants.GrantConflict", "applicant", R, ("declared_at",)),
)

# Links from a record to the account of whoever acted on it as staff, assessor or organiser.
# The record is the city's (an official decision, an import, a score): it stays, pointing to
# the scrubbed account. The download lists how many there are, not their content.
ACTOR_REFERENCES: tuple[tuple[str, str], ...] = (
    ("admin.LogEntry", "user"),
    ("accounts.ReviewAssignment", "assigned_by"),
    ("indicators.ImportRun", "imported_by"),
    ("partners.Partner", "reviewed_by"),
    ("events.Invitation", "invited_by"),
    ("events.MinutesRevision", "author"),
    ("projects.ProgressReport", "submitted_by"),
    ("suggestions.SdgSuggestion", "decided_by"),
    ("nature.Flag", "resolved_by"),
    ("nature.DarwinCoreImport", "imported_by"),
    ("biodiversity_index.IndicatorScore", "entered_by"),
    ("programmes.Application", "decided_by"),
    ("programmes.Score", "assessor"),
    ("tourism.Application", "chair"),
    ("tourism.PanelScore", "assessor"),
    ("tourism.Appeal", "reviewer"),
    ("tourism.AuditEntry", "actor"),
    ("tourism.ConflictOfInterest", "assessor"),
    ("tourism_grants.CriterionScore", "assessor"),
    ("tourism_grants.Award", "decided_by"),
    ("tourism_grants.Payment", "recorded_by"),
    ("tourism_grants.GrantReport", "reviewed_by"),
    ("tourism_grants.GrantConflict", "assessor"),
    ("tourism_grants.GrantConflict", "declared_by"),
    ("tourism_stats.VisitorImport", "imported_by"),
    ("tourism_stats.CrowdingThreshold", "updated_by"),
    ("reports.Report", "created_by"),
    ("reports.ReportVersion", "generated_by"),
    ("privacy.PrivacyRequest", "user"),
    ("privacy.PrivacyRequest", "handled_by"),
)

# Personal data not linked to any account (an email address is never verified, so matching
# by it would hand one person's data to another): the secretariat answers these requests
# by hand, as the privacy policy says.
UNLINKED_PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "partners.Partner": ("contact_name", "contact_email", "contact_phone"),
    "events.Invitation": ("email", "name"),
}

# Fields that look personal but describe an organisation or a place of business, or are
# already covered above (the person's own record, pseudonymous keys).
NOT_PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "crafts.Workshop": ("contact_email", "address", "address_ja", "address_en"),
    "partners.CouncilMember": ("person_name_ja", "person_name_en"),
    "crafts.Artisan": ("name_ja", "name_en"),
    "privacy.PrivacyRequest": ("subject_reference",),
}


def personal_data() -> Iterator[PersonalData]:
    """The kinds whose model is installed."""
    return (entry for entry in PERSONAL_DATA if entry.model_class is not None)
