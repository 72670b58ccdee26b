"""Demo content: one open call (¥3,000,000) with applications, one closed call with awards,
payments and an accepted report. Every call, organisation and project is invented and labelled."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tsunagu.accounts.models import Organisation, OrganisationKind
from tsunagu.accounts.roles import Role
from tsunagu.accounts.services import membership_add, role_grant
from tsunagu.core.models import Goal
from tsunagu.tourism_grants import services
from tsunagu.tourism_grants.models import GrantCall

TOKYO = ZoneInfo("Asia/Tokyo")
OPEN_SLUG = "sdg-tourism-pioneers-demo"
CLOSED_SLUG = "sdg-tourism-pioneers-2025-demo"
NOTE_JA = "（デモ用の架空の内容です）"
NOTE_EN = "(Fictional content for the demo.)"
CRITERIA = [
    ("地域の資源と文化への貢献", "Contribution to local resources and culture", 3),
    ("住民と観光客の双方の満足", "Benefit to both residents and visitors", 3),
    ("環境への配慮", "Care for the environment", 2),
    ("実現可能性と予算の妥当性", "Feasibility and sound budget", 2),
]


def _user(email: str, full_name: str):
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"full_name": full_name}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _organisation(slug: str, name_ja: str, name_en: str, member) -> Organisation:
    organisation, _created = Organisation.objects.get_or_create(
        slug=slug,
        defaults={
            "name_ja": f"{name_ja}（デモ）",
            "name_en": f"{name_en} (demo)",
            "kind": OrganisationKind.COMPANY,
            "status": "published",
        },
    )
    membership_add(user=member, organisation=organisation)
    return organisation


def _call(slug, title_ja, title_en, opens_at, deadline) -> GrantCall:
    call = GrantCall.objects.create(
        slug=slug,
        title_ja=f"{title_ja}（デモ）",
        title_en=f"{title_en} (demo)",
        description_ja="持続可能な観光（SDGsツーリズム）に先駆的に取り組む事業を支援します。"
        + NOTE_JA,
        description_en="Support for projects that pioneer sustainable (SDG) tourism. " + NOTE_EN,
        opens_at=opens_at,
        deadline=deadline,
        budget_yen=3_000_000,
        max_award_yen=1_000_000,
        is_demo=True,
    )
    for order, (name_ja, name_en, weight) in enumerate(CRITERIA):
        call.criteria.create(name_ja=name_ja, name_en=name_en, weight=weight, order=order)
    return call


def _apply(call, applicant, organisation, title, amount, goals, lines, now):
    application = services.application_save(
        applicant=applicant,
        call=call,
        organisation=organisation,
        project_title=title,
        description=f"{title}。{NOTE_JA}",
        requested_yen=amount,
        goals=Goal.objects.filter(number__in=goals),
        budget_lines=lines,
        submit=True,
        now=now,
    )
    application.is_demo = True
    application.save(update_fields=["is_demo"])
    return application


@transaction.atomic
def load() -> None:
    if GrantCall.objects.filter(slug__in=[OPEN_SLUG, CLOSED_SLUG]).exists():
        return
    staff = _user("grants-office-demo@example.org", "助成担当（デモ）")
    role_grant(user=staff, role=Role.CITY_STAFF)
    inn_owner = _user("machiya-inn-demo@example.org", "町家 花子（デモ）")
    guide = _user("walking-guide-demo@example.org", "川辺 一郎（デモ）")
    inn = _organisation("machiya-inn-demo", "町家の宿 ひがし", "Machiya Inn Higashi", inn_owner)
    tours = _organisation("river-walks-demo", "用水めぐりガイド", "Canal Walks Guide", guide)

    now = timezone.now()
    open_call = _call(
        OPEN_SLUG,
        "SDGsツーリズム先駆者助成",
        "SDG tourism pioneers grant",
        now - timedelta(days=30),
        (now + timedelta(days=60)).astimezone(TOKYO).replace(hour=17, minute=0, second=0),
    )
    _apply(
        open_call,
        inn_owner,
        inn,
        "町家の宿の地産地消朝食と食品ロス削減",
        800_000,
        [12, 11],
        [("地元食材の仕入れ", 500_000), ("堆肥化設備", 300_000)],
        now,
    )
    _apply(
        open_call,
        guide,
        tours,
        "用水沿いの静かな早朝散策ツアー",
        600_000,
        [11, 8],
        [("ガイド研修", 250_000), ("多言語マップ", 350_000)],
        now,
    )

    opened = datetime(2025, 4, 1, 9, 0, tzinfo=TOKYO)
    closed_call = _call(
        CLOSED_SLUG,
        "SDGsツーリズム先駆者助成 2025",
        "SDG tourism pioneers grant 2025",
        opened,
        datetime(2025, 5, 30, 17, 0, tzinfo=TOKYO),
    )
    during = opened + timedelta(days=10)
    first = _apply(
        closed_call,
        inn_owner,
        inn,
        "宿泊者と住民の伝統工芸交流会",
        1_000_000,
        [4, 11],
        [("講師謝礼", 400_000), ("材料費", 600_000)],
        during,
    )
    second = _apply(
        closed_call,
        guide,
        tours,
        "混雑を避ける時間帯分散ガイドツアー",
        900_000,
        [11],
        [("予約システム", 900_000)],
        during,
    )
    first_award = services.award_decide(application=first, amount_yen=1_000_000, decided_by=staff)
    second_award = services.award_decide(application=second, amount_yen=700_000, decided_by=staff)
    services.payment_record(
        award=first_award, amount_yen=1_000_000, paid_on=date(2025, 7, 1), recorded_by=staff
    )
    services.payment_record(
        award=second_award, amount_yen=350_000, paid_on=date(2025, 7, 1), recorded_by=staff
    )
    report = services.report_submit(
        award=first_award,
        submitted_by=inn_owner,
        text="宿泊者と住民あわせて12回の交流会を開きました。" + NOTE_JA,
        figures=[
            {"label": "交流会", "value": 12, "unit": "回"},
            {"label": "参加者", "value": 240, "unit": "人"},
        ],
    )
    services.report_review(report=report, reviewed_by=staff, accept=True)
