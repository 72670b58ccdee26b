"""Kanazawa's figures per year and its exchange lines."""

from django.utils import translation

from tsunagu.network import selectors


def test_figures_count_exchanges_by_type_and_cities_reached(network):
    with translation.override("en"):  # the series are keyed by their (translated) labels
        figures = selectors.kanazawa_figures()
    assert figures["years"] == [2019, 2021]
    rows = {row["year"]: row for row in figures["rows"]}
    assert rows[2019]["total"] == 2
    assert rows[2019]["cities"] == 1  # both with Icheon, in either direction
    assert rows[2021]["cities_total"] == 2
    assert rows[2021]["demo"] is True
    assert rows[2019]["demo"] is False
    assert figures["by_kind"]["Residency"] == [1, 0]
    assert figures["by_kind"]["Joint project"] == [0, 1]


def test_lines_go_only_to_partners_with_coordinates(network):
    lines = selectors.kanazawa_exchange_lines()
    assert [(line["slug"], line["exchanges"]) for line in lines] == [("icheon", 2)]
    assert lines[0]["from"] == [136.65, 36.56]


def test_city_list_filters_by_field_and_country(network):
    assert selectors.creative_city_list(field="Design").count() == 1
    assert selectors.creative_city_list(country="jp").count() == 2
    assert selectors.creative_city_list(field="Crafts and Folk Art", country="JP").count() == 1
