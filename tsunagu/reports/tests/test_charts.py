"""Server-side SVG charts: valid SVG, escaped text, labels that fit, every kind drawn."""

import pytest
from defusedxml import ElementTree

from tsunagu.reports.charts import chart_svg

SVG = "{http://www.w3.org/2000/svg}"


def _chart(kind: str, **extra) -> dict:
    return {
        "id": "c",
        "kind": kind,
        "title": {"ja": "目標別スコア", "en": "Scores by goal"},
        "categories": [{"ja": "貧困をなくそう", "en": "No poverty"}, "<script>alert(1)</script>"],
        "series": [{"name": {"ja": "金沢市", "en": "Kanazawa"}, "values": [62.5, None]}],
        **extra,
    }


@pytest.mark.parametrize("kind", ["hbar", "bar", "line"])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_kind_is_valid_svg_with_escaped_text(kind, language):
    svg = chart_svg(_chart(kind), language)
    root = ElementTree.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == (
        "目標別スコア" if language == "ja" else "Scores by goal"
    )
    assert "<script>" not in svg
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert ("貧困をなくそう" if language == "ja" else "No poverty") in texts


def test_long_labels_are_shortened_to_their_column():
    chart = _chart("hbar")
    chart["categories"][0] = {"ja": "あ" * 40, "en": "x" * 40}
    root = ElementTree.fromstring(chart_svg(chart, "ja"))
    label = next(t.text for t in root.iter(f"{SVG}text") if t.text and t.text.startswith("あ"))
    assert label.endswith("…")
    assert len(label) < 40


def test_bars_scale_to_the_maximum():
    chart = _chart("hbar", max=100)
    chart["series"][0]["values"] = [50.0, 100.0]
    widths = [
        float(r.get("width"))
        for r in ElementTree.fromstring(chart_svg(chart, "en")).iter(f"{SVG}rect")
    ]
    assert widths[1] == pytest.approx(2 * widths[0])


def test_line_charts_space_years_by_time():
    chart = _chart("line")
    chart["categories"] = ["2015", "2016", "2018"]
    chart["series"][0]["values"] = [1.0, 2.0, 3.0]
    root = ElementTree.fromstring(chart_svg(chart, "en"))
    xs = [float(c.get("cx")) for c in root.iter(f"{SVG}circle")]
    assert xs[2] - xs[1] == pytest.approx(2 * (xs[1] - xs[0]))


def test_large_axis_labels_fit_inside_the_picture():
    chart = _chart("bar")
    chart["series"][0]["values"] = [12_345_678.0, 2_000_000.0]
    root = ElementTree.fromstring(chart_svg(chart, "en"))
    label = next(t for t in root.iter(f"{SVG}text") if t.text == "15,000,000")
    # The label is right-aligned at x: it starts inside the picture.
    assert float(label.get("x")) > len("15,000,000") * 12 * 0.55
