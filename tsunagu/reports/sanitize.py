"""Narrative HTML written by staff is cleaned on save with nh3 (Rust's ammonia): only the tags
a report needs survive; scripts, event handlers, styles and javascript: links do not."""

import nh3

ALLOWED_TAGS = {
    "p", "br", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td",
    "caption", "figure", "figcaption", "span", "div", "del", "pre", "code",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}


def narrative_clean(html: str) -> str:
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()
