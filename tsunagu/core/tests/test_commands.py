import pytest
from django.core.management import CommandError, call_command

from tsunagu.core.models import Area, AreaKind

pytestmark = pytest.mark.django_db


def test_load_boundaries_explains_missing_data(tmp_path, settings):
    settings.TSUNAGU_DATA_DIR = tmp_path
    with pytest.raises(CommandError, match="TSUNAGU_DATA_DIR"):
        call_command("load_boundaries")


@pytest.mark.needs_data
def test_load_boundaries_loads_all_of_japan(data_dir, settings):
    settings.TSUNAGU_DATA_DIR = data_dir
    call_command("load_boundaries", verbosity=0)
    municipalities = Area.objects.filter(kind=AreaKind.MUNICIPALITY)
    # 1,741 municipalities plus the six villages of the Northern Territories in N03
    assert municipalities.count() == 1747
    # eleven small islands' polygons vanish in the 0.1% simplification
    assert municipalities.filter(geometry__isnull=True).count() == 11
    assert Area.objects.get(code="13362").name_ja == "利島村"
    assert Area.objects.filter(kind=AreaKind.PREFECTURE).count() == 47
    assert Area.objects.get(code="13000").name_en == "Tokyo"
    assert Area.objects.get(code="17201").parent.name_ja == "石川県"
