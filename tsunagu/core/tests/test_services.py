import json

import pytest
from django.db import IntegrityError, transaction

from tsunagu.accounts.tests.factories import OrganisationFactory
from tsunagu.core.models import Area, AreaKind, Goal, LocalTarget, SdgRelation, Target
from tsunagu.core.services import (
    boundaries_load,
    local_target_save,
    region_save,
    sdg_relations_set,
)
from tsunagu.core.tests.factories import LocalTargetFactory

pytestmark = pytest.mark.django_db


def test_setting_targets_derives_their_goals():
    organisation = OrganisationFactory()
    sdg_relations_set(organisation, targets=Target.objects.filter(code__in=["6.6", "15.5"]))
    assert sorted(organisation.sdg_goals.values_list("number", flat=True)) == [6, 15]
    assert sorted(organisation.sdg_targets.values_list("code", flat=True)) == ["15.5", "6.6"]


def test_a_local_target_implies_its_target_and_goal():
    organisation = OrganisationFactory()
    local_target = LocalTargetFactory(target=Target.objects.get(code="11.4"), number=3)
    sdg_relations_set(
        organisation, goals=[Goal.objects.get(number=17)], local_targets=[local_target]
    )
    assert sorted(organisation.sdg_goals.values_list("number", flat=True)) == [11, 17]
    assert list(organisation.sdg_targets.values_list("code", flat=True)) == ["11.4"]
    assert list(organisation.sdg_local_targets) == [local_target]


def test_setting_relations_replaces_the_previous_ones():
    organisation = OrganisationFactory()
    sdg_relations_set(organisation, targets=Target.objects.filter(code="6.1"))
    sdg_relations_set(organisation, goals=Goal.objects.filter(number=4))
    assert list(organisation.sdg_goals.values_list("number", flat=True)) == [4]
    assert not organisation.sdg_targets.exists()


def test_a_relation_points_at_exactly_one_thing():
    organisation = OrganisationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        SdgRelation.objects.create(
            content_object=organisation, goal_id=1, target=Target.objects.get(code="1.1")
        )


def test_local_target_code_and_order_follow_the_target():
    local_target_save(target_code="6.a", number=1, title_ja="用水の国際協力")
    local_target_save(target_code="6.6", number=2, title_ja="用水の生きもの")
    local_target_save(target_code="6.6", number=1, title_ja="用水の水質")
    assert list(LocalTarget.objects.values_list("code", flat=True)) == ["6.6.1", "6.6.2", "6.a.1"]
    again = local_target_save(target_code="6.6", number=1, title_ja="用水の水質（改訂）")
    assert again.code == "6.6.1"
    assert LocalTarget.objects.count() == 3


def _square(x, y, size=0.1):
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def test_boundaries_load_merges_islands_and_skips_unassigned_land(tmp_path):
    features = [
        {
            "type": "Feature",
            "properties": {
                "N03_001": "石川県",
                "N03_003": None,
                "N03_004": "金沢市",
                "N03_007": "17201",
            },
            "geometry": {"type": "Polygon", "coordinates": _square(136.6, 36.5)},
        },
        {
            "type": "Feature",
            "properties": {
                "N03_001": "石川県",
                "N03_003": None,
                "N03_004": "輪島市",
                "N03_007": "17204",
            },
            "geometry": {"type": "Polygon", "coordinates": _square(136.9, 37.3)},
        },
        {
            "type": "Feature",
            "properties": {
                "N03_001": "石川県",
                "N03_003": None,
                "N03_004": "輪島市",
                "N03_007": "17204",
            },
            "geometry": {"type": "Polygon", "coordinates": _square(136.9, 37.8, 0.01)},
        },
        {
            "type": "Feature",
            "properties": {"N03_001": "石川県", "N03_004": "所属未定地", "N03_007": None},
            "geometry": {"type": "Polygon", "coordinates": _square(0, 0)},
        },
    ]
    path = tmp_path / "n03.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))

    assert boundaries_load(path=path, names_en={"17201": "Kanazawa"}) == 2
    kanazawa = Area.objects.get(code="17201")
    assert kanazawa.kind == AreaKind.MUNICIPALITY
    assert kanazawa.name_en == "Kanazawa"
    assert kanazawa.parent.code == "17000"
    assert kanazawa.parent.name_en == "Ishikawa"
    assert kanazawa.parent.parent.code == "JP"
    assert kanazawa.centroid_lon == pytest.approx(136.65)
    assert kanazawa.centroid_lat == (pytest.approx(36.55))
    wajima = Area.objects.get(code="17204")
    assert wajima.geometry["type"] == "MultiPolygon"
    assert len(wajima.geometry["coordinates"]) == 2
    # the big square dominates the area-weighted centroid
    assert wajima.centroid_lat == pytest.approx(37.35, abs=0.01)
    assert "国土数値情報" in wajima.geometry_source
    # loading again updates, never duplicates
    assert boundaries_load(path=path) == 2
    assert Area.objects.filter(kind=AreaKind.MUNICIPALITY).count() == 2


@pytest.mark.needs_data
def test_boundaries_load_reads_all_of_ishikawa(data_dir):
    count = boundaries_load(path=data_dir / "geo" / "municipalities-ishikawa.geojson")
    assert count == 19
    kanazawa = Area.objects.get(code="17201")
    assert kanazawa.name_ja == "金沢市"
    assert 36.4 < kanazawa.centroid_lat < 36.7
    assert 136.5 < kanazawa.centroid_lon < 136.9


def test_a_region_groups_municipalities_given_in_any_code_form():
    for code, name in [("17201", "金沢市"), ("17206", "加賀市"), ("17210", "白山市")]:
        Area.objects.create(code=code, kind=AreaKind.MUNICIPALITY, name_ja=name)
    region = region_save(
        code="biocultural",
        name_ja="生物文化圏",
        name_en="Biocultural region",
        member_codes=["R17201", "172065", "17210"],
    )
    assert sorted(region.members.values_list("code", flat=True)) == ["17201", "17206", "17210"]
    assert list(Area.objects.get(code="17201").regions.all()) == [region]
