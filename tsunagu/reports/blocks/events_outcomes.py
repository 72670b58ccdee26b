"""The events held in the period, one row each: date, title, type, participants and the
outcomes written in the event's published minutes (closing report).

Participants follow the events statistics: the minutes' attendee count, else the people
checked in, else the confirmed registrations. Unpublished minutes are never quoted.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from tsunagu.events.models import Event, EventKind, Minutes
from tsunagu.reports.blocks import register
from tsunagu.reports.blocks.base import Block, BlockContext, both, field_both
from tsunagu.reports.blocks.partnership import events_held_in, figure, period_source


def published_outcomes(events: list[Event]) -> dict[int, dict[str, str]]:
    """Event id -> the outcomes of its published minutes, in both languages (each standing
    in for the other when only one was written); events without any are left out."""
    outcomes = {}
    minutes = Minutes.objects.filter(
        event__in=events, is_published=True, current__isnull=False
    ).select_related("current")
    for item in minutes:
        ja, en = item.current.outcomes_ja, item.current.outcomes_en
        if ja or en:
            outcomes[item.event_id] = {"ja": ja or en, "en": en or ja}
    return outcomes


@register
class EventsOutcomesBlock(Block):
    name = "events_outcomes"
    title = gettext_lazy("Events held and their outcomes")
    template = "reports/blocks/events_outcomes.html"

    def collect(self, context: BlockContext) -> dict:
        year = context.year
        events = list(events_held_in(context).order_by("starts_at", "pk"))
        outcomes = published_outcomes(events)
        kinds = {kind: both(lambda label=label: label) for kind, label in EventKind.choices}
        source = period_source(
            both(lambda: _("Tsunagu events, check-ins and published minutes")), context
        )
        event_unit = both(lambda: pgettext("unit", "events"))
        counts = {kind: sum(e.kind == kind for e in events) for kind in kinds}
        figures = [
            figure(
                "events_count",
                both(lambda: _("Events held")),
                len(events),
                event_unit,
                year,
                source,
            ),
            *(
                figure(
                    f"events_{kind}",
                    both(lambda label=label: _("Events held: %(type)s") % {"type": label}),
                    counts[kind],
                    event_unit,
                    year,
                    source,
                    chart="events-by-type",
                )
                for kind, label in EventKind.choices
            ),
            figure(
                "participants",
                both(lambda: _("Participants")),
                sum(e.participants or 0 for e in events),
                both(lambda: pgettext("unit", "people")),
                year,
                source,
            ),
        ]
        chart = {
            "id": "events-by-type",
            "kind": "hbar",
            "title": both(lambda: _("Events held by type")),
            "categories": list(kinds.values()),
            "series": [{"name": both(lambda: _("Events")), "values": [counts[k] for k in kinds]}],
            "unit": event_unit,
            "source": source,
        }
        table = {
            "id": "events-outcomes",
            "caption": both(lambda: _("Events held in the period and their outcomes")),
            "columns": [
                both(lambda: _("Date")),
                both(lambda: _("Title")),
                both(lambda: _("Type")),
                both(lambda: _("Participants")),
                both(lambda: _("Outcomes")),
            ],
            "rows": [
                [
                    timezone.localdate(event.starts_at).isoformat(),
                    field_both(event, "title"),
                    kinds[event.kind],
                    event.participants or 0,
                    outcomes.get(event.pk, "–"),
                ]
                for event in events
            ],
            "source": source,
        }
        return {
            "year": year,
            "is_demo": any(event.is_demo for event in events),
            "figures": figures,
            "charts": [chart],
            "tables": [table],
            "sources": [source],
        }
