"""Charts of a report's snapshot as SVG, drawn on the server: the web page, the PDF
(WeasyPrint draws SVG itself) and the Word export (as PNG via the PDF path is not needed:
Word gets the table of the same figures) use the same picture, with no browser.

Three kinds cover what the blocks need: `hbar` (one bar per category, e.g. the 17 goals),
`bar` (columns, optionally several series) and `line` (series over years). Text stays text
(selectable, searchable) and uses the document's Japanese font."""

import math
from html import escape

from tsunagu.reports.blocks.base import pick

DASHBOARD_COLOURS = {
    "green": "#1e7d32",
    "yellow": "#f2c200",
    "orange": "#e0700b",
    "red": "#c62828",
    "grey": "#9e9e9e",
}
SERIES_COLOURS = ["#00558b", "#e0700b", "#1e7d32", "#8e24aa", "#c62828", "#6d4c41"]
FONT = "IPAexGothic, 'Noto Sans CJK JP', sans-serif"
WIDTH = 640


def _colour(value: str | None, fallback: str) -> str:
    if not value:
        return fallback
    return DASHBOARD_COLOURS.get(value, value if value.startswith("#") else fallback)


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def _text_width(text: str, size: int = 12) -> float:
    """Approximate width: full-width (CJK) characters are one em, others about half."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.55 for ch in text)


def _fit(text: str, width: float, size: int = 12) -> str:
    """The label, shortened with an ellipsis when it would overflow its column."""
    if _text_width(text, size) <= width:
        return text
    while text and _text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _tick(value: float, step: float) -> str:
    """An axis label with as many decimals as the step needs (0.05 → two), so ticks differ."""
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    return f"{value:,.{decimals}f}"


def _nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 × a power of ten) giving at most `ticks` intervals."""
    raw = (span or 1.0) / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def _nice_max(values: list[float]) -> float:
    top = max([v for v in values if v is not None] or [1.0])
    if top <= 0:
        return 1.0
    step = _nice_step(top)
    return math.ceil(top / step) * step


def _svg(height: int, body: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" font-family="{escape(FONT)}" '
        f'font-size="12"><title>{escape(title)}</title>{"".join(body)}</svg>'
    )


def _hbar(chart: dict, language: str) -> str:
    categories = [str(pick(c, language)) for c in chart["categories"]]
    series = chart["series"][0]
    values = series["values"]
    colours = series.get("colours") or []
    label_width, row = 190, 22
    scale_max = chart.get("max") or _nice_max(values)
    plot = WIDTH - label_width - 60
    height = row * len(categories) + 30
    body = []
    for index, (label, value) in enumerate(zip(categories, values, strict=True)):
        y = 10 + index * row
        length = 0 if value is None else max(0.0, value) / scale_max * plot
        colour = _colour(colours[index] if index < len(colours) else None, SERIES_COLOURS[0])
        body.append(
            f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end">'
            f"{escape(_fit(label, label_width - 10))}</text>"
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 7}" '
            f'fill="{colour}"/>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + 14}">{_number(value)}</text>'
        )
    axis_y = 10 + len(categories) * row
    body.append(
        f'<line x1="{label_width}" y1="{axis_y}" x2="{label_width + plot}" y2="{axis_y}" '
        f'stroke="#555"/><text x="{label_width}" y="{axis_y + 14}">0</text>'
        f'<text x="{label_width + plot}" y="{axis_y + 14}" text-anchor="end">'
        f"{_number(scale_max)}</text>"
    )
    return _svg(height, body, str(pick(chart["title"], language)))


def _frame(chart: dict, language: str, draw) -> str:
    """Axes, grid and legend around a column or line plot; `draw` adds the marks."""
    categories = [str(pick(c, language)) for c in chart["categories"]]
    all_values = [v for s in chart["series"] for v in s["values"] if v is not None]
    if chart["kind"] == "line" and all_values:
        # A trend reads from its own range; columns always start at zero.
        low, high = min(all_values), chart.get("max") or max(all_values)
        high = high if high > low else low + 1
    else:
        low = min(0.0, min(all_values, default=0.0))
        high = chart.get("max") or _nice_max(all_values)
    step = _nice_step(high - low)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    ticks = [low + index * step for index in range(round((high - low) / step) + 1)]
    # The plot starts after the widest axis label (12,000,000 needs more room than 80).
    left = max(40, int(max(_text_width(_tick(value, step)) for value in ticks)) + 12)
    top, plot_h = 12, 200
    plot_w = WIDTH - left - 20
    legend_rows = (len(chart["series"]) + 2) // 3 if len(chart["series"]) > 1 else 0
    height = top + plot_h + 40 + legend_rows * 18
    body = []
    for value in ticks:
        y = top + plot_h - plot_h * (value - low) / ((high - low) or 1)
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{_tick(value, step)}</text>"
        )

    years = [int(c) for c in categories if c.isdigit()]
    if chart["kind"] == "line" and len(years) == len(categories) > 1:
        # Years on a time axis: a gap between 2016 and 2018 looks like a gap.
        first, span = years[0], (years[-1] - years[0]) or 1

        def x_of(index: int) -> float:
            return left + plot_w * (0.05 + 0.9 * (years[index] - first) / span)

    else:

        def x_of(index: int) -> float:
            return left + plot_w * (index + 0.5) / max(len(categories), 1)

    def y_of(value: float) -> float:
        return top + plot_h - (value - low) / ((high - low) or 1) * plot_h

    every = max(1, len(categories) // 12)
    for index, label in enumerate(categories):
        if index % every == 0:
            body.append(
                f'<text x="{x_of(index):.1f}" y="{top + plot_h + 16}" text-anchor="middle">'
                f"{escape(label)}</text>"
            )
    body.append(draw(x_of, y_of, plot_w / max(len(categories), 1), low))
    for index, series in enumerate(chart["series"] if legend_rows else []):
        x = left + (index % 3) * 190
        y = top + plot_h + 34 + (index // 3) * 18
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        body.append(
            f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14}" y="{y}">'
            f"{escape(_fit(str(pick(series['name'], language)), 170))}</text>"
        )
    return _svg(height, body, str(pick(chart["title"], language)))


def _columns(chart: dict, language: str) -> str:
    count = len(chart["series"])

    def draw(x_of, y_of, slot, low):
        width = slot * 0.7 / count
        marks = []
        for s_index, series in enumerate(chart["series"]):
            colours = series.get("colours") or []
            for index, value in enumerate(series["values"]):
                if value is None:
                    continue
                x = x_of(index) - slot * 0.35 + s_index * width
                base, tip = y_of(max(low, 0.0)), y_of(value)
                fallback = SERIES_COLOURS[s_index % len(SERIES_COLOURS)]
                colour = _colour(colours[index] if index < len(colours) else None, fallback)
                marks.append(
                    f'<rect x="{x:.1f}" y="{min(base, tip):.1f}" width="{width:.1f}" '
                    f'height="{abs(base - tip):.1f}" fill="{colour}"/>'
                )
        return "".join(marks)

    return _frame(chart, language, draw)


def _lines(chart: dict, language: str) -> str:
    def draw(x_of, y_of, slot, low):
        marks = []
        for s_index, series in enumerate(chart["series"]):
            colour = SERIES_COLOURS[s_index % len(SERIES_COLOURS)]
            points = [(x_of(i), y_of(v)) for i, v in enumerate(series["values"]) if v is not None]
            if len(points) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
                marks.append(
                    f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
                )
            marks += [
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in points
            ]
        return "".join(marks)

    return _frame(chart, language, draw)


RENDERERS = {"hbar": _hbar, "bar": _columns, "line": _lines}


def chart_svg(chart: dict, language: str) -> str:
    """The chart as an SVG document string (safe: every text is escaped)."""
    return RENDERERS[chart["kind"]](chart, language)
