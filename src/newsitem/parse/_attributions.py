"""Source attributions in a body: "the Wall Street Journal reported", "according to Reuters".

Only attributions that are linked, or whose verb says reporting ("reported", "wrote",
"according to"), are kept; "X said" counts only when X is linked or names a news outlet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Final

import lxml.html

from newsitem.errors import NewsitemError
from newsitem.models import SourceAttribution, is_http_url
from newsitem.parse._tree import normalize_space, text_content

__all__ = ["find_attributions"]

_NAME_UPPER = r"[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|for|de|and))*?"
_DATE_TEXT = (
    r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:,\s+\d{4})?|\d{1,2}\s+(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*"
    r"(?:\s+\d{4})?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|last\s+week"
)
_REPORTED = re.compile(
    rf"(?:\b[Tt]he\s+)?(?P<name>{_NAME_UPPER})\s+(?:(?:recently|first|also|earlier|previously"
    rf"|exclusively)\s+)?(?P<verb>reported|reports|wrote|writes|published|revealed|broke\s+the\s+news"
    rf"|said|says)\b(?:\s+on\s+(?P<date>{_DATE_TEXT}))?"
)
# A verb _REPORTED needs: a sentence without one cannot match it and is not searched.
_VERB = re.compile(
    r"\b(?:reported|reports|wrote|writes|published|revealed|broke\s+the\s+news|said|says)\b"
)
# A word each match of _VERB holds: a paragraph with none is passed over unsearched.
_VERB_WORDS: Final = ("report", "wrote", "writes", "published", "revealed", "broke", "said", "says")
_ACCORDING = re.compile(rf"\baccording\s+to\s+(?:the\s+)?(?P<name>{_NAME_UPPER})(?=[\s,.;)]|$)")
_OUTLET = re.compile(
    r"Journal|Times|Post|News|Reuters|Bloomberg|Associated Press|AP|AFP|BBC|CNN|Guardian"
    r"|Telegraph|Tribune|Herald|Gazette|Financial|Economist|Politico|Axios|Agency|Radio"
    r"|Television|TV|Daily|Kommersant|Vedomosti|Interfax|TASS|RIA|Spiegel|Zeitung|Monde",
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“])")
_NOT_SOURCE = re.compile(r"^(?:It|He|She|They|We|I|You|This|That|The|A|An|In|On|But|And)$")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s]


def _clause_start(sentence: str, index: int) -> int:
    cut = max(sentence.rfind(", ", 0, index), sentence.rfind("; ", 0, index))
    return cut + 2 if cut >= 0 else 0


def find_attributions(
    container: lxml.html.HtmlElement,
    *,
    base_url: str | None,
    read_date: Callable[[str], date | datetime | None],
) -> list[SourceAttribution]:
    """Find the sources a body cites, first mention of each source only."""
    links = _Links()
    for link in container.iter("a"):
        text = normalize_space(text_content(link))
        if text:
            links.add(text, (link.get("href") or "").strip())
    found: dict[str, SourceAttribution] = {}
    for paragraph in container.iter("p", "li", "blockquote"):
        raw = text_content(paragraph)
        # No verb word holds a space: cleaning the whitespace adds or removes none, so a
        # paragraph without one (or "according") is skipped before it is cleaned.
        verb_word = any(map(raw.__contains__, _VERB_WORDS))
        if not verb_word and "according" not in raw:
            continue
        text = normalize_space(raw)
        reporting = verb_word and _VERB.search(text) is not None
        according = "according to" in text  # the text's whitespace is single spaces
        if not reporting and not according:
            continue
        for sentence in _sentences(text):
            verbs = reporting and _VERB.search(sentence) is not None
            for match in _REPORTED.finditer(sentence) if verbs else ():
                name = match["name"].strip()
                if name.startswith("The "):
                    name = name[4:]
                linked = links.find(name)
                if match["verb"] in ("said", "says") and not linked and not _OUTLET.search(name):
                    continue
                _keep(found, name, sentence, match.start(), match["date"], linked, read_date)
            for match in _ACCORDING.finditer(sentence) if according else ():
                name = match["name"].strip()
                last = name.split()[-1]
                if last.endswith(".") and last.count(".") == 1:
                    name = name[:-1]
                linked = links.find(name)
                if not linked and not _OUTLET.search(name):
                    continue
                _keep(found, name, sentence, match.start(), None, linked, read_date)
    return list(found.values())


class _Links:
    """The body's links in page order; an href is checked only when its text is asked for."""

    __slots__ = ("checked", "pairs")

    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] = []
        self.checked: dict[str, bool] = {}

    def add(self, text: str, href: str) -> None:
        self.pairs.append((text, href))

    def find(self, name: str) -> str | None:
        """The first http(s) link whose text holds ``name`` or is held in it."""
        for text, href in self.pairs:
            if name in text or (text in name and len(text) > 3):
                valid = self.checked.get(href)
                if valid is None:
                    valid = self.checked[href] = is_http_url(href)
                if valid:
                    return href
        return None


def _keep(
    found: dict[str, SourceAttribution],
    name: str,
    sentence: str,
    start: int,
    date_text: str | None,
    url: str | None,
    read_date: Callable[[str], date | datetime | None],
) -> None:
    if not name or _NOT_SOURCE.match(name) or name in found or len(name) > 80:
        return
    begin = _clause_start(sentence, start)
    clause = sentence[begin:].rstrip(" .!?")
    try:
        found[name] = SourceAttribution(
            name=name,
            url=url,
            date_text=date_text,
            date=read_date(date_text) if date_text else None,
            text=clause or None,
        )
    except NewsitemError:
        return
