"""An event as an iCalendar file (RFC 5545), for the reader's calendar."""

from datetime import UTC, datetime, timedelta

from django.utils import timezone


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode()
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)


def event_calendar(event, request=None) -> str:
    end = event.end or event.start + timedelta(hours=2)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//kyzmat//public site//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:event-{event.translation_key}-{event.locale.language_code}@kyzmat",
        f"DTSTAMP:{_stamp(event.last_published_at or timezone.now())}",
        f"DTSTART:{_stamp(event.start)}",
        f"DTEND:{_stamp(end)}",
        f"SUMMARY:{_escape(event.title)}",
        f"LOCATION:{_escape(event.place)}",
        f"DESCRIPTION:{_escape(event.lead or event.summary)}",
        f"URL:{event.get_full_url(request)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    if event.organiser:
        lines.insert(-2, f"ORGANIZER;CN={_escape(event.organiser).replace(':', ' ')}:mailto:noreply@kyzmat.invalid")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
