"""The canonical content of a registered decision and of signed minutes: everything that was
registered or signed, as it stood. ``documents.registration`` keys its digest."""

from governance.bodies.models import Decision, Minutes


def decision_content(decision: Decision) -> dict:
    return {
        "body": decision.item.meeting.body.code,
        "item": decision.item_id,
        "poll": decision.poll_id,
        "year": decision.year,
        "number": decision.number_display,
        "registered_on": decision.registered_on.isoformat() if decision.registered_on else None,
        "text": {"ky": decision.text_ky, "ru": decision.text_ru},
        "order": decision.order_id,
    }


def minutes_content(minutes: Minutes) -> dict:
    return {
        "meeting": minutes.meeting_id,
        "year": minutes.year,
        "number": minutes.number,
        "content": minutes.content,
        "chair": minutes.chair_id,
        "secretary": minutes.secretary_id,
    }
