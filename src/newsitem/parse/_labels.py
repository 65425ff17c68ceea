"""The short labels around a headline: the kicker, the section a breadcrumb trail
names, and the reading time ("3 min read")."""

from __future__ import annotations

import re
from typing import Final

import lxml.html

from newsitem._datevalues import parse_reading_time
from newsitem.errors import ParseError
from newsitem.models import ReadingTime
from newsitem.parse._index import BREADCRUMB, PageIndex
from newsitem.parse._tree import class_and_id, normalize_space, search_words, text_content

__all__ = ["breadcrumb_section", "find_kicker", "find_reading_time"]

_KICKER_CLASS = re.compile(
    r"kicker|eyebrow|overline|rubric|category|section-?(?:name|label|title)|label|tagline"
    r"|topic|dachzeile|spitzmarke|subject",
    re.IGNORECASE,
)
# A word every match of _KICKER_CLASS holds (see search_words).
_KICKER_WORDS: Final = (
    "kicker", "eyebrow", "overline", "rubric", "category", "section", "label", "tagline",
    "topic", "dachzeile", "spitzmarke", "subject",
)  # fmt: skip
_READING_HINT = re.compile(r"min|lesezeit|lesedauer|lecture", re.IGNORECASE)
_READING_TAGS: Final = frozenset({"span", "div", "p", "li", "time", "small"})
_CRUMB_TAGS: Final = frozenset({"nav", "ol", "ul", "div", "p"})


def find_kicker(page_index: PageIndex, headline: str | None) -> str | None:
    """The kicker: a short labelled element just before the first ``<h1>``."""
    h1s = page_index.tagged("h1")
    if not h1s:
        return None
    node: lxml.html.HtmlElement | None = h1s[0]
    for _ in range(3):
        if node is None:
            return None
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            for element in (sibling, *sibling.iterdescendants()):
                if not isinstance(element.tag, str):
                    continue
                if not search_words(class_and_id(element), _KICKER_WORDS, _KICKER_CLASS):
                    continue
                text = normalize_space(text_content(element))
                if text and len(text) <= 40 and text != headline and not text[0].isdigit():
                    return text
        node = node.getparent()
    return None


def breadcrumb_section(page_index: PageIndex, headline: str | None) -> str | None:
    """The last link of the page's breadcrumb trail other than the headline and "Home".

    A trail is named by its class (a word the index reads), its ``aria-label`` or its
    ``itemtype`` (``BreadcrumbList``).
    """
    candidates = page_index.in_order(page_index.with_flag(BREADCRUMB) + page_index.labelled)
    for container in candidates:
        if container.tag not in _CRUMB_TAGS:
            continue
        names = container.get("class") or ""
        if (
            "breadcrumb" not in names.lower()
            and container.get("aria-label") != "breadcrumb"
            and ("BreadcrumbList" not in (container.get("itemtype") or ""))
        ):
            continue
        crumbs = [normalize_space(text_content(a)) for a in container.iter("a")]
        crumbs = [
            c for c in crumbs if c and c != headline and c.casefold() not in ("home", "start")
        ]
        if crumbs:
            return crumbs[-1]
    return None


def find_reading_time(page_index: PageIndex) -> ReadingTime | None:
    """The first short element that reads as a reading time ("3 min read", "Lesezeit:
    5 Minuten")."""
    for element in page_index.reading_hints:
        if element.tag not in _READING_TAGS:
            continue
        text = element.text
        if not text or len(element) > 1 or not _READING_HINT.search(text):
            continue
        full = normalize_space(text_content(element))
        if len(full) > 40:
            continue
        try:
            minutes = parse_reading_time(full)
        except ParseError:
            continue
        return ReadingTime(minutes=minutes, text=full)
    return None
