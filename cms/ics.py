"""An event as an iCalendar file (RFC 5545), for the reader's calendar.

Written with the ``icalendar`` library, which escapes text values (commas, semicolons,
backslashes, every kind of line break) and folds long lines: a title can never add a line.
"""

from datetime import UTC, timedelta

import icalendar
from django.utils import timezone


def event_calendar(event, request=None) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//kyzmat//public site//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    entry = icalendar.Event()
    entry.add("uid", f"event-{event.translation_key}-{event.locale.language_code}@kyzmat")
    entry.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(UTC))
    entry.add("dtstart", event.start.astimezone(UTC))
    entry.add("dtend", (event.end or event.start + timedelta(hours=2)).astimezone(UTC))
    entry.add("summary", event.title)
    entry.add("location", event.place)
    entry.add("description", event.lead or event.summary)
    entry.add("url", event.get_full_url(request))
    if event.organiser:
        organizer = icalendar.vCalAddress("mailto:noreply@kyzmat.invalid")
        organizer.params["cn"] = icalendar.vText(event.organiser)
        entry.add("organizer", organizer)
    calendar.add_component(entry)
    return calendar.to_ical()
