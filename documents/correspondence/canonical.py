"""Everything that was registered, as it stood: the content digest is keyed over this."""

from documents.correspondence.models import Correspondence


def canonical_content(document: Correspondence) -> dict:
    return {
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
