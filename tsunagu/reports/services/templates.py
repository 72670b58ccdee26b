"""Report templates: the common VLR structure and UNESCO's MMR structure, each section
prefilled from the platform's records for the period and then edited by staff."""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from tsunagu.core.models import Area, CityProfile
from tsunagu.indicators.selectors import area_scores, scores_year
from tsunagu.network.models import AnnualMeeting, Exchange
from tsunagu.network.selectors import kanazawa_get
from tsunagu.programmes.models import Programme
from tsunagu.reports.blocks.base import LANGUAGES, field_both, pick
from tsunagu.reports.models import Report, ReportType, SectionKind
from tsunagu.reports.services.reports import report_create, section_add


@dataclass
class SectionPlan:
    heading: dict[str, str]
    kind: str = SectionKind.NARRATIVE
    body: dict[str, str] = field(default_factory=lambda: {"ja": "", "en": ""})
    block: str = ""
    params: dict = field(default_factory=dict)


def _bilingual(make) -> dict[str, str]:
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            texts[language] = str(make(language))
    return texts


def _narrative(heading, body=None) -> SectionPlan:
    return SectionPlan(
        heading=_bilingual(lambda _lang: heading()),
        body=_bilingual(body) if body else {"ja": "", "en": ""},
    )


def _block(name: str, heading, **params) -> SectionPlan:
    return SectionPlan(
        heading=_bilingual(lambda _lang: heading()),
        kind=SectionKind.BLOCK,
        block=name,
        params=params,
    )


def _city_profile(area: Area):
    def body(language: str) -> str:
        profile = CityProfile.objects.filter(area=area).first()
        if profile is None:
            return format_html("<p>{}</p>", _("Describe the city: population, economy, history."))
        facts = format_html_join(
            "",
            "<li>{}: {} ({} {})</li>",
            (
                (
                    pick(field_both(fact, "label"), language),
                    pick(field_both(fact, "value"), language),
                    pick(field_both(fact, "source"), language),
                    fact.year or "",
                )
                for fact in profile.facts.all()
            ),
        )
        return format_html(
            "<p>{}</p><ul>{}</ul>", pick(field_both(profile, "summary"), language), facts
        )

    return body


def _priorities(area: Area, period_end: date):
    def body(language: str) -> str:
        year = scores_year()
        scores = area_scores(area=area, year=min(year, period_end.year)) if year else None
        weak = [
            pick(field_both(result.goal, "short_title"), language)
            for result in (scores.goals if scores else [])
            if result.colour in ("red", "orange")
        ]
        intro = _(
            "Write the city's next steps. The goals with major or significant challenges in "
            "the latest scores are listed here as a starting point."
        )
        items = format_html_join("", "<li>{}</li>", ((name,) for name in weak))
        return format_html("<p>{}</p><ul>{}</ul>", intro, items)

    return body


def _participation(report_period: tuple[date, date]):
    from tsunagu.events.models import Event, EventStatus
    from tsunagu.partners.models import PUBLIC_STATUSES, Partner

    start, end = report_period

    def body(language: str) -> str:
        partners = Partner.objects.filter(status__in=PUBLIC_STATUSES).count()
        events = (
            Event.objects.filter(starts_at__date__range=(start, end))
            .exclude(status=EventStatus.DRAFT)
            .count()
        )
        return format_html(
            "<p>{}</p>",
            _(
                "This review was prepared on the Tsunagu platform: figures come from official "
                "statistics and from the platform's records, frozen when the report was "
                "generated. %(partners)d partner organisations are registered, and "
                "%(events)d events were held in the period."
            )
            % {"partners": partners, "events": events},
        )

    return body


def vlr_plan(area: Area, start: date, end: date) -> list[SectionPlan]:
    plan = [
        _narrative(lambda: _("City profile"), _city_profile(area)),
        _narrative(lambda: _("Methodology and participation"), _participation((start, end))),
        _block("goal_overview", lambda: _("Goal-by-goal review: overview")),
    ]
    plan += [
        SectionPlan(heading={"ja": "", "en": ""}, kind=SectionKind.BLOCK, block="goal_detail",
                    params={"goal": number})
        for number in range(1, 18)
    ]  # fmt: skip
    plan += [
        _block("partnership", lambda: _("Means of implementation and partnerships")),
        _block("events_outcomes", lambda: _("Dialogues and events")),
        _block("biodiversity", lambda: _("Nature and biocultural diversity")),
        _block("crafts_network", lambda: _("Crafts and the creative city")),
        _block("tourism", lambda: _("Sustainable tourism")),
        _narrative(lambda: _("Next steps"), _priorities(area, end)),
        _block("sources", lambda: _("Methodology and data sources")),
    ]
    return plan


def _meetings(start: date, end: date):
    def body(language: str) -> str:
        meetings = AnnualMeeting.objects.filter(year__range=(start.year, end.year)).order_by("year")
        rows = format_html_join(
            "",
            "<li>{} — {} ({})</li>",
            (
                (
                    meeting.year,
                    pick(field_both(meeting.host_city, "name"), language),
                    _("attended")
                    if meeting.kanazawa_attended
                    else _("not attended")
                    if meeting.kanazawa_attended is False
                    else _("attendance not recorded"),
                )
                for meeting in meetings
            ),
        )
        return format_html(
            "<p>{}</p><ul>{}</ul>",
            _(
                "Annual meetings of the Network in the period, from the network module. "
                "Add the city's roles in working groups and events it hosted."
            ),
            rows,
        )

    return body


def _exchanges(start: date, end: date):
    def body(language: str) -> str:
        kanazawa = kanazawa_get()
        exchanges = (
            Exchange.objects.filter(city=kanazawa, start_date__range=(start, end))
            .select_related("partner")
            .order_by("start_date")
            if kanazawa
            else Exchange.objects.none()
        )
        rows = format_html_join(
            "",
            "<li>{} {}: {} — {}</li>",
            (
                (
                    exchange.start_date.isoformat(),
                    exchange.get_kind_display(),
                    pick(field_both(exchange, "title"), language),
                    pick(field_both(exchange.partner, "name"), language),
                )
                for exchange in exchanges
            ),
        )
        return format_html(
            "<p>{}</p><ul>{}</ul>",
            _(
                "Exchanges and dispatches with other Creative Cities recorded in the network "
                "module for the period:"
            ),
            rows,
        )

    return body


def _general_information(area: Area, start: date, end: date):
    def body(language: str) -> str:
        city = kanazawa_get()
        year = city.designation_year if city else None
        return format_html(
            "<ul><li>{}: {}</li><li>{}: {}</li><li>{}: {}</li><li>{}: {} – {}</li></ul>",
            _("City"),
            pick(field_both(area, "name"), language),
            _("Creative field"),
            city.get_field_display() if city else "",
            _("Year of designation"),
            year or "",
            _("Reporting period"),
            start.isoformat(),
            end.isoformat(),
        )

    return body


def _local_initiatives(start: date, end: date):
    def body(language: str) -> str:
        programmes = Programme.objects.filter(is_published=True).order_by("kind", "slug")
        rows = format_html_join(
            "",
            "<li>{}: {}</li>",
            (
                (programme.get_kind_display(), pick(field_both(programme, "title"), language))
                for programme in programmes
            ),
        )
        return format_html(
            "<p>{}</p><ul>{}</ul>",
            _("Talent programmes run by the city and its partners, from the crafts module:"),
            rows,
        )

    return body


def _action_plan(language: str) -> str:
    return format_html(
        "<p>{}</p><table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
        "<tbody><tr><td></td><td></td><td></td></tr></tbody></table>",
        _("Describe three to five actions for the next four years."),
        _("Action"),
        _("Expected results"),
        _("Budget"),
    )


def mmr_plan(area: Area, start: date, end: date) -> list[SectionPlan]:
    return [
        _narrative(lambda: _("Executive summary")),
        _narrative(lambda: _("General information"), _general_information(area, start, end)),
        _narrative(
            lambda: _("Contribution to the global management of the Network"),
            _meetings(start, end),
        ),
        _narrative(lambda: _("Major initiatives at local level"), _local_initiatives(start, end)),
        _block("crafts_network", lambda: _("Local initiatives in figures")),
        _narrative(
            lambda: _("Major initiatives through inter-city cooperation"), _exchanges(start, end)
        ),
        _narrative(lambda: _("Proposed action plan for the next four years"), _action_plan),
        _block("sources", lambda: _("Data sources")),
    ]


PLANS = {ReportType.VLR: vlr_plan, ReportType.MMR: mmr_plan}


@transaction.atomic
def report_create_from_template(
    *,
    by,
    type: str,
    area: Area,
    period_start: date,
    period_end: date,
    title_ja: str = "",
    title_en: str = "",
    languages: str = "both",
    slug: str = "",
    is_demo: bool = False,
) -> Report:
    """A report with its template's sections, prefilled for the period. Types without a
    template start empty."""
    if not (title_ja or title_en):
        titles = _bilingual(
            lambda _lang: (
                _("%(type)s %(year)d") % {"type": ReportType(type).label, "year": period_end.year}
            )
        )
        title_ja, title_en = titles["ja"], titles["en"]
    report = report_create(
        by=by,
        type=type,
        title_ja=title_ja,
        title_en=title_en,
        area=area,
        period_start=period_start,
        period_end=period_end,
        languages=languages,
        slug=slug,
        is_demo=is_demo,
    )
    plan = PLANS.get(type)
    for section in plan(area, period_start, period_end) if plan else []:
        heading = section.heading
        if section.block == "goal_detail":
            from tsunagu.reports.blocks import block_get

            heading = block_get("goal_detail").default_heading(section.params)
        section_add(
            report=report,
            by=by,
            kind=section.kind,
            heading_ja=heading["ja"],
            heading_en=heading["en"],
            body_ja=section.body["ja"],
            body_en=section.body["en"],
            block=section.block,
            params=section.params,
        )
    return report
