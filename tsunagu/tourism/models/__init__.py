from tsunagu.tourism.models.applications import (
    Answer,
    Appeal,
    AppealStatus,
    Application,
    ApplicationStatus,
    AuditEntry,
    Evidence,
    ItemAnswer,
    PanelScore,
    Score,
)
from tsunagu.tourism.models.certificates import Certificate, CertificateStatus
from tsunagu.tourism.models.operators import (
    ConflictOfInterest,
    Operator,
    OperatorType,
    TourProduct,
)
from tsunagu.tourism.models.schemes import Indicator, Item, Scheme, SchemeVersion

__all__ = [
    "Answer",
    "Appeal",
    "AppealStatus",
    "Application",
    "ApplicationStatus",
    "AuditEntry",
    "Certificate",
    "CertificateStatus",
    "ConflictOfInterest",
    "Evidence",
    "Indicator",
    "Item",
    "ItemAnswer",
    "Operator",
    "OperatorType",
    "PanelScore",
    "Scheme",
    "SchemeVersion",
    "Score",
    "TourProduct",
]
