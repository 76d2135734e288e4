"""The enrolment QR code, drawn here (no outside service): an SVG as a data: URL for an <img>."""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg


def qr_data_url(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
