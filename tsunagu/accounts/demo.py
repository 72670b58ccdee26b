"""Demo organisations: the three secretariat members of IMAGINE KANAZAWA 2030."""

from django.db import transaction

from tsunagu.accounts.models import OrganisationKind
from tsunagu.accounts.services import organisation_save
from tsunagu.core.models import Goal, PublicationStatus

ORGANISATIONS = [
    (
        "kanazawa-city",
        "金沢市",
        "Kanazawa City",
        OrganisationKind.GOVERNMENT,
        "IMAGINE KANAZAWA 2030 の事務局の一員として、SDGs推進本部を中心に施策を進める。",
        "Member of the IMAGINE KANAZAWA 2030 secretariat; leads the city's SDGs headquarters.",
        "https://www4.city.kanazawa.lg.jp/",
        (11, 17),
    ),
    (
        "unu-ias-ouik",
        "国連大学サステイナビリティ高等研究所 いしかわ・かなざわオペレーティング・ユニット",
        "UNU-IAS OUIK",
        OrganisationKind.UNIVERSITY,
        "生物文化多様性の研究と発信、SDGsカフェなどの対話の場づくりを担う。",
        "Researches and shares biocultural diversity; convenes dialogues such as the SDGs Café.",
        "https://ouik.unu.edu/",
        (4, 15, 17),
    ),
    (
        "jc-kanazawa",
        "一般社団法人 金沢青年会議所",
        "JC Kanazawa (Junior Chamber)",
        OrganisationKind.NPO,
        "若い世代と地域の事業者をつなぎ、パートナーシップを広げる。",
        "Connects young people and local businesses and widens the partnership.",
        "",
        (8, 17),
    ),
]


@transaction.atomic
def load() -> None:
    for slug, name_ja, name_en, kind, desc_ja, desc_en, website, goals in ORGANISATIONS:
        organisation_save(
            slug=slug,
            name_ja=name_ja,
            name_en=name_en,
            kind=kind,
            description_ja=desc_ja,
            description_en=desc_en,
            website=website,
            status=PublicationStatus.PUBLISHED,
            goals=Goal.objects.filter(number__in=goals),
        )
