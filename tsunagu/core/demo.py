"""Kanazawa demo content for the SDG framework and places.

Facts carry their sources; local targets are the platform's examples (labelled as demo
content on the site), not the city's official targets.
"""

from django.conf import settings
from django.db import transaction

from tsunagu.core.area_codes import normalize_area_code
from tsunagu.core.models import Area, AreaKind, CityFact, CityProfile, PublicationStatus
from tsunagu.core.services import boundaries_load, local_target_save, region_save

# Ishikawa's 19 municipalities (codes from 国土数値情報; English names romanised by us).
ISHIKAWA_MUNICIPALITIES = {
    "17201": ("金沢市", "Kanazawa"),
    "17202": ("七尾市", "Nanao"),
    "17203": ("小松市", "Komatsu"),
    "17204": ("輪島市", "Wajima"),
    "17205": ("珠洲市", "Suzu"),
    "17206": ("加賀市", "Kaga"),
    "17207": ("羽咋市", "Hakui"),
    "17209": ("かほく市", "Kahoku"),
    "17210": ("白山市", "Hakusan"),
    "17211": ("能美市", "Nomi"),
    "17212": ("野々市市", "Nonoichi"),
    "17324": ("川北町", "Kawakita"),
    "17361": ("津幡町", "Tsubata"),
    "17365": ("内灘町", "Uchinada"),
    "17384": ("志賀町", "Shika"),
    "17386": ("宝達志水町", "Hodatsushimizu"),
    "17407": ("中能登町", "Nakanoto"),
    "17461": ("穴水町", "Anamizu"),
    "17463": ("能登町", "Noto"),
}
NOTO_PENINSULA = ["17202", "17204", "17205", "17207", "17384", "17386", "17407", "17461", "17463"]
BIOCULTURAL_REGION = ["17201", "17206", "17210", *NOTO_PENINSULA]

SSDSE_CREDIT_JA = "出典：独立行政法人統計センター SSDSE-A（国勢調査 2020）"
SSDSE_CREDIT_EN = "National Statistics Center of Japan, SSDSE-A (2020 Census)"

FACTS = [
    # label ja/en, value ja/en, source ja/en, url, year
    (
        "人口",
        "Population",
        "463,254人",
        "463,254",
        SSDSE_CREDIT_JA,
        SSDSE_CREDIT_EN,
        "https://www.nstac.go.jp/use/literacy/ssdse/",
        2020,
    ),
    (
        "位置",
        "Location",
        "石川県の県庁所在地",
        "Capital of Ishikawa Prefecture",
        "石川県",
        "Ishikawa Prefecture",
        "https://www.pref.ishikawa.lg.jp/",
        None,
    ),
    (
        "ユネスコ創造都市",
        "UNESCO Creative City",
        "クラフト＆フォークアート分野（2009年6月8日認定）",
        "Crafts and Folk Art (designated 8 June 2009)",
        "ユネスコ創造都市ネットワーク",
        "UNESCO Creative Cities Network",
        "https://www.unesco.org/en/creative-cities",
        2009,
    ),
    (
        "SDGs未来都市",
        "SDGs Future City",
        "2020年7月選定（自治体SDGsモデル事業）",
        "Selected July 2020 (also a Municipal SDGs Model Project)",
        "内閣府 地方創生推進事務局",
        "Cabinet Office of Japan",
        "https://future-city.go.jp/",
        2020,
    ),
    (
        "創造都市ネットワーク年次総会",
        "Creative Cities Network annual meeting",
        "2015年に金沢で開催（32か国69都市が加盟）",
        "Hosted in Kanazawa in 2015 (69 member cities in 32 countries then)",
        "ユネスコ創造都市ネットワーク",
        "UNESCO Creative Cities Network",
        "https://www.unesco.org/en/creative-cities",
        2015,
    ),
    (
        "IMAGINE KANAZAWA 2030",
        "IMAGINE KANAZAWA 2030",
        "2019年3月開始。金沢市・日本青年会議所金沢・国連大学OUIKが事務局",
        "Launched March 2019 by Kanazawa City, JC Kanazawa and UNU-IAS OUIK",
        "国連大学サステイナビリティ高等研究所 いしかわ・かなざわオペレーティング・ユニット",
        "UNU-IAS OUIK",
        "https://ouik.unu.edu/",
        2019,
    ),
]

LOCAL_TARGETS = [
    (
        "4.7",
        1,
        "すべての市立学校でSDGsを題材にした探究学習を行う",
        "Every municipal school runs inquiry-based learning on the SDGs",
    ),
    (
        "6.6",
        1,
        "用水（鞍月用水など）の生きもの調査を毎年実施し、結果を公開する",
        "Survey the life of the city's canals (e.g. the Kuratsuki canal) every year and publish "
        "the results",
    ),
    (
        "11.4",
        1,
        "伝統工芸の後継者育成奨励金の受給者を毎年確保する",
        "Keep a yearly intake of traditional-industry trainees supported by scholarships",
    ),
    (
        "15.5",
        1,
        "ゲンジボタルの観察数を2019年の水準以上に保つ",
        "Keep the count of Genji fireflies at or above its 2019 level",
    ),
    (
        "17.17",
        1,
        "IMAGINE KANAZAWA 2030 パートナーを 2030 年までに 300 団体に増やす",
        "Grow the IMAGINE KANAZAWA 2030 partners to 300 organisations by 2030",
    ),
]


def _ensure_places() -> Area:
    data_dir = settings.TSUNAGU_DATA_DIR
    names_en = {code: en for code, (_, en) in ISHIKAWA_MUNICIPALITIES.items()}
    boundaries = data_dir / "geo" / "municipalities-ishikawa.geojson"
    if boundaries.exists():
        boundaries_load(path=boundaries, names_en=names_en)
    japan, _ = Area.objects.get_or_create(
        code="JP", defaults={"kind": AreaKind.COUNTRY, "name_ja": "日本", "name_en": "Japan"}
    )
    ishikawa, _ = Area.objects.update_or_create(
        code="17000",
        defaults={
            "kind": AreaKind.PREFECTURE,
            "parent": japan,
            "name_ja": "石川県",
            "name_en": "Ishikawa",
        },
    )
    for code, (name_ja, name_en) in ISHIKAWA_MUNICIPALITIES.items():
        Area.objects.get_or_create(
            code=code,
            defaults={
                "kind": AreaKind.MUNICIPALITY,
                "parent": ishikawa,
                "name_ja": name_ja,
                "name_en": name_en,
            },
        )
    region_save(
        code="ishikawa-kanazawa-biocultural-region",
        name_ja="いしかわ・かなざわ 生物文化圏",
        name_en="Ishikawa–Kanazawa biocultural region",
        member_codes=BIOCULTURAL_REGION,
    )
    return Area.objects.get(code=normalize_area_code(settings.TSUNAGU_CITY_CODE))


@transaction.atomic
def load() -> None:
    city = _ensure_places()
    profile, _ = CityProfile.objects.update_or_create(
        area=city,
        defaults={
            "tagline_ja": "工芸と自然と人がつながる、ユネスコ創造都市・SDGs未来都市",
            "tagline_en": "A UNESCO Creative City and SDGs Future City where crafts, nature "
            "and people connect",
            "summary_ja": "金沢市は石川県の県庁所在地で、藩政期から受け継がれた工芸が暮らしに息づく"
            "まちです。2009年にユネスコ創造都市ネットワークのクラフト＆フォークアート"
            "分野に認定され、2020年にはSDGs未来都市に選ばれました。市・日本青年会議所"
            "金沢・国連大学OUIKが進める IMAGINE KANAZAWA 2030 には多くのパートナーが"
            "参加しています。",
            "summary_en": "Kanazawa, capital of Ishikawa Prefecture, is a city where crafts "
            "handed down since the feudal era are part of daily life. It became a "
            "UNESCO Creative City of Crafts and Folk Art in 2009 and an SDGs Future "
            "City in 2020. IMAGINE KANAZAWA 2030, run by the City, JC Kanazawa and "
            "UNU-IAS OUIK, brings together its many partner organisations.",
            "website": "https://www4.city.kanazawa.lg.jp/",
        },
    )
    profile.facts.all().delete()
    CityFact.objects.bulk_create(
        CityFact(
            profile=profile,
            order=i,
            label_ja=f[0],
            label_en=f[1],
            value_ja=f[2],
            value_en=f[3],
            source_ja=f[4],
            source_en=f[5],
            source_url=f[6],
            year=f[7],
            label=f[0],
            value=f[2],
            source=f[4],
        )
        for i, f in enumerate(FACTS)
    )
    for target_code, number, title_ja, title_en in LOCAL_TARGETS:
        local_target_save(
            target_code=target_code,
            number=number,
            title_ja=title_ja,
            title_en=title_en,
            status=PublicationStatus.PUBLISHED,
            is_demo=True,
        )
