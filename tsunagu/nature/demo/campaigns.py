# ruff: noqa: S311  (demo counts, not cryptography)
"""Demo survey campaigns (generated counts, labelled demo): the Kikugawa firefly survey along
the Kuratsuki canal and the SUN project garden and canal survey.

Deterministic (fixed seed) and idempotent: a visit already present for a site and date is
left as it is, so identifiers stay stable across reloads.
"""

import datetime
import itertools
import math
import random
from collections.abc import Callable
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from tsunagu.core.models import PublicationStatus
from tsunagu.nature.models import (
    ArtificialLight,
    Campaign,
    CampaignParticipant,
    MoonPhase,
    Site,
    SiteKind,
    Taxon,
    TaxonRank,
    Weather,
)
from tsunagu.nature.services.campaigns import CountInput, visit_create
from tsunagu.partners.models import Partner

SEED = 20150601
FIRST_SEASON = 2015
LAST_SEASON = 2026

FIREFLY_SLUG = "kikugawa-firefly-survey"
GARDEN_SLUG = "sun-garden-survey"
GENJI, HEIKE = "Luciola cruciata", "Aquatica lateralis"
PROTOCOL_VARIANT = "三回の10秒カウント（最大値） / three 10-second counts, highest kept"

# Along the Kuratsuki canal, from its intake in Kikugawa down to Nagamachi (codes in that order)
# (code, ja, en, path as [lon, lat], artificial light, Genji and Heike base mean, growth/year).
FIREFLY_SITES = [
    (
        "kc1-intake",
        "菊川・取水口付近",
        "Kikugawa, near the intake",
        [[136.6602, 36.5498], [136.6593, 36.5507], [136.6585, 36.5516]],
        ArtificialLight.NONE,
        (14.0, 4.0),
        0.07,  # a restored bank with more kawanina snails: increasing
    ),
    (
        "kc2-community-centre",
        "菊川公民館前",
        "In front of the Kikugawa community centre",
        [[136.6578, 36.5524], [136.6566, 36.5535], [136.6556, 36.5544]],
        ArtificialLight.LOW,
        (10.0, 2.5),
        0.0,  # stable
    ),
    (
        "kc3-seseragi",
        "せせらぎ通り",
        "Seseragi-dori",
        [[136.6528, 36.5596], [136.6517, 36.5607], [136.6508, 36.5618]],
        ArtificialLight.HIGH,
        (9.0, 1.2),
        -0.09,  # new shop lighting since the late 2010s: decreasing
    ),
    (
        "kc4-nagamachi",
        "長町",
        "Nagamachi",
        [[136.6498, 36.5634], [136.6489, 36.5644], [136.6480, 36.5655]],
        ArtificialLight.LOW,
        (4.0, 0.4),
        -0.02,
    ),
]

GARDEN_TAXA = [
    "Semisulcospira libertina",
    "Atrocalopteryx atrata",
    "Dryophytes japonicus",
    "Alcedo atthis",
    "Procambarus clarkii",
]
# (code, ja, en, kind, lon, lat, area m² or path, base means per GARDEN_TAXA)
GARDEN_SITES = [
    (
        "kenrokuen-kyokusui",
        "兼六園・曲水",
        "Kenrokuen, Kyokusui stream",
        SiteKind.PLOT,
        136.6626,
        36.5620,
        1200,
        (30.0, 6.0, 4.0, 0.3, 0.5),
    ),
    (
        "gyokusen-inmaru",
        "玉泉院丸庭園",
        "Gyokusen'inmaru garden",
        SiteKind.PLOT,
        136.6573,
        36.5648,
        900,
        (12.0, 2.0, 5.0, 0.5, 1.0),
    ),
    (
        "onosho-canal",
        "大野庄用水（長町）",
        "Onosho canal, Nagamachi",
        SiteKind.TRANSECT,
        136.6492,
        36.5630,
        [[136.6500, 36.5620], [136.6493, 36.5630], [136.6486, 36.5641]],
        (20.0, 3.0, 1.0, 0.2, 2.5),
    ),
]


def _metres(path: list[list[float]]) -> int:
    """Length of a [lon, lat] path (haversine, metres)."""
    total = 0.0
    for (lon1, lat1), (lon2, lat2) in itertools.pairwise(path):
        p1, p2 = math.radians(lat1), math.radians(lat2)
        dp, dl = p2 - p1, math.radians(lon2 - lon1)
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        total += 2 * 6_371_000 * math.asin(math.sqrt(a))
    return round(total)


def moon_phase(day: datetime.date) -> str:
    """Phase from the moon's age (days since the new moon of 2000-01-06, 18:14 UTC)."""
    reference = datetime.datetime(2000, 1, 6, 18, 14, tzinfo=datetime.UTC)
    evening = datetime.datetime.combine(day, datetime.time(11, 0), tzinfo=datetime.UTC)
    age = ((evening - reference).total_seconds() / 86400) % 29.530588
    if age < 1.5 or age > 28.0:
        return MoonPhase.NEW
    if 13.3 <= age <= 16.3:
        return MoonPhase.FULL
    if abs(age - 7.4) <= 1.5 or abs(age - 22.1) <= 1.5:
        return MoonPhase.HALF
    if age < 5.9 or age > 23.6:
        return MoonPhase.CRESCENT
    return MoonPhase.GIBBOUS


def _poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def _taxa(names: list[str]) -> dict[str, Taxon]:
    """The seeded taxa (taxa demo runs first); a missing one is created bare."""
    found = {t.scientific_name: t for t in Taxon.objects.filter(scientific_name__in=names)}
    if len(found) < len(names):
        from tsunagu.nature.taxa_seed import taxa_seed

        taxa_seed()
        found = {t.scientific_name: t for t in Taxon.objects.filter(scientific_name__in=names)}
    for name in names:
        if name not in found:
            found[name], _ = Taxon.objects.get_or_create(
                scientific_name=name, rank=TaxonRank.SPECIES
            )
    return found


def _partners(*slugs: str) -> list[Partner]:
    return list(Partner.objects.filter(organisation__slug__in=slugs))


def _participants(campaign: Campaign, adults: int, children: int) -> None:
    """Fictional participants without accounts, children with a (fictional) guardian."""
    if campaign.participants.exists():
        return
    for n in range(1, adults + 1):
        CampaignParticipant.objects.create(campaign=campaign, name=f"参加者{n}（デモ）")
    for n in range(1, children + 1):
        CampaignParticipant.objects.create(
            campaign=campaign,
            name=f"子ども{n}（デモ）",
            is_child=True,
            guardian_name=f"保護者{n}（デモ）",
            guardian_consent_at=timezone.now(),
        )


def _visits(
    campaign: Campaign,
    site: Site,
    dates: list[datetime.date],
    make: Callable[[datetime.date], dict],
) -> None:
    existing = set(site.visits.values_list("date", flat=True))
    today = timezone.localdate()
    for day in dates:
        if day in existing or day > today:
            continue
        visit_create(campaign=campaign, site=site, date=day, **make(day))


def _weather(rng: random.Random) -> str:
    return rng.choices(
        [Weather.CLEAR, Weather.CLOUDY, Weather.OVERCAST, Weather.DRIZZLE, Weather.RAIN],
        weights=[35, 30, 20, 10, 5],
    )[0]


def _firefly_campaign() -> None:
    taxa = _taxa([GENJI, HEIKE])
    campaign, _ = Campaign.objects.update_or_create(
        slug=FIREFLY_SLUG,
        defaults={
            "title_ja": "菊川・鞍月用水 ホタル調査（デモ）",
            "title_en": "Kikugawa firefly survey — Kuratsuki canal (demo)",
            "summary_ja": (
                "菊川公民館と地域の子どもたちが、毎年6月の夜に鞍月用水沿いでゲンジボタルと"
                "ヘイケボタルを数えます。金沢のホタル調査は1957年にさかのぼります。"
                "このページの数値はデモ用に生成したものです。"
            ),
            "summary_en": (
                "Every June evening, the Kikugawa community centre and local children count "
                "Genji and Heike fireflies along the Kuratsuki canal; Kanazawa's firefly "
                "counts go back to 1957. The figures on this page are generated for the demo."
            ),
            "protocol_ja": (
                "6月の晴れた夜、19時30分から21時までに各区間を歩きます。各区間の決まった地点で、"
                "光っているホタルを10秒間数えることを3回くり返し、最も多い回を記録します"
                "（同じホタルを重ねて数えないため）。ゲンジボタルとヘイケボタルは光り方で区別し、"
                "見つからなかった種は0と記録します。天気、気温、月、街灯などの明るさも記録します。"
            ),
            "protocol_en": (
                "On June evenings between 19:30 and 21:00, walk each stretch of the canal. At "
                "its fixed point, count the fireflies flashing during 10 seconds, three times, "
                "and keep the highest count (the same fireflies are seen in every window). "
                "Tell Genji from Heike by their flashes and record 0 for a species not seen. "
                "Note the weather, temperature, moon and artificial light."
            ),
            "season_start_month": 6,
            "season_end_month": 6,
            "first_year": FIRST_SEASON,
            "publication": PublicationStatus.PUBLISHED,
            "is_demo": True,
        },
    )
    campaign.target_taxa.set(taxa.values())
    campaign.organisers.set(_partners("demo-hotaru-kai", "unu-ias-ouik"))
    _participants(campaign, adults=14, children=9)
    rng = random.Random(SEED)
    for code, ja, en, path, light, (genji, heike), growth in FIREFLY_SITES:
        lon, lat = path[len(path) // 2]
        site, _ = Site.objects.update_or_create(
            campaign=campaign,
            code=code,
            defaults={
                "name_ja": ja,
                "name_en": en,
                "kind": SiteKind.TRANSECT,
                "latitude": lat,
                "longitude": lon,
                "path": path,
                "length_m": _metres(path),
                "description_ja": "鞍月用水沿いの調査区間",
                "description_en": "A survey stretch along the Kuratsuki canal",
            },
        )
        light_factor = {ArtificialLight.NONE: 1.0, ArtificialLight.LOW: 0.85}.get(light, 0.6)

        def make(
            day: datetime.date,
            code=code,
            genji=genji,
            heike=heike,
            growth=growth,
            light=light,
            light_factor=light_factor,
        ) -> dict:
            rng = random.Random(f"{SEED}-{code}-{day}")  # per visit: reloads skip, not shift
            years = day.year - FIRST_SEASON
            weather = _weather(rng)
            moon = moon_phase(day)
            factor = math.exp(growth * years) * light_factor
            factor *= {Weather.RAIN: 0.3, Weather.DRIZZLE: 0.6}.get(weather, 1.0)
            factor *= 0.7 if moon == MoonPhase.FULL else 1.0
            peak = 1.0 - abs(day.day - 15) / 20  # mid-June peak
            counts = {}
            for name, mean in ((GENJI, genji), (HEIKE, heike)):
                subs = tuple(_poisson(rng, mean * factor * peak) for _ in range(3))
                counts[taxa[name]] = CountInput(sub_counts=subs)
            start = datetime.time(19, 30 + rng.choice([0, 5, 10, 15]))
            return {
                "start_time": start,
                "end_time": datetime.time(20, rng.choice([30, 40, 50])),
                "observers_count": rng.randint(3, 12),
                "weather": weather,
                "temperature_c": Decimal(str(round(rng.uniform(17.5, 24.5), 1))),
                "moon": moon,
                "artificial_light": light,
                "protocol_variant": PROTOCOL_VARIANT,
                "is_complete_checklist": True,
                "counts": counts,
            }

        for year in range(FIRST_SEASON, LAST_SEASON + 1):
            days = sorted(rng.sample(range(5, 26), 4))
            _visits(campaign, site, [datetime.date(year, 6, d) for d in days], make)


def _garden_campaign() -> None:
    taxa = _taxa(GARDEN_TAXA)
    campaign, _ = Campaign.objects.update_or_create(
        slug=GARDEN_SLUG,
        defaults={
            "title_ja": "SUNプロジェクト 庭園・用水の生きもの調査（デモ）",
            "title_en": "SUN project garden survey (demo)",
            "summary_ja": (
                "国連大学OUIKのSUN（持続可能な都市の自然）プロジェクトで、市民が日本庭園と用水の"
                "生きものを季節ごとに数えます。数値はデモ用に生成したものです。"
            ),
            "summary_en": (
                "In UNU-IAS OUIK's SUN (Sustainable Urban Nature) project, citizens count the "
                "living creatures of Kanazawa's Japanese gardens and canals each season. The "
                "figures are generated for the demo."
            ),
            "protocol_ja": (
                "5月・7月・9月の午前中、各地点を30分かけて観察し、対象の生きものをすべて数えます。"
                "見つからなかった種は0と記録します。"
            ),
            "protocol_en": (
                "In May, July and September, observe each site for 30 minutes in the morning "
                "and count every target species; record 0 for a species not found."
            ),
            "season_start_month": 5,
            "season_end_month": 9,
            "first_year": 2021,
            "publication": PublicationStatus.PUBLISHED,
            "is_demo": True,
        },
    )
    campaign.target_taxa.set(taxa.values())
    campaign.organisers.set(_partners("unu-ias-ouik", "demo-water-lab"))
    _participants(campaign, adults=9, children=3)
    rng = random.Random(SEED + 1)
    for code, ja, en, kind, lon, lat, extent, means in GARDEN_SITES:
        is_transect = kind == SiteKind.TRANSECT
        site, _ = Site.objects.update_or_create(
            campaign=campaign,
            code=code,
            defaults={
                "name_ja": ja,
                "name_en": en,
                "kind": kind,
                "latitude": lat,
                "longitude": lon,
                "path": extent if is_transect else [],
                "length_m": _metres(extent) if is_transect else None,
                "area_m2": None if is_transect else extent,
            },
        )

        def make(day: datetime.date, code=code, means=means) -> dict:
            rng = random.Random(f"{SEED}-{code}-{day}")
            season = 1.3 if day.month == 7 else 1.0
            counts = {
                taxa[name]: CountInput(count=_poisson(rng, mean * season))
                for name, mean in zip(GARDEN_TAXA, means, strict=True)
            }
            return {
                "start_time": datetime.time(10, 0),
                "end_time": datetime.time(10, 30),
                "observers_count": rng.randint(2, 6),
                "weather": _weather(rng),
                "temperature_c": Decimal(str(round(rng.uniform(16, 31), 1))),
                "protocol_variant": "30分間の全種カウント / 30-minute count of every target",
                "is_complete_checklist": True,
                "counts": counts,
            }

        dates = [
            datetime.date(year, month, rng.randint(8, 24))
            for year in range(2021, LAST_SEASON + 1)
            for month in (5, 7, 9)
        ]
        _visits(campaign, site, dates, make)


@transaction.atomic
def load() -> None:
    _firefly_campaign()
    _garden_campaign()
