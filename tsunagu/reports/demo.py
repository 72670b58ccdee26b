"""Demo: the 2025 Voluntary Local Review and a Membership Monitoring Report for 2022–2025,
created from their templates as drafts (labelled demo). Staff generate and publish them in
the builder (/reports/builder/)."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from tsunagu.accounts.roles import Role
from tsunagu.accounts.services import role_grant
from tsunagu.core.models import Area
from tsunagu.reports.models import Report, ReportType
from tsunagu.reports.services.templates import report_create_from_template

OFFICER_EMAIL = "demo-reports-officer@example.org"
KANAZAWA_CODE = "17201"
REPORTS = [
    (
        "vlr-2025-demo",
        ReportType.VLR,
        date(2025, 1, 1),
        date(2025, 12, 31),
        "金沢市 SDGs 自発的自治体レビュー 2025（デモ）",
        "Kanazawa Voluntary Local Review 2025 (demo)",
    ),
    (
        "mmr-2022-2025-demo",
        ReportType.MMR,
        date(2022, 1, 1),
        date(2025, 12, 31),
        "ユネスコ創造都市ネットワーク 加盟都市モニタリング報告書 2022–2025（デモ）",
        "UNESCO Creative Cities Network Membership Monitoring Report 2022–2025 (demo)",
    ),
]


def _officer():
    user, created = get_user_model().objects.get_or_create(
        email=OFFICER_EMAIL, defaults={"full_name": "デモ 報告書担当"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        role_grant(user=user, role=Role.CITY_STAFF)
    return user


@transaction.atomic
def load() -> None:
    area = Area.objects.filter(code=KANAZAWA_CODE).first()
    if area is None:
        return
    officer = _officer()
    for slug, type_, start, end, title_ja, title_en in REPORTS:
        if Report.objects.filter(slug=slug).exists():
            continue
        report_create_from_template(
            by=officer,
            type=type_,
            area=area,
            period_start=start,
            period_end=end,
            title_ja=title_ja,
            title_en=title_en,
            slug=slug,
            is_demo=True,
        )
