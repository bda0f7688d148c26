"""Parsing of public query parameters: whatever a stranger types into a URL, a view gets a value
in range or nothing, and the reader a message in his language — never a database error.

Every public view that reads ``request.GET`` (the orders registry, the site's lists, search)
reads it through :class:`QueryParams`; the API declares the same bounds in its schemas.

- Integers: ASCII digits only (``int()`` also takes ``²``, ``٣`` and 4,000-digit numbers that no
  database column holds), within a declared range.
- Dates: ISO ``YYYY-MM-DD`` within a range the database can store.
- Text: NUL and every other control character removed (PostgreSQL refuses NUL in a string),
  length capped.
- Ids in URLs: the ``id`` path converter and :func:`ApiId` take at most what a 64-bit key holds.
- API paging: ``limit`` and ``offset`` bounded (:class:`Pagination`), so that no request asks
  the database for a 64-bit overflow or a million rows.
- Search text: the above, and only letters, digits and spaces kept, so the database backends'
  full-text syntax (SQLite FTS5's quotes and operators, PostgreSQL's tsquery) never sees a stray
  quote, colon or parenthesis. The words still find what they find.
"""

import datetime
import re
import unicodedata

from django.urls import register_converter
from django.utils.translation import gettext_lazy as _
from ninja import Field, Path, Schema
from ninja.pagination import LimitOffsetPagination

YEARS = (1900, 2999)
PAGES = (1, 100_000)
MAX_TEXT_LENGTH = 200
MAX_SEARCH_LENGTH = 200
# A row id: what a 64-bit primary key holds (a larger number in a URL is a 404, not an overflow).
MAX_ID = 2**63 - 1
# The open-data API: at most this many records per request, and no offset past what exists.
MAX_PAGE_SIZE = 100
MAX_OFFSET = 10_000_000

_DIGITS = re.compile(r"[0-9]+")
_NOT_A_WORD = re.compile(r"[^\w\s]+|_+", re.UNICODE)


def _shown(value: str) -> str:
    """The rejected value as the message repeats it: printable and short."""
    printable = "".join(char for char in value if unicodedata.category(char)[0] != "C")
    return printable if len(printable) <= 20 else printable[:20] + "…"


def clean_text(value: str | None, *, max_length: int = MAX_TEXT_LENGTH) -> str:
    """``value`` without NUL or other control characters, whitespace collapsed, at most ``max_length``."""
    if not value:
        return ""
    text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in value[: max_length * 2])
    return " ".join(text.split())[:max_length]


def clean_search(value: str | None, *, max_length: int = MAX_SEARCH_LENGTH) -> str:
    """Words only: what is safe to hand to any search backend as plain terms."""
    return " ".join(_NOT_A_WORD.sub(" ", clean_text(value, max_length=max_length)).split())


def parse_int(value: str | None, *, minimum: int, maximum: int) -> int | None:
    """An integer in ``[minimum, maximum]`` written in ASCII digits, or None."""
    if value is None:
        return None
    value = value.strip()
    if not value or len(value) > len(str(maximum)) or not _DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


def parse_date(
    value: str | None, *, minimum: datetime.date = datetime.date(1900, 1, 1), maximum=datetime.date(2999, 12, 31)
) -> datetime.date | None:
    """An ISO date (``YYYY-MM-DD``) in ``[minimum, maximum]``, or None."""
    if not value or len(value) != 10:
        return None
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return day if minimum <= day <= maximum else None


class QueryParams:
    """The query string of one request, read as typed values; what it had to ignore, it says.

    >>> params = QueryParams(request.GET)
    >>> year = params.year("year")
    >>> params.errors  # messages for the reader, in the active language
    """

    def __init__(self, data):
        self.data = data
        self.errors: list[str] = []

    def _raw(self, name: str) -> str:
        value = self.data.get(name, "")
        return value if isinstance(value, str) else ""

    def integer(self, name: str, *, minimum: int, maximum: int) -> int | None:
        raw = self._raw(name)
        number = parse_int(raw, minimum=minimum, maximum=maximum)
        if raw.strip() and number is None:
            self.errors.append(
                _("“%(value)s” is not a number from %(minimum)s to %(maximum)s: it was ignored.")
                % {"value": _shown(raw), "minimum": minimum, "maximum": maximum}
            )
        return number

    def year(self, name: str = "year") -> int | None:
        raw = self._raw(name)
        year = parse_int(raw, minimum=YEARS[0], maximum=YEARS[1])
        if raw.strip() and year is None:
            self.errors.append(_("“%(value)s” is not a year: it was ignored.") % {"value": _shown(raw)})
        return year

    def date(self, name: str) -> datetime.date | None:
        raw = self._raw(name)
        day = parse_date(raw.strip())
        if raw.strip() and day is None:
            self.errors.append(
                _("“%(value)s” is not a date (year-month-day): it was ignored.") % {"value": _shown(raw)}
            )
        return day

    def text(self, name: str, *, max_length: int = MAX_TEXT_LENGTH) -> str:
        return clean_text(self._raw(name), max_length=max_length)

    def search(self, name: str = "q") -> str:
        return clean_search(self._raw(name))

    def page(self, name: str = "page") -> int:
        """A page number for Django's ``Paginator.get_page`` (which clamps it to the last page)."""
        return parse_int(self._raw(name), minimum=PAGES[0], maximum=PAGES[1]) or 1


class Pagination(LimitOffsetPagination):
    """The API's paging: ``limit`` from 1 to ``MAX_PAGE_SIZE``, ``offset`` up to ``MAX_OFFSET``.

    A value out of range is a 422 with the field named, before any query runs.
    """

    class Input(Schema):
        limit: int = Field(MAX_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_PAGE_SIZE, **kwargs)


class IdConverter:
    """``<id:pk>`` in a URL: a row id, 1 to ``MAX_ID``; anything else does not match (a 404)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= MAX_ID:
            raise ValueError(value)  # the URL does not match
        return number

    def to_url(self, value) -> str:
        return str(value)


register_converter(IdConverter, "id")


class YearConverter:
    """``<year:year>`` in a URL: four digits within ``YEARS``; anything else does not match."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not YEARS[0] <= year <= YEARS[1]:
            raise ValueError(value)
        return year

    def to_url(self, value) -> str:
        return str(value)


register_converter(YearConverter, "year")


def ApiId(description: str = "the record's id"):
    """An id in an API path, bounded like ``<id:…>``: out of range is a 422 naming the field."""
    return Path(..., ge=1, le=MAX_ID, description=description)
