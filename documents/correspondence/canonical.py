"""Everything that was registered, as it stood: the content digest is keyed over this."""

import datetime

from documents.correspondence.models import Correspondence


def canonical_content(document: Correspondence) -> dict:
    content = {
        "kind": document.kind,
        "year": document.year,
        "number": document.number_display,
        "registered_on": document.registered_on.isoformat() if document.registered_on else None,
        "document_date": document.document_date.isoformat() if document.document_date else None,
        "correspondent": document.correspondent,
        "correspondent_number": document.correspondent_number,
        "language": document.language,
        "subject": document.subject,
        "summary": document.summary,
        "confidential": document.confidential,
        "reply_to": document.reply_to_id,
        "follows_from": document.follows_from_id,
        "appeal": document.appeal_id,
        "registered_version": document.registered_version,
        "files": [
            {"version": version.version, "name": version.name, "sha256": version.sha256}
            for version in document.files.order_by("version")
        ],
    }
    if document.approved_at is not None:  # an answer to an appeal: its approval and each point's answer
        content["approved_by"] = document.approved_by_id
        content["approved_at"] = document.approved_at.astimezone(datetime.UTC).isoformat()
        content["points"] = [
            {
                "number": answer.point.number,
                "point": answer.point.text,
                "text": answer.text,
                "answered": answer.answered,
            }
            for answer in document.answer_points.select_related("point").order_by("point__number")
        ]
    return content
