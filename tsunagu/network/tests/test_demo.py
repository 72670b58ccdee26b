"""The demo loads twice without duplicates; its exchanges are flagged, meetings are sourced."""

import pytest
from django.test import override_settings

from tsunagu.network import demo
from tsunagu.network.models import AnnualMeeting, CreativeCity, Exchange


@pytest.mark.django_db
def test_demo_without_the_data_file_uses_the_facts(tmp_path):
    with override_settings(TSUNAGU_DATA_DIR=tmp_path):
        demo.load()
        demo.load()
    assert CreativeCity.objects.filter(unesco_name="Kanazawa", designation_year=2009).exists()
    assert Exchange.objects.count() == len(demo.DEMO_EXCHANGES)
    assert not Exchange.objects.filter(is_demo=False).exists()
    assert AnnualMeeting.objects.get(year=2015).kanazawa_attended is True
    assert all(m.source_url for m in AnnualMeeting.objects.all())


@pytest.mark.django_db
def test_demo_with_the_data_file_imports_the_list(data_dir):
    if not (data_dir / demo.UCCN_CSV).is_file():
        pytest.skip("UNESCO Creative Cities list not in the shared data")
    with override_settings(TSUNAGU_DATA_DIR=data_dir):
        demo.load()
    assert CreativeCity.objects.count() == 349
