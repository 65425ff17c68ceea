"""Dates a reader sees: a date written in the page's text near the headline.

Used when no structured source (JSON-LD, microdata, meta tags, ``<time datetime>``) and no
dated element gives the publication date. The text is searched once, in document order.
A date the words before it name as the publication ("Posted by Jane Doe on", "von Jane
Doe am", "Veröffentlicht:", "Published") is a dateline; a date they name as something
else ("Registered:", "Member since", "Mitglied seit", "Current time") is skipped. The
first dateline after the ``<h1>`` (within a short reach) wins, then the first date after
it, then the last one just before it, then the first dateline anywhere in the page, then
the first date anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Final

import lxml.etree
import lxml.html

__all__ = ["find_text_date"]

_MONTHS = (
    r"jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[ée]vr(?:ier)?|mar(?:ch|s)?|m[äa]rz|apr(?:il)?"
    r"|avr(?:il)?|ma[iy]|jun[ei]?|juin|jul[iy]?|juil(?:let)?|aug(?:ust)?|ao[uû]t"
    r"|sep(?:t(?:ember|embre)?)?|o[ck]t(?:ober|obre)?|nov(?:ember|embre)?"
    r"|de[cz](?:ember)?|d[ée]c(?:embre)?"
)
_YEAR = r"(?:19|20)\d{2}"
_DATE_IN_TEXT = re.compile(
    rf"\b{_YEAR}-[01]\d-[0-3]\d\b"
    rf"|\b[0-3]?\d\.\s?[01]?\d\.\s?{_YEAR}\b"
    rf"|\b[0-3]?\d\.?\s+(?:{_MONTHS})\.?\s+{_YEAR}\b"
    rf"|\b(?:{_MONTHS})\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+{_YEAR}\b"
    rf"|\b[01]?\d/[0-3]?\d/{_YEAR}\b",
    re.IGNORECASE,
)
# Words just before a date that name it as the publication: a publishing verb, or a
# byline ("by Jane Doe on", "von Jane Doe am", "Posted by jdoe »").
_DATELINE = re.compile(
    r"(?:\b(?:published|posted|submitted|veröffentlicht|erstellt|gespeichert|publié"
    r"|publicado|pubblicato)\b[^.!?\d]{0,40}"
    r"|\b(?:by|von|par)\s+[^\s\d.,;:!?][^\s.,;:!?]*(?:\s+[^\s\d.,;:!?][^\s.,;:!?]*){0,3})"
    r"\s*(?:am|on|le|,|:|\(|»|\||-|–|—)?\s*$",
    re.IGNORECASE,
)
# Words just before a date that name it as something other than the publication.
_OTHER_EVENT = re.compile(
    r"\b(?:registriert|registered|joined|member since|mitglied seit|dabei seit|geboren"
    r"|born|aktuelle zeit|current time|last (?:visit|login)|letzter besuch)\W{0,3}$",
    re.IGNORECASE,
)
_CONTEXT: Final = 60  # characters of text before a date that its label is read from
_SKIPPED: Final = frozenset({"script", "style", "noscript", "template", "head", "title"})
_AFTER_REACH: Final = 1500
_BEFORE_REACH: Final = 400
_DATELINE_REACH: Final = 5000  # on a page with no h1, how far a dateline is looked for


def find_text_date(
    root: lxml.html.HtmlElement, read: Callable[[str], date | datetime | None]
) -> date | datetime | None:
    """Return the date written in the page text nearest below the headline, else above it.

    Args:
        root: The page tree.
        read: Reads one date string; returns ``None`` when it cannot.

    Returns:
        The date found, or ``None`` when the text holds none.
    """
    h1 = root.find(".//h1")
    seen_h1 = h1 is None
    after = 0  # characters of text read since the h1
    before: tuple[int, str] | None = None  # the last date before the h1, and where
    first: str | None = None
    first_dateline: str | None = None
    plain_after: str | None = None  # the first date after the h1 (the dateline may follow)
    recent = ""  # the last characters of text read, where a date's label is
    offset = h1_offset = 0
    # What a skipped element holds is not page text; the text after it is, unless it sits
    # in another skipped element (the <meta> and <title> of <head>).
    skipped = set(root.iter(*_SKIPPED))
    inside = {node for element in skipped for node in element.iterdescendants()}
    for element in root.iter(lxml.etree.Element):
        if element is h1:
            seen_h1 = True
            h1_offset = offset
        if element in inside:
            continue
        own = None if element in skipped else element.text
        for text in (own, element.tail):
            if not text or text.isspace():
                continue
            # Every date holds a year 19xx or 20xx: a text without "19" or "20" holds none.
            for match in _DATE_IN_TEXT.finditer(text) if "19" in text or "20" in text else ():
                found = match.group(0)
                label = (recent + text[: match.start()])[-_CONTEXT:]
                if _OTHER_EVENT.search(label):
                    continue
                dateline = _DATELINE.search(label) is not None
                if seen_h1 and h1 is not None and after + match.start() <= _AFTER_REACH:
                    if dateline:
                        value = read(found)
                        if value is not None:
                            return value
                    elif plain_after is None and read(found) is not None:
                        plain_after = found
                if not seen_h1:
                    before = (offset + match.start(), found)
                if first is None:
                    first = found
                if dateline and first_dateline is None:
                    first_dateline = found
            offset += len(text)
            recent = (recent + text + " ")[-_CONTEXT:]
            if seen_h1:
                after += len(text.strip())
        if (
            seen_h1
            and first is not None
            and (
                after > _AFTER_REACH
                if h1 is not None or first_dateline
                else after > _DATELINE_REACH
            )
        ):
            break
    if plain_after is not None:
        return read(plain_after)
    if before is not None and h1_offset - before[0] <= _BEFORE_REACH:
        value = read(before[1])
        if value is not None:
            return value
    for candidate in (first_dateline, first):
        if candidate is not None:
            value = read(candidate)
            if value is not None:
                return value
    return None
