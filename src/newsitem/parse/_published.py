"""The publication date: settled among every date the page's metadata writes, else read
from an element marked as a date or from the URL.

The parser first takes the published time of the first structured source (JSON-LD, then
microdata, meta tags, ``<time datetime>``). Two things then correct it, looking at all
the dates the metadata holds (:attr:`Metadata.dates`):

- A published time equal to the modified time, while another source gives a published
  time earlier by more than a day's zone offsets (14 hours), is an update written into
  the published field (a CMS that stamps ``datePublished`` on every save): the earliest
  published time wins.
- A published time in UTC is the instant, but not the day the publisher's readers saw:
  when another source writes the same instant with a zone offset, or the same time of
  day without a zone some whole quarter-hours away (the publisher's wall clock), the
  time is given in that offset, so its calendar day is the publisher's.

Without a structured date, :func:`find_marked_date` reads an element whose class or id
names a date (``.date``, ``.published``, ``.post-meta``), and :func:`url_date` a date in
the URL path (``/2022/12/14/``).

>>> from datetime import UTC, datetime
>>> settle_published(
...     datetime(2023, 11, 9, 5, 30, tzinfo=UTC),
...     None,
...     [("published", "2023-11-08 23:30:00")],
... ).isoformat()
'2023-11-08T23:30:00-06:00'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Final

import lxml.html

from newsitem._datevalues import parse_date
from newsitem.errors import ParseError
from newsitem.parse._tree import class_and_id, normalize_space, search_words, text_content

__all__ = ["find_marked_date", "settle_published", "url_date"]

_MAX_OFFSET: Final = timedelta(hours=14)
_OFFSET_STEP: Final = timedelta(minutes=15)
_DATE_CLASS = re.compile(r"date|time|published|posted|meta|byline", re.IGNORECASE)
# A word every match of _DATE_CLASS holds (see search_words).
_DATE_WORDS: Final = ("date", "time", "published", "posted", "meta", "byline")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")


def _read(text: str, *, zoned: bool) -> date | datetime | None:
    """A date or time the metadata writes; a time without a zone only when not ``zoned``
    (then read as UTC wall-clock time). ``None`` when unreadable: the parser already
    noted why when it read the page's chosen dates."""
    try:
        return parse_date(text.strip()[:200], default_tz=UTC if not zoned else None)
    except ParseError:
        return None


def _wall_clock(text: str) -> datetime | None:
    """A time written without a zone, as if in UTC; ``None`` for anything else."""
    if _read(text, zoned=True) is not None:
        return None  # it has a zone (or is a date alone)
    value = _read(text, zoned=False)
    return value if isinstance(value, datetime) else None


def settle_published(
    published: date | datetime | None,
    modified: date | datetime | None,
    dates: Sequence[tuple[str, str]],
) -> date | datetime | None:
    """Correct the chosen published time with the other dates the metadata writes.

    Args:
        published: The published time chosen from the first structured source.
        modified: The modified time chosen likewise.
        dates: ``(kind, text)`` of every published and modified value the page's
            metadata writes, ``kind`` being ``"published"`` or ``"modified"``.

    Returns:
        The published time, corrected as the module docstring says; else as given.
    """
    if not isinstance(published, datetime):
        return published
    others = [
        value
        for kind, text in dates
        if kind == "published"
        and isinstance(value := _read(text, zoned=True), datetime)
        and value.tzinfo is not None
    ]
    if isinstance(modified, datetime) and modified == published:
        # More than any zone offset earlier: not the same wall-clock time in another zone.
        earlier = [value for value in others if published - value > _MAX_OFFSET]
        if earlier:
            published = min(earlier)
    offset = published.utcoffset()
    if offset is None or offset:
        return published
    for value in others:
        zone = value.utcoffset()
        if value == published and zone:
            return published.astimezone(timezone(zone))
    for kind, text in dates:
        wall = _wall_clock(text) if kind == "published" else None
        if wall is None:
            continue
        shift = wall - published
        if shift and abs(shift) <= _MAX_OFFSET and shift % _OFFSET_STEP == timedelta(0):
            return published.astimezone(timezone(shift))
    return published


def find_marked_date(
    root: lxml.html.HtmlElement, read: Callable[[str], date | datetime | None]
) -> date | datetime | None:
    """The first date read from a short element whose class or id names a date.

    Args:
        root: The page tree, boilerplate already stripped.
        read: Reads one date string; returns ``None`` when it cannot.
    """
    for element in root.iter("span", "div", "p", "time", "small", "abbr"):
        if not search_words(class_and_id(element), _DATE_WORDS, _DATE_CLASS):
            continue
        text = normalize_space(element.get("title") or text_content(element))
        if not text or len(text) > 80 or not any(ch.isdigit() for ch in text):
            continue
        value = read(text)
        if value is not None:
            return value
    return None


def url_date(url: str | None) -> date | None:
    """The date a URL's path holds (``/2022/12/14/``, ``/2022-12-14-``), if a valid one.

    >>> url_date("https://news.example/2022/12/14/rain"), url_date("https://news.example/")
    (datetime.date(2022, 12, 14), None)
    """
    if not url:
        return None
    match = _URL_DATE.search(url)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
