"""Kanazawa's talent programmes: programmes, their calls, applications with documents and
assessor scores, participants and their reports."""

from tsunagu.programmes.models.applications import (
    Application,
    ApplicationDocument,
    ApplicationStatus,
    Criterion,
    Score,
)
from tsunagu.programmes.models.participants import Participant, Report, ReportKind
from tsunagu.programmes.models.programmes import Call, CallQuestion, Programme, ProgrammeKind

__all__ = [
    "Application",
    "ApplicationDocument",
    "ApplicationStatus",
    "Call",
    "CallQuestion",
    "Criterion",
    "Participant",
    "Programme",
    "ProgrammeKind",
    "Report",
    "ReportKind",
    "Score",
]
