"""Writes for the SDG framework and places."""

import csv
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from tsunagu.core.area_codes import AreaCodeError, normalize_area_code
from tsunagu.core.cache import cache_model_changed
from tsunagu.core.geo import centroid, is_polygonal, merge_geometries
from tsunagu.core.models import (
    Area,
    AreaKind,
    Goal,
    LocalTarget,
    PublicationStatus,
    SdgRelation,
    Target,
)
from tsunagu.core.prefectures import PREFECTURE_NAMES_EN

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures"
BOUNDARY_CREDIT = "国土数値情報（行政区域データ）（国土交通省）を加工して作成"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def sdg_framework_load(*, fixture_dir: Path = FIXTURE_DIR) -> tuple[int, int]:
    """Create or update the 17 goals and 169 targets from the shipped official texts."""
    for row in _read_csv(fixture_dir / "goals.csv"):
        Goal.objects.update_or_create(
            number=int(row["goal"]),
            defaults={
                "short_title_ja": row["short_title_ja"],
                "short_title_en": row["short_title_en"],
                "title_ja": row["title_ja"],
                "title_en": row["title_en"],
                "colour": row["colour"],
            },
        )
    for row in _read_csv(fixture_dir / "targets.csv"):
        Target.objects.update_or_create(
            code=row["target"],
            defaults={
                "goal_id": int(row["goal"]),
                "title_ja": row["title_ja"],
                "title_en": row["title_en"],
            },
        )
    return Goal.objects.count(), Target.objects.count()


@transaction.atomic
def local_target_save(
    *,
    target_code: str,
    number: int,
    title_ja: str,
    title_en: str = "",
    description_ja: str = "",
    description_en: str = "",
    status: str = PublicationStatus.DRAFT,
    is_demo: bool = False,
) -> LocalTarget:
    target = Target.objects.get(code=target_code)
    local_target, _ = LocalTarget.objects.update_or_create(
        target=target,
        number=number,
        defaults={
            "title_ja": title_ja,
            "title_en": title_en,
            "description_ja": description_ja,
            "description_en": description_en,
            "status": status,
            "is_demo": is_demo,
        },
    )
    return local_target


@transaction.atomic
def sdg_relations_set(
    obj: models.Model,
    *,
    goals: Iterable[Goal] = (),
    targets: Iterable[Target] = (),
    local_targets: Iterable[LocalTarget] = (),
) -> None:
    """Replace obj's SDG tags. A local target implies its target, a target implies its goal."""
    local_targets = list(local_targets)
    targets = {t.pk: t for t in targets} | {lt.target_id: lt.target for lt in local_targets}
    goal_ids = {g.pk for g in goals} | {t.goal_id for t in targets.values()}
    content_type = ContentType.objects.get_for_model(obj)
    SdgRelation.objects.filter(content_type=content_type, object_id=obj.pk).delete()
    SdgRelation.objects.bulk_create(
        [SdgRelation(content_type=content_type, object_id=obj.pk, goal_id=g) for g in goal_ids]
        + [SdgRelation(content_type=content_type, object_id=obj.pk, target_id=t) for t in targets]
        + [
            SdgRelation(content_type=content_type, object_id=obj.pk, local_target=lt)
            for lt in local_targets
        ]
    )
    cache_model_changed(type(obj))  # the tags show wherever obj is cached


class BoundaryFileError(ValueError):
    """The boundaries file cannot be read as N03 GeoJSON; nothing was loaded."""


MAX_AREA_NAME = 120  # Area.name


def _japan_and_prefecture(prefecture_code: str, prefecture_name_ja: str) -> Area:
    japan, _ = Area.objects.get_or_create(
        code="JP",
        defaults={"kind": AreaKind.COUNTRY, "name_ja": "日本", "name_en": "Japan"},
    )
    prefecture, _ = Area.objects.update_or_create(
        code=f"{prefecture_code}000",
        defaults={
            "kind": AreaKind.PREFECTURE,
            "parent": japan,
            "name_ja": prefecture_name_ja,
            "name_en": PREFECTURE_NAMES_EN.get(prefecture_code, ""),
        },
    )
    return prefecture


def _boundary_features(path: Path) -> dict[str, list[dict]]:
    """The file's features by municipality code; BoundaryFileError lists what is wrong."""
    try:
        with path.open(encoding="utf-8") as handle:
            collection = json.load(handle)
    except (UnicodeDecodeError, ValueError) as error:
        raise BoundaryFileError(f"{path.name} is not UTF-8 JSON: {error}") from None
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        raise BoundaryFileError(f"{path.name} is not a GeoJSON FeatureCollection")
    by_code: dict[str, list[dict]] = defaultdict(list)
    problems = []
    for number, feature in enumerate(features, start=1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            problems.append(f"feature {number}: no properties")
            continue
        raw_code = props.get("N03_007")
        if not raw_code:
            continue
        try:
            if not isinstance(raw_code, str | int) or isinstance(raw_code, bool):
                raise AreaCodeError(f"not a local government code: {raw_code!r}")
            code = normalize_area_code(str(raw_code))
        except AreaCodeError as error:
            problems.append(f"feature {number}: {error}")
            continue
        names = [props.get(key) for key in ("N03_001", "N03_003", "N03_004")]
        if not names[0] or not all(
            name is None or (isinstance(name, str) and "\x00" not in name) for name in names
        ):
            problems.append(f"feature {number}: N03_001, N03_003 and N03_004 must be names")
        elif any(len(name or "") > MAX_AREA_NAME for name in names):
            problems.append(f"feature {number}: a name is longer than {MAX_AREA_NAME} characters")
        elif feature.get("geometry") and not is_polygonal(feature["geometry"]):
            problems.append(f"feature {number}: the geometry is not a Polygon or MultiPolygon")
        else:
            by_code[code].append(feature)
    if problems:
        raise BoundaryFileError(f"{path.name}: " + "; ".join(problems[:20]))
    return by_code


@transaction.atomic
def boundaries_load(*, path: Path, names_en: dict[str, str] | None = None) -> int:
    """Create or update municipalities (and their prefectures) from an N03 GeoJSON file.

    Features without a code (unassigned land, 所属未定地) are skipped; several features of one
    municipality (islands) are merged into one MultiPolygon; a municipality whose polygons
    were simplified away is still created, without geometry. A file that is not N03 GeoJSON
    raises BoundaryFileError, and nothing is loaded.
    """
    names_en = names_en or {}
    by_code = _boundary_features(path)
    prefectures: dict[str, Area] = {}
    for code, features in sorted(by_code.items()):
        props = features[0]["properties"]
        if code[:2] not in prefectures:
            prefectures[code[:2]] = _japan_and_prefecture(code[:2], props["N03_001"])
        geometries = [f["geometry"] for f in features if f.get("geometry")]
        defaults = {
            "kind": AreaKind.MUNICIPALITY,
            "parent": prefectures[code[:2]],
            "name_ja": props.get("N03_004") or props.get("N03_003") or code,
            "geometry": None,
            "centroid_lat": None,
            "centroid_lon": None,
            "geometry_source": BOUNDARY_CREDIT,
        }
        if geometries:
            geometry = merge_geometries(geometries)
            lon, lat = centroid(geometry)
            defaults.update(
                geometry=geometry, centroid_lat=round(lat, 6), centroid_lon=round(lon, 6)
            )
        if code in names_en:
            defaults["name_en"] = names_en[code]
        Area.objects.update_or_create(code=code, defaults=defaults)
    return len(by_code)


@transaction.atomic
def region_save(*, code: str, name_ja: str, name_en: str, member_codes: Iterable[str]) -> Area:
    region, _ = Area.objects.update_or_create(
        code=code,
        defaults={"kind": AreaKind.REGION, "name_ja": name_ja, "name_en": name_en},
    )
    codes = [normalize_area_code(c) for c in member_codes]
    region.members.set(Area.objects.filter(code__in=codes))
    return region
