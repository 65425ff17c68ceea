"""Authors: bylines split into names, organizations told from people, author cards found,
and the authors of a brief settled among them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

import attrs
import lxml.etree
import lxml.html

from newsitem.errors import NewsitemError
from newsitem.models import Author, AuthorKind
from newsitem.parse._index import (
    AUTHOR,
    AUTHOR_NAME,
    BYLINE_WORD,
    CARD,
    CARDISH,
    PageIndex,
)
from newsitem.parse._links import absolute_url
from newsitem.parse._tree import is_inside, normalize_space, text_content

__all__ = [
    "author_kind",
    "find_author_cards",
    "find_byline",
    "make_authors",
    "split_byline",
    "structured_authors",
    "with_card_authors",
]

_BY = re.compile(
    r"^(?:(?i:written|posted|published|reported|text|story|words|photos?)\s+)?"
    r"(?:(?i:by|from|von|par|por|door|av|af|autor(?:in)?|authors?|text|texte)|di|da|de)"
    r"\s*[:\-–]?\s+"
)
_SEPARATORS = re.compile(r"\s*(?:,|;|\||&|·|•|/|\s(?:and|AND|And|und|et|y|e|og|en)\s)\s*")
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai"
    r"|juni|juli|oktober|dezember"
)
_DATE_TAIL = re.compile(
    r"\b(?:updated|published|posted|last\s+updated|aktualisiert|veröffentlicht|am|on|at)\b.*$"
    rf"|\b(?:{_MONTH})\.?\s+\d{{1,2}}\b.*$|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}.*$"
    r"|\b\d{1,2}:\d{2}.*$|\b\d{4}-\d{2}-\d{2}.*$|\b\d+\s+(?:min|hours?|days?)\b.*$",
    re.IGNORECASE,
)
_ROLES = re.compile(
    r"^(?:(?:senior|chief|staff|contributing|special|foreign|political|business|science"
    r"|technology|tech|sports|deputy|associate|managing|executive|guest|freelance|national"
    r"|white house|washington|investigative|breaking news|digital|social media)\s+)*"
    r"(?:writer|reporter|correspondent|editor|columnist|journalist|contributor|producer"
    r"|photographer|analyst|author|critic|intern|staff|redakteur(?:in)?|autor(?:in)?"
    r"|korrespondent(?:in)?|editor-at-large|editors?)s?$",
    re.IGNORECASE,
)
_ORGANIZATION = re.compile(
    r"\b(?:news\s*desk|desk|staff|team|newsroom|editorial|editors|redaktion|agency|agencies"
    r"|press|wire|news|media|reuters|afp|ap|dpa|apa|sda|kna|epd|associated press|bloomberg"
    r"|times|post|journal|tribune|herald|gazette|inc|ltd|llc|gmbh|corp|group|company"
    r"|service|bureau|magazine|online|\.com|\.de|\.org)\b",
    re.IGNORECASE,
)
_NOT_NAME = re.compile(
    r"^(?:by|and|the|more|read more|follow|share|email|twitter|facebook|contact|about"
    r"|author|authors|view all posts|all posts|profile|bio|updated|published|comments?"
    r"|\d+ comments?|admin|administrator|guest|anonymous|unknown|none|null)$|https?://|@|\d{3,}",
    re.IGNORECASE,
)
_MAX_NAME_WORDS: Final = 6
_WITH = re.compile(r"\s*\((?:with|avec|mit|con|con la colaboración de)\s+", re.IGNORECASE)


def _clean_name(piece: str, site_name: str | None) -> str | None:
    piece = normalize_space(piece).strip(" -–—:|·•()[]\"'")
    piece = _BY.sub("", piece)
    piece = _DATE_TAIL.sub("", piece).strip(" -–—:|·•,")
    if not piece or _NOT_NAME.search(piece) or _ROLES.match(piece):
        return None
    if site_name and piece.casefold() == site_name.casefold():
        return None
    if len(piece.split()) > _MAX_NAME_WORDS or len(piece) > 80:
        return None
    if not any(ch.isalpha() for ch in piece):
        return None
    return piece


def split_byline(text: str, *, site_name: str | None = None) -> list[str]:
    """Split a byline into author names, dropping dates, roles and the site's own name.

    >>> split_byline("By Jane Doe and John Roe")
    ['Jane Doe', 'John Roe']
    >>> split_byline("Jane Doe, Staff Writer | Updated Dec. 14, 2022")
    ['Jane Doe']
    """
    text = normalize_space(text)
    if not text:
        return []
    text = _BY.sub("", text)
    # "Jane Doe (with John Roe)": the helpers in parentheses are authors too.
    text = _WITH.sub(", ", text).replace(")", " ")
    names: list[str] = []
    for piece in _SEPARATORS.split(text):
        name = _clean_name(piece, site_name)
        if name is not None and name not in names:
            names.append(name)
    return names


def author_kind(name: str) -> AuthorKind:
    """Tell a person ("Jane Doe") from an organization ("The Kyiv Independent news desk").

    >>> author_kind("The Kyiv Independent news desk").value, author_kind("Jane Doe").value
    ('organization', 'person')
    """
    if _ORGANIZATION.search(name) or (name.isupper() and len(name) <= 5):
        return AuthorKind.ORGANIZATION
    if name.lower().startswith("the "):
        return AuthorKind.ORGANIZATION
    return AuthorKind.PERSON


_AUTHOR_HREF = re.compile(r"/(?:author|autor|authors|profile|people|staff)/", re.IGNORECASE)
_NOT_BYLINE: Final = frozenset({"script", "style", "meta"})


def _byline_rank(element: lxml.html.HtmlElement, index: PageIndex) -> int | None:
    """How surely an element is a byline (lower is surer), or ``None`` when it is not."""
    if element.get("rel") == "author":
        return 0
    itemprop = element.get("itemprop")
    if itemprop == "author":
        return 1 if element.find(".//*[@itemprop='name']") is None else None
    if itemprop == "name":
        parent = element.getparent()
        if parent is not None and parent.get("itemprop") == "author":
            return 1
    flags = index.flags.get(element, 0)
    if flags & AUTHOR:
        if flags & BYLINE_WORD:
            return 2
        if flags & AUTHOR_NAME:
            return 3
        if not flags & CARDISH:
            return 4
    if element.tag == "a" and _AUTHOR_HREF.search(element.get("href") or ""):
        return 5
    return None


# A word every match of _AUTHOR_HREF holds, lower-cased.
_AUTHOR_HREF_WORDS: Final = ("/author", "/autor", "/profile/", "/people/", "/staff/")


def _byline_candidates(
    scope: lxml.html.HtmlElement, index: PageIndex
) -> list[lxml.html.HtmlElement]:
    """The elements that may be a byline, in document order: few, found without a walk
    over the whole tree in Python."""
    found = [
        e
        for e in index.marked
        if e.get("rel") == "author" or e.get("itemprop") in ("author", "name")
    ]
    found.extend(index.with_flag(AUTHOR))
    links, hrefs = index.tagged("a"), index.hrefs()
    found.extend(
        links[i]
        for i in index.hrefs_with(_AUTHOR_HREF_WORDS)
        if _AUTHOR_HREF.search(hrefs[i]) is not None
    )
    if scope is not index.root:
        found = [e for e in found if e is scope or is_inside(e, scope)]
    return [e for e in index.in_order(found) if e.tag not in _NOT_BYLINE]


def find_byline(
    scope: lxml.html.HtmlElement, *, site_name: str | None, index: PageIndex | None = None
) -> tuple[list[str], dict[str, str]]:
    """Find the byline in the page; return the names and the profile URL of each name.

    Args:
        scope: The page tree, or the part of it to search.
        site_name: The site's name, never taken for an author.
        index: The page's index (built here when not given).
    """
    if index is None:
        index = PageIndex(scope)
    buckets: dict[int, list[lxml.html.HtmlElement]] = {}
    for element in _byline_candidates(scope, index):
        rank = _byline_rank(element, index)
        if rank is not None:
            buckets.setdefault(rank, []).append(element)
    for rank in sorted(buckets):
        names: list[str] = []
        urls: dict[str, str] = {}
        home: lxml.html.HtmlElement | None = None
        for element in buckets[rank]:
            if _inside_card(element, index):
                continue
            # One byline: once names are found, only their neighbours add to them (a
            # live blog or teaser list holds many other bylines further down).
            if home is not None and not is_inside(element, home):
                continue
            text = element.get("content") or text_content(element)
            if len(text) > 200:
                continue
            found = split_byline(text, site_name=site_name)
            if found and home is None:
                home = element.getparent()
                if home is not None and home.getparent() is not None:
                    home = home.getparent()
            for name in found:
                if name not in names:
                    names.append(name)
                    href = element.get("href")
                    if href is None:
                        link = element.find(".//a[@href]")
                        href = link.get("href") if link is not None else None
                    if href:
                        urls[name] = href
        if names:
            return names, urls
    return [], {}


def _inside_card(element: lxml.html.HtmlElement, index: PageIndex) -> bool:
    node: lxml.html.HtmlElement | None = element
    depth = 0
    flags = index.flags
    while node is not None and depth < 6:
        if flags.get(node, 0) & CARD:
            return True
        node = node.getparent()
        depth += 1
    return False


def find_author_cards(
    root: lxml.html.HtmlElement, *, index: PageIndex | None = None
) -> list[lxml.html.HtmlElement]:
    """Return the author-card elements of the page (outermost only), in page order.

    Args:
        root: The page tree.
        index: The page's index (built here when not given).
    """
    if index is None:
        index = PageIndex(root)
    cards: list[lxml.html.HtmlElement] = []
    for element in index.with_flag(CARD):
        if element.tag in ("a", "img", "span", "p"):
            continue
        if len(element.get("class") or "") + len(element.get("id") or "") < 3:
            continue
        if any(is_inside(element, card) for card in cards):
            continue
        text = normalize_space(text_content(element))
        if not text or len(text) > 2000:
            continue
        cards.append(element)
    return cards


def make_authors(
    names: Sequence[str], urls: Mapping[str, str], base_url: str | None
) -> tuple[Author, ...]:
    """Authors of the ``names`` a byline or the metadata gives, each once, with its URL
    from ``urls`` (resolved against ``base_url``); a name the model refuses is left out."""
    authors: list[Author] = []
    for name in dict.fromkeys(names):  # the same name twice is one author
        try:
            authors.append(
                Author(
                    name=name, kind=author_kind(name), url=absolute_url(urls.get(name), base_url)
                )
            )
        except NewsitemError:
            continue
    return tuple(authors)


def structured_authors(authors: Sequence[Author]) -> tuple[Author, ...]:
    """The authors a structured source (JSON-LD, microdata) names, whitespace normalized;
    a wire or desk it calls a Person ("CNN Wire") is an organization all the same."""
    return tuple(
        attrs.evolve(author, name=normalize_space(author.name), kind=_structured_kind(author))
        for author in authors
    )


def _structured_kind(author: Author) -> AuthorKind:
    if author_kind(normalize_space(author.name)) is AuthorKind.ORGANIZATION:
        return AuthorKind.ORGANIZATION
    return author.kind


def with_card_authors(authors: tuple[Author, ...], cards: Sequence[Author]) -> tuple[Author, ...]:
    """``authors`` with the URL of the author card of the same name where they lack one;
    when there are no ``authors``, the cards' authors (name, kind and URL only)."""
    if not authors:
        return tuple(Author(name=card.name, kind=card.kind, url=card.url) for card in cards)
    if not cards:
        return authors
    by_name = {card.name: card for card in cards}
    return tuple(
        attrs.evolve(author, url=author.url or by_name[author.name].url)
        if author.name in by_name
        else author
        for author in authors
    )
