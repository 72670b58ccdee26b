"""The authenticator's QR code as an inline SVG data: URI (the page's CSP allows data: images,
and no script is needed to draw it)."""

import segno


def qr_data_uri(text: str) -> str:
    return segno.make(text, error="m").svg_data_uri(scale=5, border=2)
