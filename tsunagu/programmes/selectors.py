"""Reads: what each user may see, score averages, upcoming sessions and the yearly figures."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.utils import timezone

from tsunagu.accounts.models import ReviewAssignment
from tsunagu.accounts.policy import is_assessor, is_city_staff
from tsunagu.events.models import Event, EventStatus
from tsunagu.programmes.models import (
    Application,
    Call,
    Criterion,
    Participant,
    Programme,
    ProgrammeKind,
    Report,
    Score,
)

FIGURE_KINDS = {
    ProgrammeKind.SCHOLARSHIP: "scholarships_awarded",
    ProgrammeKind.CHILDREN_WORKSHOP: "children_reached",
    ProgrammeKind.DISPATCH: "craftsmen_dispatched",
    ProgrammeKind.RESIDENCY: "residents_hosted",
}


def programme_list(*, user) -> QuerySet[Programme]:
    programmes = Programme.objects.select_related("organiser").prefetch_related("crafts")
    if not is_city_staff(user):
        programmes = programmes.filter(is_published=True)
    return programmes


def programme_get(*, slug: str, user) -> Programme:
    return programme_list(user=user).get(slug=slug)


def call_list(*, user) -> QuerySet[Call]:
    calls = Call.objects.select_related("programme")
    if not is_city_staff(user):
        calls = calls.filter(is_published=True, programme__is_published=True)
    return calls


def call_get(*, pk: int, user) -> Call:
    return call_list(user=user).prefetch_related("questions").get(pk=pk)


def upcoming_events(programme: Programme, *, now=None) -> QuerySet[Event]:
    if programme.event_series_id is None:
        return Event.objects.none()
    return Event.objects.filter(
        series_id=programme.event_series_id,
        status=EventStatus.PUBLISHED,
        ends_at__gte=now or timezone.now(),
    ).order_by("starts_at")


def my_applications(*, user) -> QuerySet[Application]:
    if not user.is_authenticated:
        return Application.objects.none()
    return Application.objects.filter(applicant=user).select_related("call__programme")


def _assigned_ids(user) -> QuerySet:
    return ReviewAssignment.objects.filter(
        reviewer=user, content_type=ContentType.objects.get_for_model(Application)
    ).values("object_id")


def review_queue(*, user) -> QuerySet[Application]:
    """Staff see every application; an assessor only those assigned to them."""
    applications = Application.objects.select_related("call__programme", "applicant")
    if is_city_staff(user):
        return applications
    if is_assessor(user):
        return applications.filter(pk__in=_assigned_ids(user))
    return Application.objects.none()


def review_get(*, pk: int, user) -> Application:
    return review_queue(user=user).prefetch_related("documents").get(pk=pk)


def document_visible_to(user, application: Application) -> bool:
    if not user.is_authenticated:
        return False
    if application.applicant_id == user.pk or is_city_staff(user):
        return True
    return review_queue(user=user).filter(pk=application.pk).exists()


def score_averages(application: Application) -> list[dict]:
    """Mean score per criterion over all assessors (one database group-by)."""
    rows = {
        row["criterion"]: row
        for row in Score.objects.filter(application=application)
        .values("criterion")
        .annotate(average=Avg("value"), assessors=Count("assessor", distinct=True))
    }
    return [
        {
            "criterion": criterion.label,
            "average": rows[criterion.value]["average"] if criterion.value in rows else None,
            "assessors": rows[criterion.value]["assessors"] if criterion.value in rows else 0,
        }
        for criterion in Criterion
    ]


def scores_of(application: Application, assessor) -> dict[str, Score]:
    return {
        s.criterion: s for s in Score.objects.filter(application=application, assessor=assessor)
    }


def reports_visible(*, user) -> QuerySet[Report]:
    reports = Report.objects.select_related("participant__programme")
    if is_city_staff(user):
        return reports
    if user.is_authenticated:
        return reports.filter(Q(is_published=True) | Q(participant__user=user))
    return reports.filter(is_published=True)


def my_participations(*, user) -> QuerySet[Participant]:
    if not user.is_authenticated:
        return Participant.objects.none()
    return Participant.objects.filter(user=user).select_related("programme")


def figures_by_year() -> list[dict]:
    """One row per year: scholarships awarded, children reached, craftsmen dispatched (and to
    which cities) and residents hosted, summed in the database."""
    totals = (
        Participant.objects.filter(programme__kind__in=list(FIGURE_KINDS))
        .values("year", "programme__kind")
        .annotate(total=Sum("count"))
        .order_by("year")
    )
    cities = (
        Participant.objects.filter(programme__kind=ProgrammeKind.DISPATCH)
        .exclude(destination_city="")
        .values("year", "destination_city", "destination_country")
        .annotate(total=Sum("count"))
        .order_by("year", "destination_city")
    )
    years: dict[int, dict] = {}

    def row(year: int) -> dict:
        return years.setdefault(
            year, {"year": year, **dict.fromkeys(FIGURE_KINDS.values(), 0), "cities": []}
        )

    for total in totals:
        row(total["year"])[FIGURE_KINDS[total["programme__kind"]]] = total["total"]
    for city in cities:
        row(city["year"])["cities"].append(
            {
                "city": city["destination_city"],
                "country": city["destination_country"],
                "dispatched": city["total"],
            }
        )
    return [years[year] for year in sorted(years)]
