"""The IMAGINE KANAZAWA 2030 partnership: approved partners by type, partner projects by SDG
and the events held in the period with their participants.

The programme is the city's own, so partners, projects and events are not filtered by area.
The small helpers at the top (a figure, source credits with the period or a date, the events
held in the period) are shared with the other programme blocks: events_outcomes,
biodiversity, crafts_network and tourism.
"""

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _

from tsunagu.accounts.models import OrganisationKind
from tsunagu.core.selectors import goal_list, sdg_goal_numbers
from tsunagu.events.models import Event
from tsunagu.events.selectors import held_events
from tsunagu.partners.models import Partner
from tsunagu.partners.selectors import partner_list
from tsunagu.projects.models import Project
from tsunagu.projects.selectors import projects_running
from tsunagu.reports.blocks import register
from tsunagu.reports.blocks.base import Block, BlockContext, both, field_both, pick
from tsunagu.reports.blocks.goal_overview import short_label


def figure(key: str, label: dict, value, unit: dict, year: int, source: dict, **extra) -> dict:
    return {
        "key": key,
        "label": label,
        "value": value,
        "unit": unit,
        "year": year,
        "source": source,
        **extra,
    }


def period_source(source: dict[str, str], context: BlockContext) -> dict[str, str]:
    """A source credit with the report's period: "Tsunagu ..., 2025-04-01 to 2026-03-31"."""
    return both(
        lambda: (
            _("%(source)s, %(start)s to %(end)s")
            % {
                "source": pick(source, get_language()),
                "start": context.period_start.isoformat(),
                "end": context.period_end.isoformat(),
            }
        )
    )


def as_of_source(source: dict[str, str], day: date) -> dict[str, str]:
    """A source credit for a stock on a day: "Tsunagu partner registry, as of 2026-03-31"."""
    return both(
        lambda: (
            _("%(source)s, as of %(date)s")
            % {"source": pick(source, get_language()), "date": day.isoformat()}
        )
    )


def events_held_in(context: BlockContext) -> QuerySet[Event]:
    """held_events (published, started; annotated with registered, attended, participants)
    that started in the report's period, Kanazawa time."""
    return held_events().filter(
        starts_at__date__gte=context.period_start, starts_at__date__lte=context.period_end
    )


def public_partners_registered_by(day: date) -> QuerySet[Partner]:
    """Approved and active partners (the public registry) registered on or before `day`."""
    return partner_list(user=AnonymousUser()).filter(registered_on__lte=day)


@register
class PartnershipBlock(Block):
    name = "partnership"
    title = gettext_lazy("Partnership: partners, projects and events")
    template = "reports/blocks/partnership.html"

    def collect(self, context: BlockContext) -> dict:
        year = context.year
        figures, charts = [], []

        partners = public_partners_registered_by(context.period_end)
        by_kind = {
            row["organisation__kind"]: row["n"]
            for row in partners.order_by().values("organisation__kind").annotate(n=Count("pk"))
        }
        partner_source = as_of_source(
            both(lambda: _("Tsunagu partner registry")), context.period_end
        )
        organisations = both(lambda: pgettext("unit", "organisations"))
        figures.append(
            figure(
                "partners_total",
                both(lambda: _("Partners (approved and active)")),
                sum(by_kind.values()),
                organisations,
                year,
                partner_source,
            )
        )
        figures += [
            figure(
                f"partners_{kind}",
                both(lambda label=label: _("Partners: %(type)s") % {"type": label}),
                by_kind.get(kind, 0),
                organisations,
                year,
                partner_source,
            )
            for kind, label in OrganisationKind.choices
        ]
        figures.append(
            figure(
                "partners_new",
                both(lambda: _("Partners registered in the period")),
                partners.filter(registered_on__gte=context.period_start).count(),
                organisations,
                year,
                partner_source,
            )
        )

        projects = projects_running(start=context.period_start, end=context.period_end)
        project_ids = list(projects.values_list("pk", flat=True))
        goals_of = sdg_goal_numbers(Project, project_ids)
        project_source = period_source(
            both(lambda: _("Tsunagu partner projects and their SDG tags")), context
        )
        project_unit = both(lambda: pgettext("unit", "projects"))
        goals = list(goal_list())
        per_goal = {
            goal.number: sum(goal.number in numbers for numbers in goals_of.values())
            for goal in goals
        }
        figures.append(
            figure(
                "projects_total",
                both(lambda: _("Partner projects running in the period")),
                len(project_ids),
                project_unit,
                year,
                project_source,
            )
        )
        figures += [
            figure(
                f"projects_goal_{goal.number}",
                both(
                    lambda goal=goal: (
                        _("Projects working on Goal %(number)s") % {"number": goal.number}
                    )
                ),
                per_goal[goal.number],
                project_unit,
                year,
                project_source,
                chart="projects-by-goal",
            )
            for goal in goals
        ]
        charts.append(
            {
                "id": "projects-by-goal",
                "kind": "hbar",
                "title": both(
                    lambda: _("Partner projects by SDG goal (a project may work on several)")
                ),
                "categories": [
                    {
                        language: short_label(
                            f"{goal.number}. {field_both(goal, 'short_title')[language]}"
                        )
                        for language in ("ja", "en")
                    }
                    for goal in goals
                ],
                "series": [
                    {
                        "name": both(lambda: _("Projects")),
                        "values": [per_goal[goal.number] for goal in goals],
                        "colours": [goal.colour for goal in goals],
                    }
                ],
                "unit": project_unit,
                "source": project_source,
            }
        )

        events = events_held_in(context)
        # Aliases differ from held_events' annotations: an aggregate named like the
        # annotation it sums would shadow it (and sum nothing).
        totals = events.aggregate(
            events=Count("pk"),
            total_participants=Coalesce(Sum("participants"), 0),
            total_registered=Coalesce(Sum("registered"), 0),
            total_attended=Coalesce(Sum("attended"), 0),
        )
        event_source = period_source(
            both(lambda: _("Tsunagu registrations and check-ins")), context
        )
        people = both(lambda: pgettext("unit", "people"))
        figures += [
            figure(
                "events_count",
                both(lambda: _("Events held")),
                totals["events"],
                both(lambda: pgettext("unit", "events")),
                year,
                event_source,
            ),
            figure(
                "participants",
                both(lambda: _("Participants")),
                totals["total_participants"],
                people,
                year,
                event_source,
            ),
            figure(
                "registrations",
                both(lambda: _("Confirmed registrations")),
                totals["total_registered"],
                people,
                year,
                event_source,
            ),
            figure(
                "check_ins",
                both(lambda: _("Attended (checked in)")),
                totals["total_attended"],
                people,
                year,
                event_source,
            ),
        ]
        return {
            "year": year,
            "is_demo": (
                partners.filter(is_demo=True).exists()
                or projects.filter(is_demo=True).exists()
                or events.filter(is_demo=True).exists()
            ),
            "figures": figures,
            "charts": charts,
            "tables": [],
            "sources": [partner_source, project_source, event_source],
        }
