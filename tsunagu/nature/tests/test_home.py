"""The nature landing page: live figures, the latest public observations, links to each part."""

import pytest
from django.urls import reverse

from tsunagu.nature.models import QualityGrade
from tsunagu.nature.tests.factories import ObservationFactory, taxon_tree


@pytest.mark.django_db
def test_nature_home_counts_public_observations_and_hides_moderated_ones(client):
    tree = taxon_tree()
    shown = ObservationFactory(taxon=tree["species"])
    ObservationFactory(taxon=tree["species"], is_hidden=True)

    response = client.get(reverse("nature:home"))

    assert response.status_code == 200
    assert response.context["figures"].observations == 1
    assert list(response.context["latest"]) == (
        [shown] if shown.quality_grade != QualityGrade.CASUAL else []
    )
    html = response.content.decode()
    for name in ("biocultural:element_list", "biodiversity_index:overview", "nature:map"):
        assert f'href="{reverse(name)}"' in html


@pytest.mark.django_db
def test_taxon_page_shows_the_culture_that_depends_on_it(client):
    from tsunagu.biocultural.tests.factories import LinkFactory

    tree = taxon_tree()
    link = LinkFactory(taxon=tree["species"], element__name_ja="金箔", element__name_en="Gold leaf")

    response = client.get(reverse("nature:taxon_detail", args=[tree["genus"].pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "金箔" in html  # the genus page shows its species' links
    assert reverse("biocultural:element_detail", args=[link.element.slug]) in html
