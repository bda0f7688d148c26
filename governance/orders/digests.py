"""SHA-256 digests of a signed order: of its canonical content and of its rendered file."""

import hashlib
import json

from governance.orders.models import Order


def canonical_content(order: Order) -> bytes:
    """The order's registered text as canonical JSON: keys sorted, no spaces, UTF-8."""
    content = {
        "series": order.series.code,
        "year": order.year,
        "number": order.number_display,
        "signed_on": order.signed_on.isoformat() if order.signed_on else None,
        "effective_from": order.effective_from.isoformat() if order.effective_from else None,
        "expires_on": order.expires_on.isoformat() if order.expires_on else None,
        "title": {"ky": order.title_ky, "ru": order.title_ru},
        "preamble": {"ky": order.preamble_ky, "ru": order.preamble_ru},
        "points": [{"ky": p.text_ky, "ru": p.text_ru} for p in order.points.all()],
    }
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
