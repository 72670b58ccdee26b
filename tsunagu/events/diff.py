"""Compare two revisions of minutes as text: a unified diff, line by line, for the template
to render (escaped like any other text)."""

import difflib
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tsunagu.events.models import MinutesRevision


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "added", "removed", "context" or "hunk"
    text: str


def revision_lines(revision: MinutesRevision) -> list[str]:
    """The whole revision as labelled lines, so that every field shows up in a diff."""
    links = revision.links or {}
    sections = [
        (_("Minutes (Japanese)"), revision.body_ja),
        (_("Minutes (English)"), revision.body_en),
        (_("Outcomes (Japanese)"), revision.outcomes_ja),
        (_("Outcomes (English)"), revision.outcomes_en),
        (
            _("Number of attendees"),
            "" if revision.attendee_count is None else str(revision.attendee_count),
        ),
        (_("Published"), _("yes") if revision.is_published else _("no")),
        (_("Attending organisations"), "\n".join(links.get("organisations", []))),
        (_("Projects created"), "\n".join(links.get("projects", []))),
        (_("Partners matched"), "\n".join(links.get("partners", []))),
    ]
    lines = []
    for label, text in sections:
        lines.append(f"## {label}")
        lines.extend(text.splitlines() or [""])
    return lines


def revisions_diff(old: MinutesRevision, new: MinutesRevision) -> list[DiffLine]:
    diff = difflib.unified_diff(
        revision_lines(old),
        revision_lines(new),
        fromfile=f"r{old.number}",
        tofile=f"r{new.number}",
        lineterm="",
        n=2,
    )
    lines = []
    for line in diff:
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            lines.append(DiffLine("hunk", line))
        elif line.startswith("+"):
            lines.append(DiffLine("added", line[1:]))
        elif line.startswith("-"):
            lines.append(DiffLine("removed", line[1:]))
        else:
            lines.append(DiffLine("context", line[1:]))
    return lines
