import pytest

from tsunagu.tourism.models import Item, Scheme
from tsunagu.tourism.services.schemes import scheme_version_copy, schemes_seed


def test_seed_ships_kanazawa_and_gstc_style_once(version):
    schemes_seed()
    assert Scheme.objects.count() == 2
    assert version.scheme.is_default
    assert version.is_paraphrase
    assert list(version.indicators.values_list("code", flat=True)) == [str(n) for n in range(1, 9)]
    assert version.required_indicator_codes == ["1", "2"]
    assert Item.objects.filter(indicator__version=version, is_mandatory=True).exists()
    gstc = Scheme.objects.get(code="gstc-style-skeleton").current_version()
    assert list(gstc.indicators.values_list("code", flat=True)) == ["A", "B", "C", "D"]
    assert gstc.indicators.get(code="A").items.first().code == "A1"


def test_items_are_bilingual(version):
    item = Item.objects.get(indicator__version=version, code="1.1")
    assert item.title_ja
    assert item.title_en
    assert item.related_goals


@pytest.mark.django_db
def test_copy_creates_new_version_and_leaves_old_untouched(version, operator, member):
    from tsunagu.tourism.services.applications import application_create

    application = application_create(operator=operator, version=version, by=member)
    copy = scheme_version_copy(version=version, note="2027 revision")
    assert copy.number == 2
    assert version.scheme.current_version() == copy
    assert copy.indicators.count() == 8
    assert (
        Item.objects.filter(indicator__version=copy).count()
        == Item.objects.filter(indicator__version=version).count()
    )
    copy.indicators.filter(code="8").delete()
    assert version.indicators.count() == 8
    application.refresh_from_db()
    assert application.version == version
    assert version.is_used
    assert not copy.is_used
