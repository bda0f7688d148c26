"""The canonical content of a signed order: everything that was signed, as it stood at signing.

It reads only the order's own frozen columns (the series' code and names are copied onto the
order at signing, so renaming a series changes nothing here) and its frozen child rows: the
points, the approval sheet, the annexes with their files' SHA-256, and the orders it amends.
``documents.registration`` keys its digest.
"""

import datetime

from governance.orders.models import Order


def _day(value):
    return value.isoformat() if value else None


def canonical_content(order: Order) -> dict:
    return {
        "series": {"code": order.series_code, "ky": order.series_name_ky, "ru": order.series_name_ru},
        "year": order.year,
        "number": order.number_display,
        "signed_on": _day(order.signed_on),
        "signed_by": order.signed_by_id,
        "signed_as_acting": order.signed_as_acting,
        "confidentiality": order.confidentiality,
        "effective_from": _day(order.effective_from),
        "expires_on": _day(order.expires_on),
        "title": {"ky": order.title_ky, "ru": order.title_ru},
        "preamble": {"ky": order.preamble_ky, "ru": order.preamble_ru},
        "points": [{"ky": p.text_ky, "ru": p.text_ru} for p in order.points.all()],
        "approvals": [
            {
                "approver": a.approver_id,
                "decision": a.decision,
                "decided_at": a.decided_at.astimezone(datetime.UTC).isoformat() if a.decided_at else None,
                "comment": a.comment,
            }
            for a in order.approvals.all()
        ],
        "attachments": [{"ky": a.title_ky, "ru": a.title_ru, "sha256": a.sha256} for a in order.attachments.all()],
        "amends": sorted(amended.pk for amended in order.amends.all()),
    }
