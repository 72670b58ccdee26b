from django import template

register = template.Library()


@register.filter
def yen(value) -> str:
    """1234567 -> "¥1,234,567"."""
    if value is None or value == "":
        return ""
    return f"¥{int(value):,}"
