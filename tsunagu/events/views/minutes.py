"""Minutes and closing report: staff write them (each save a revision) and compare
revisions; the event page shows the published current revision."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tsunagu.events import selectors, services
from tsunagu.events.diff import revisions_diff
from tsunagu.events.forms import MinutesForm
from tsunagu.events.models import MinutesRevision
from tsunagu.events.views._helpers import event_or_404, staff_required


def _initial(event, minutes) -> dict:
    if minutes is None:
        return {"attendee_count": selectors.event_counts(event=event).attended or None}
    current = minutes.current
    return {
        "body_ja": current.body_ja,
        "body_en": current.body_en,
        "outcomes_ja": current.outcomes_ja,
        "outcomes_en": current.outcomes_en,
        "attendee_count": minutes.attendee_count,
        "is_published": minutes.is_published,
        "attending_organisations": list(minutes.attending_organisations.all()),
        "projects_created": list(minutes.projects_created.all()),
        "partners_matched": list(minutes.partners_matched.all()),
    }


@staff_required
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_or_404(request, pk)
    minutes = selectors.minutes_get(event=event, user=request.user)
    form = MinutesForm(request.POST or None, initial=_initial(event, minutes))
    if request.method == "POST" and form.is_valid():
        services.minutes_save(event=event, author=request.user, **form.cleaned_data)
        return redirect("events:minutes_history", pk=event.pk)
    return render(
        request,
        "events/minutes_edit.html",
        {
            "event": event,
            "form": form,
            "minutes": minutes,
            "checked_in": selectors.event_counts(event=event).attended,
        },
    )


def _revision(revisions, number: str | None) -> MinutesRevision | None:
    if not number or not number.isdigit():
        return None
    return next((r for r in revisions if r.number == int(number)), None)


@staff_required
def minutes_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every revision with its author and time; ?from=1&to=3 compares two of them."""
    event = event_or_404(request, pk)
    revisions = list(selectors.minutes_revisions(event=event))
    if not revisions:
        raise Http404(_("These minutes have not been written yet."))
    newest = revisions[0]
    old = _revision(revisions, request.GET.get("from"))
    new = _revision(revisions, request.GET.get("to")) or newest
    if old is None:
        old = revisions[1] if len(revisions) > 1 and new == newest else new
    shown = _revision(revisions, request.GET.get("show"))
    return render(
        request,
        "events/minutes_history.html",
        {
            "event": event,
            "revisions": revisions,
            "old": old,
            "new": new,
            "diff": revisions_diff(old, new) if old != new else [],
            "shown": shown,
        },
    )
