from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from tsunagu.reports.blocks.base import pick
from tsunagu.reports.charts import chart_svg

register = template.Library()


@register.filter
def tr(value, language: str):
    """{{ label|tr:lang }}: the language's text of a bilingual value."""
    return pick(value, language)


@register.simple_tag
def report_chart(chart: dict, language: str):
    """A chart as a numbered-by-CSS figure: SVG, caption and source."""
    return format_html(
        '<figure class="report-figure" id="{}">{}<figcaption>{}<span class="source">{}</span>'
        "</figcaption></figure>",
        chart.get("id", ""),
        mark_safe(chart_svg(chart, language)),  # noqa: S308 — every text in it is escaped
        pick(chart.get("title", ""), language),
        pick(chart.get("source", ""), language),
    )


@register.inclusion_tag("reports/_table.html")
def report_table(table: dict, language: str):
    return {"table": table, "lang": language}


@register.filter
def number(value):
    """Figures as the reports print them: thousands separated, one decimal when not whole."""
    if value is None or value == "":
        return "–"
    if isinstance(value, (int, float)):
        if float(value).is_integer():
            return f"{value:,.0f}"
        return f"{value:,.1f}"
    return value


@register.filter
def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
