"""MapCell upkeep: a rebuild counts the visible public points, and single saves and deletes
keep the counts equal to a rebuild through create, grade change, generalisation, hide and
delete."""

import datetime

import pytest
from django.core.management import call_command

from tsunagu.nature import signals_map  # noqa: F401  (connects the receivers under test)
from tsunagu.nature.models import MapCell, QualityGrade
from tsunagu.nature.selectors.map_grid import FINEST_LEVEL, MAP_CELL_LEVELS, cell_of
from tsunagu.nature.services.map_cells import map_cells_rebuild
from tsunagu.nature.tests.factories_map import observation_make

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        (c.level, c.cell_x, c.cell_y, c.quality_grade, c.year): (
            c.count,
            round(c.latitude_sum, 6),
            round(c.longitude_sum, 6),
        )
        for c in MapCell.objects.filter(count__gt=0)
    }


def assert_incremental_equals_rebuild() -> None:
    incremental = snapshot()
    map_cells_rebuild()
    assert incremental == snapshot()


def level_total(level: int) -> int:
    return sum(MapCell.objects.filter(level=level).values_list("count", flat=True))


def test_rebuild_counts_visible_public_points_per_level():
    observation_make(latitude=36.56, longitude=136.65)
    observation_make(latitude=36.561, longitude=136.651, grade=QualityGrade.NEEDS_ID)
    observation_make(latitude=37.3, longitude=136.9, observed_on=None)
    observation_make(latitude=36.6, longitude=136.6, is_hidden=True)
    MapCell.objects.all().delete()
    rows = map_cells_rebuild()
    assert rows == MapCell.objects.count() > 0
    for level in MAP_CELL_LEVELS:
        assert level_total(level) == 3
    undated = MapCell.objects.get(level=FINEST_LEVEL, year__isnull=True)
    assert undated.count == 1
    assert (undated.cell_x, undated.cell_y) == cell_of(37.3, 136.9, FINEST_LEVEL)
    research = MapCell.objects.get(level=FINEST_LEVEL, quality_grade="research", year=2024)
    assert research.latitude_sum == pytest.approx(36.56)
    # The level above holds both 2024 points in one cell per grade.
    assert MapCell.objects.filter(level=MAP_CELL_LEVELS[0], year=2024).count() == 2


def test_rebuild_replaces_stale_counts():
    observation_make(latitude=36.56, longitude=136.65)
    MapCell.objects.update(count=99)
    map_cells_rebuild()
    assert level_total(FINEST_LEVEL) == 1


def test_incremental_create_update_hide_delete_match_rebuild():
    first = observation_make(latitude=36.56, longitude=136.65, grade=QualityGrade.NEEDS_ID)
    second = observation_make(latitude=36.5601, longitude=136.6502)
    observation_make(latitude=36.9, longitude=136.8, observed_on=None)
    assert level_total(FINEST_LEVEL) == 3
    assert_incremental_equals_rebuild()

    first.quality_grade = QualityGrade.RESEARCH  # grade change
    first.save()
    assert MapCell.objects.filter(quality_grade=QualityGrade.NEEDS_ID).count() == 0
    assert_incremental_equals_rebuild()

    # generalisation: the taxon turned sensitive and the public point moved within 0.2°
    second.public_latitude, second.public_longitude = 36.5123, 136.7456
    second.location_generalised = True
    second.save(update_fields=["public_latitude", "public_longitude", "location_generalised"])
    assert_incremental_equals_rebuild()

    second.observed_at = second.observed_at - datetime.timedelta(days=400)  # year change
    second.save()
    assert_incremental_equals_rebuild()

    first.is_hidden = True
    first.save()
    assert level_total(FINEST_LEVEL) == 2
    assert_incremental_equals_rebuild()

    first.is_hidden = False
    first.save()
    assert level_total(FINEST_LEVEL) == 3

    second.delete()
    assert level_total(FINEST_LEVEL) == 2
    assert_incremental_equals_rebuild()
    for level in MAP_CELL_LEVELS:
        assert level_total(level) == 2


def test_save_of_unrelated_fields_leaves_cells_alone():
    observation = observation_make(latitude=36.56, longitude=136.65)
    before = snapshot()
    observation.notes = "seen near the canal"
    observation.save(update_fields=["notes"])
    observation.save()
    assert snapshot() == before


def test_command_rebuilds(capsys):
    observation_make(latitude=36.56, longitude=136.65)
    MapCell.objects.all().delete()
    call_command("rebuild_map_cells")
    assert "map cells rebuilt" in capsys.readouterr().out
    assert level_total(FINEST_LEVEL) == 1


def test_staff_recount_from_the_admin_others_cannot(client_as):
    observation_make(latitude=36.56, longitude=136.65)
    MapCell.objects.exclude(level=FINEST_LEVEL).delete()
    cell = MapCell.objects.get(level=FINEST_LEVEL)
    url = "/admin/nature/mapcell/"
    form = {"action": "rebuild", "_selected_action": [cell.pk]}
    for role in (None, "plain_user", "partner_member"):
        response = client_as(role).post(url, form)
        assert response.status_code in (302, 403)
        assert MapCell.objects.count() == 1
    response = client_as("city_staff").post(url, form)
    assert response.status_code == 302
    assert MapCell.objects.count() == len(MAP_CELL_LEVELS)
