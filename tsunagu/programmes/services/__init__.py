from tsunagu.programmes.services.applications import (
    application_decide,
    application_submit,
    assessor_assign,
    scores_save,
)
from tsunagu.programmes.services.participants import (
    participant_add,
    report_publish,
    report_submit,
)

__all__ = [
    "application_decide",
    "application_submit",
    "assessor_assign",
    "participant_add",
    "report_publish",
    "report_submit",
    "scores_save",
]
