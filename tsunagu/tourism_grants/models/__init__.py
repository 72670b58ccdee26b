from tsunagu.tourism_grants.models.applications import (
    ApplicationDocument,
    ApplicationStatus,
    BudgetLine,
    CriterionScore,
    GrantApplication,
)
from tsunagu.tourism_grants.models.awards import (
    Award,
    GrantReport,
    Payment,
    PaymentStatus,
    ReportAttachment,
    ReportStatus,
)
from tsunagu.tourism_grants.models.calls import GrantCall, ScoringCriterion
from tsunagu.tourism_grants.models.conflicts import GrantConflict

__all__ = [
    "ApplicationDocument",
    "ApplicationStatus",
    "Award",
    "BudgetLine",
    "CriterionScore",
    "GrantApplication",
    "GrantCall",
    "GrantConflict",
    "GrantReport",
    "Payment",
    "PaymentStatus",
    "ReportAttachment",
    "ReportStatus",
    "ScoringCriterion",
]
