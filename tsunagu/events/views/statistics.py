"""Yearly statistics of the partnership: partners, events and participants, SDG coverage."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tsunagu.events import selectors


def statistics(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    by_kind = selectors.events_by_kind_and_year(now=now)
    events = selectors.events_pivot(by_kind, "events")
    participants = selectors.events_pivot(by_kind, "total_participants")
    coverage = selectors.project_sdg_coverage()
    chart = {
        "years": [row[0] for row in events.rows],
        "kinds": [
            {
                "label": str(label),
                "events": [row[1][i] for row in events.rows],
                "participants": [row[1][i] for row in participants.rows],
            }
            for i, (_code, label) in enumerate(events.columns)
        ],
        "goals": coverage,
    }
    return render(
        request,
        "events/statistics.html",
        {
            "partners": selectors.partners_by_kind_and_year(),
            "events": events,
            "participants": participants,
            "series": selectors.series_by_year(now=now),
            "audiences": selectors.attendance_by_audience(now=now),
            "coverage": coverage,
            "coverage_total": sum(goal["projects"] for goal in coverage),
            "chart": chart,
            "as_of": now,
        },
    )
