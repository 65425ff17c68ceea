"""The headline: chosen among the structured one, the ``<h1>`` texts and the ``<title>``.

A page's ``<title>`` and structured headline often carry the site's name (" | Daily
Planet"); a page may hold several ``<h1>`` (a logo, a sidebar heading). The headline is
the structured one, else an ``<h1>`` that agrees with the title, else the title, unless
it is only the site's name, else the first ``<h1>``; a site part is dropped from each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsitem.parse._index import PageIndex
from newsitem.parse._tree import normalize_space, text_content

__all__ = ["choose_headline", "h1_texts", "strip_site"]

_SITE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+")
_WORDS = re.compile(r"\w+")


def strip_site(title: str, site_name: str | None, h1s: Sequence[str]) -> str:
    """Drop a " | Site Name" part from a title."""
    for h1 in h1s:
        if h1 and h1 in title and len(h1) >= 0.5 * len(title):
            return h1
    parts = _SITE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site_name:
        key = site_name.casefold()
        kept = [p for p in parts if p.casefold() != key and key not in p.casefold()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    first, last = parts[0], parts[-1]
    if len(last.split()) <= 4 and len(first.split()) >= 3:
        return (
            _SITE_SEPARATORS.split(title, maxsplit=len(parts) - 2)[0] if len(parts) > 2 else first
        )
    if len(first.split()) <= 3 and len(last.split()) >= 4:
        return title[title.find(parts[1]) :]
    return title


def _agree(one: str, other: str) -> bool:
    """Whether two headline candidates name the same story (one holds most of the other)."""
    a, b = one.casefold(), other.casefold()
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 10 and short in long:
        return True
    short_words, long_words = set(_WORDS.findall(short)), set(_WORDS.findall(long))
    if len(short_words) < 3:
        return False
    return len(short_words & long_words) >= 0.6 * len(short_words)


def _is_site_label(text: str, site_name: str | None) -> bool:
    key = text.casefold()
    if site_name and key == site_name.casefold():
        return True
    return bool(re.fullmatch(r"[\w.-]+\.[a-z]{2,6}", key))


def choose_headline(
    structured: str | None, h1s: Sequence[str], title: str | None, site_name: str | None
) -> str | None:
    """Pick the headline from the structured one, the ``<h1>`` texts and the ``<title>``.

    A structured headline (JSON-LD, microdata, ``og:title``) wins; else an ``<h1>`` that
    agrees with the title (a page may also have a site-wide ``<h1>`` logo, or an ``<h1>``
    over a sidebar); else the title, unless it is only the site's name; else the first
    ``<h1>``.
    """
    if structured:
        return structured
    h1s = [h for h in h1s if not _is_site_label(h, site_name)]
    # A title's first part ("Rain" of "Rain - Daily") held in an h1 agrees with it too.
    head = _SITE_SEPARATORS.split(title)[0].casefold() if title else ""
    agreed = next(
        (
            h
            for h in h1s
            if title and (_agree(h, title) or (len(head) >= 4 and head in h.casefold()))
        ),
        None,
    )
    if agreed is not None:
        return agreed
    if title and not _is_site_label(title, site_name):
        return title
    return h1s[0] if h1s else title


def h1_texts(page_index: PageIndex) -> list[str]:
    """The texts of the page's ``<h1>`` elements, whitespace normalized; none empty or
    of 400 characters or more."""
    texts = []
    for h1 in page_index.tagged("h1"):
        text = normalize_space(text_content(h1))
        if text and len(text) < 400:
            texts.append(text)
    return texts
