"""Dates a reader sees: a date written in the page's text near the headline.

Used when no structured source (JSON-LD, microdata, meta tags, ``<time datetime>``) and no
dated element gives the publication date. The text is searched once, in document order;
the first date written after the ``<h1>`` (within a short reach) wins, then the last one
just before it, then the first one anywhere in the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Final

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
_SKIPPED: Final = frozenset({"script", "style", "noscript", "template", "head", "title"})
_AFTER_REACH: Final = 1500
_BEFORE_REACH: Final = 400


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
    offset = h1_offset = 0
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if element is h1:
            seen_h1 = True
            h1_offset = offset
        for text in (element.text, element.tail):
            if not text or text.isspace():
                continue
            if element.tail is text and element.getparent() is not None:
                parent_tag = element.getparent().tag
                if isinstance(parent_tag, str) and parent_tag in _SKIPPED:
                    continue
            for match in _DATE_IN_TEXT.finditer(text):
                found = match.group(0)
                if seen_h1 and h1 is not None and after + match.start() <= _AFTER_REACH:
                    value = read(found)
                    if value is not None:
                        return value
                if not seen_h1:
                    before = (offset + match.start(), found)
                if first is None:
                    first = found
            offset += len(text)
            if seen_h1:
                after += len(text.strip())
        if seen_h1 and after > _AFTER_REACH and first is not None:
            break
    if before is not None and h1_offset - before[0] <= _BEFORE_REACH:
        value = read(before[1])
        if value is not None:
            return value
    return read(first) if first is not None else None
