"""Public pages: calls, one call, the awards made and their CSV."""

import csv

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.accounts import policy
from tsunagu.tourism_grants import selectors
from tsunagu.tourism_grants.models import GrantCall


def call_list(request):
    now = timezone.now()
    calls = list(selectors.call_list().prefetch_related("criteria"))
    return render(
        request,
        "tourism_grants/call_list.html",
        {
            "open_calls": [c for c in calls if c.is_open(now)],
            "other_calls": [c for c in calls if not c.is_open(now)],
        },
    )


def call_detail(request, slug: str):
    call = get_object_or_404(GrantCall, slug=slug)
    return render(
        request,
        "tourism_grants/call_detail.html",
        {
            "call": call,
            "is_open": call.is_open(),
            "is_staff": policy.is_city_staff(request.user),
            "criteria": call.criteria.all(),
            "awards": selectors.award_list_public(call),
        },
    )


def award_list(request):
    return render(
        request, "tourism_grants/award_list.html", {"awards": selectors.award_list_public()}
    )


def _recipient(application) -> str:
    return application.organisation.name if application.organisation_id else _("Individual")


def award_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tourism-grant-awards.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["call", "call_title", "project_title", "recipient", "amount_yen", "payment_status", "demo"]
    )
    for award in selectors.award_list_public():
        application = award.application
        writer.writerow(
            [
                application.call.slug,
                application.call.title,
                application.project_title,
                _recipient(application),
                award.amount_yen,
                award.payment_status,
                "yes" if application.call.is_demo else "",
            ]
        )
    return response
