"""Chart data (for json_script): every figure is also in a table on the page."""

from django.utils.translation import gettext as _

from tsunagu.tourism_stats.models import Measure
from tsunagu.tourism_stats.selectors import Crowding, MonthRow


def monthly_chart(rows: list[MonthRow]) -> dict:
    return {
        "labels": [f"{r.year}-{r.month:02d}" for r in rows],
        "series": [
            {"name": str(Measure(m).label), "key": m, "values": [r.values.get(m) for r in rows]}
            for m in (Measure.VISITORS, Measure.STAYS_JAPANESE, Measure.STAYS_FOREIGN)
        ],
    }


def crowding_chart(crowding: Crowding) -> dict:
    years = crowding.years
    threshold = crowding.threshold
    return {
        "months": [_("Month %(month)s") % {"month": m} for m in range(1, 13)],
        "years": [str(y) for y in years],
        "cells": [
            [c.month - 1, years.index(c.year), round(c.per_resident, 3)] for c in crowding.cells
        ],
        "warning": threshold.warning if threshold else None,
        "critical": threshold.critical if threshold else None,
        "over": [f"{c.year}-{c.month:02d}" for c in crowding.over],
        "labels": {
            "value": _("Visitors per resident"),
            "normal": _("Below the warning level"),
            "warning": _("Warning"),
            "critical": _("Critical"),
        },
    }
