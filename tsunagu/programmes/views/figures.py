"""Figures per year: page with a chart and table, and the same figures as CSV."""

import csv

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.programmes import selectors


def _cities(row: dict) -> str:
    return "; ".join(
        f"{city['city']} ({city['country']}) ×{city['dispatched']}" for city in row["cities"]
    )


def figures(request: HttpRequest) -> HttpResponse:
    rows = selectors.figures_by_year()
    for row in rows:
        row["cities_text"] = _cities(row)
    chart = {
        "years": [row["year"] for row in rows],
        "series": [
            {"name": str(label), "data": [row[key] for row in rows]}
            for key, label in (
                ("scholarships_awarded", _("Scholarships awarded")),
                ("children_reached", _("Children reached")),
                ("craftsmen_dispatched", _("Craftsmen dispatched")),
                ("residents_hosted", _("Residents hosted")),
            )
        ],
    }
    return render(
        request,
        "programmes/figures.html",
        {"rows": rows, "chart": chart, "as_of": timezone.now()},
    )


def figures_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="programme-figures.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "year",
            "scholarships_awarded",
            "children_reached",
            "craftsmen_dispatched",
            "residents_hosted",
            "dispatch_cities",
        ]
    )
    for row in selectors.figures_by_year():
        writer.writerow(
            [
                row["year"],
                row["scholarships_awarded"],
                row["children_reached"],
                row["craftsmen_dispatched"],
                row["residents_hosted"],
                _cities(row),
            ]
        )
    return response
