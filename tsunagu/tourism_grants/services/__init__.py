from tsunagu.tourism_grants.services.applications import (
    application_reject,
    application_save,
    call_open_check,
)
from tsunagu.tourism_grants.services.awards import award_decide, payment_record
from tsunagu.tourism_grants.services.conflicts import conflict_declare
from tsunagu.tourism_grants.services.reports import figures_parse, report_review, report_submit
from tsunagu.tourism_grants.services.scoring import assessor_assign, can_score, scores_record

__all__ = [
    "application_reject",
    "application_save",
    "assessor_assign",
    "award_decide",
    "call_open_check",
    "can_score",
    "conflict_declare",
    "figures_parse",
    "payment_record",
    "report_review",
    "report_submit",
    "scores_record",
]
