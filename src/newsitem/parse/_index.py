"""One pass over a page tree that every extractor consults: class and id verdicts.

The extractors for the body, bylines, author cards, related blocks and videos each look
for elements by what their ``class`` or ``id`` says ("sidebar", "byline", "author-card",
"related", "title"). Instead of each walking the whole tree and running its patterns on
every element, :class:`PageIndex` walks the tree once, runs the patterns once over the
distinct class and id values, and keeps, for each element whose names say anything, a
bit set of what they say, plus every element's position in document order.

A token over 100 characters says nothing: no real class or id is that long; hostile
input is.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from typing import Any, Final

import lxml.etree
import lxml.html

from newsitem.parse._tree import is_hidden

__all__ = [
    "AUTHOR",
    "AUTHOR_NAME",
    "BOILERPLATE",
    "BREADCRUMB",
    "BYLINE_WORD",
    "CARD",
    "CARDISH",
    "DISCUSSION",
    "HEADING",
    "RELATED",
    "SUMMARY",
    "TAGS",
    "TITLE",
    "PageIndex",
]

# The words each verdict looks for inside a class or id token (lower-cased). "-?" stands
# for an optional hyphen; a word in _WHOLE counts only as a whole word ("ad", not "head").
# Boilerplate: Readability's "unlikely candidates" plus ours.
_UNLIKELY = (
    "-ad-", "adsbygoogle", "advert", "ai2html", "banner", "breadcrumb", "combx", "comment",
    "community", "cover-wrap", "disqus", "extra", "footer", "gdpr", "cookie", "consent",
    "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
    "skyscraper", "social", "share", "sharing", "sponsor", "supplemental", "ad-break",
    "agegate", "pagination", "pager", "popup", "modal", "newsletter", "subscri", "signup",
    "promo", "outbrain", "taboola", "recommend", "popular", "most-?read", "trending",
    "toolbar", "masthead", "navbar", "navigation", "widget", "byline", "dateline", "author",
    "timestamp", "post-meta", "entry-meta", "article-meta", "tag-?list", "tags-?list",
    "print-?only", "skip-?link", "video-?player", "teaser", "read-?more", "jump-?link",
    "follow", "login", "paywall-?prompt", "feedback", "caption-?credit-?hidden",
)  # fmt: skip
_UNLIKELY_WHOLE = ("ad", "ads", "nav", "tags")
# Unlikely words no likely word redeems.
_STRONG = (
    "comment", "disqus", "share", "sharing", "social", "newsletter", "outbrain", "taboola",
    "related", "recommend", "most-?read", "popular", "promo", "sponsor", "advert", "cookie",
    "consent", "subscri", "signup", "byline", "author-?card", "author-?box", "author-?bio",
    "author-?info", "read-?more", "trending", "breadcrumb",
)  # fmt: skip
_STRONG_WHOLE = ("ad", "ads")
# Words that make an unlikely name likely again ("article-comments" may be the article).
_MAYBE = (
    "and", "article", "body", "column", "content", "main", "shadow", "story", "entry",
    "post-?text",
)  # fmt: skip
_DISCUSSION = ("comment", "disqus", "reply", "replies", "discussion", "forum")
_RELATED = (
    "related", "read-?more", "more-?stories", "more-?news", "more-?articles", "recommend",
    "most-?read", "most-?popular", "news-?feed", "popular", "trending",
)  # fmt: skip
_CARD = (
    "author-?card", "author-?box", "author-?bio", "author-?info", "author-?profile",
    "author-?details", "author-?block", "about-?author", "about-?the-?author", "bio-?box",
    "contributor-?card", "contributor-?box", "contributor-?bio", "byline-?card",
    "article-author",
)  # fmt: skip
_TITLE = ("title", "headline", "heading")
_SUMMARY = ("excerpt", "summary", "description", "dek", "teaser", "lead", "standfirst")
# Read on the class only, never the id.
_HEADING = ("title", "heading", "header", "label")
_AUTHOR = ("author", "byline", "autor")
_AUTHOR_NAME = ("author-?name", "author__name")
_CARDISH = ("card", "bio", "box", "avatar", "img", "image", "photo", "pic")

# What a class or id says (bits of PageIndex.flags).
BOILERPLATE: Final = 1 << 0  # names boilerplate: strip it from the body (see PageIndex)
DISCUSSION: Final = 1 << 1  # a comment thread or forum
RELATED: Final = 1 << 2  # a related, read-more, most-popular or trending list
CARD: Final = 1 << 3  # an author card or about-the-author box
TITLE: Final = 1 << 4  # a title or headline
SUMMARY: Final = 1 << 5  # an excerpt, summary, dek or standfirst
# What a class (never an id) says.
HEADING: Final = 1 << 6  # a heading-like label: title, heading, header, label
AUTHOR: Final = 1 << 7  # author, byline
AUTHOR_NAME: Final = 1 << 8  # author-name
CARDISH: Final = 1 << 9  # card, bio, box, avatar, image, photo
BYLINE_WORD: Final = 1 << 10  # byline
BREADCRUMB: Final = 1 << 11  # breadcrumb
# Token bits that only decide BOILERPLATE.
_UNLIKELY_BIT: Final = 1 << 12
_STRONG_BIT: Final = 1 << 13
_MAYBE_BIT: Final = 1 << 14
_CLASS_ONLY: Final = HEADING | AUTHOR | AUTHOR_NAME | CARDISH | BYLINE_WORD | BREADCRUMB
_PUBLIC: Final = (1 << 12) - 1
_MAX_TOKEN: Final = 100


def _spellings(word: str) -> tuple[str, ...]:
    """A word with its optional hyphens ("-?") spelled both ways."""
    spellings = [""]
    for index, part in enumerate(word.split("-?")):
        if index == 0:
            spellings = [part]
        else:
            spellings = [s + joint + part for s in spellings for joint in ("-", "")]
    return tuple(spellings)


def _keyword_bits() -> dict[tuple[str, bool], int]:
    """Every spelling to look for, whether it must stand alone, and the bits it sets."""
    bits: dict[tuple[str, bool], int] = {}
    groups = (
        (_UNLIKELY, _UNLIKELY_BIT, False),
        (_UNLIKELY_WHOLE, _UNLIKELY_BIT, True),
        (_STRONG, _STRONG_BIT, False),
        (_STRONG_WHOLE, _STRONG_BIT, True),
        (_MAYBE, _MAYBE_BIT, False),
        (_DISCUSSION, DISCUSSION, False),
        (_RELATED, RELATED, False),
        (_CARD, CARD, False),
        (_TITLE, TITLE, False),
        (_SUMMARY, SUMMARY, False),
        (_HEADING, HEADING, False),
        (_AUTHOR, AUTHOR, False),
        (_AUTHOR_NAME, AUTHOR_NAME, False),
        (_CARDISH, CARDISH, False),
        (("byline",), BYLINE_WORD, False),
        (("breadcrumb",), BREADCRUMB, False),
    )
    for words, bit, whole in groups:
        for word in words:
            for spelling in _spellings(word):
                bits[spelling, whole] = bits.get((spelling, whole), 0) | bit
    return bits


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _trie_pattern(words: list[str]) -> str:
    """An alternation of ``words`` as a trie, longer words tried first: at each node one
    branch per next character, so the regular expression engine tries few of them."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|" if "" in node else "") + ")"

    return emit(trie)


class _Keywords:
    """The keyword search: for each first letter, a regular expression of the keywords
    that start with it, as a trie, which finds the longest one starting at a position
    (the regular expression engine skips to the next place that letter is, where one
    expression for all keywords would try some twenty first letters at each place); and what a
    match sets: the bits of every keyword it starts with, a whole word's ("ad", "nav")
    only where it stands alone. Keywords starting at one place share their first letter:
    each is a prefix of the longest, found by one expression."""

    __slots__ = ("patterns", "sets", "wholes")

    def __init__(self, bits: dict[tuple[str, bool], int]) -> None:
        words = sorted({word for word, _ in bits})
        firsts = sorted({word[0] for word in words})
        self.patterns = tuple(
            re.compile(_trie_pattern([word for word in words if word[0] == first]))
            for first in firsts
        )
        self.sets = {
            word: functools.reduce(
                operator.or_,
                (bit for (w, whole), bit in bits.items() if not whole and word.startswith(w)),
                0,
            )
            for word in words
        }
        self.wholes = {
            word: tuple(
                (len(w), bit) for (w, whole), bit in bits.items() if whole and word.startswith(w)
            )
            for word in words
        }


_KEYWORDS: Final = _Keywords(_keyword_bits())


def _searchable(value: str) -> str:
    """A class or id value, lower-cased, without its tokens of over 100 characters."""
    if len(value) > _MAX_TOKEN:
        value = " ".join(token for token in value.split() if len(token) <= _MAX_TOKEN)
    return value.lower()


def _value_bits(values: list[str]) -> list[int]:
    """The bits the words of each class or id value set, found by one search over all.

    No keyword holds a space, so the values (whose tokens are separated by spaces) are
    joined by spaces and searched with the expressions of :class:`_Keywords`, each once
    from every place one of its keywords starts.
    """
    # Lower-cased one by one: a lower-cased value may be longer than the value ("İ").
    lowered = [v.lower() if len(v) <= _MAX_TOKEN else _searchable(v) for v in values]
    joined = " ".join(lowered)
    starts = list(itertools.accumulate([len(token) + 1 for token in lowered], initial=0))
    bits = [0] * len(values)
    owner = bisect.bisect_right
    sets, wholes = _KEYWORDS.sets, _KEYWORDS.wholes
    size = len(joined)
    for pattern in _KEYWORDS.patterns:
        search = pattern.search
        found = search(joined)
        while found is not None:
            begin = found.start()
            word = found.group()
            bit = sets[word]
            for length, whole_bit in wholes[word]:
                end = begin + length
                if not (begin and _is_word_char(joined[begin - 1])) and not (
                    end < size and _is_word_char(joined[end])
                ):
                    bit |= whole_bit
            if bit:
                bits[owner(starts, begin) - 1] |= bit
            found = search(joined, begin + 1)
    return bits


#: The tag names whose elements :attr:`PageIndex.by_tag` holds: the ones extractors ask for.
TAGS: Final = frozenset(
    {"a", "article", "base", "h1", "h2", "h3", "h4", "h5", "h6", "iframe", "main", "meta",
     "script", "time", "title", "video"}
)  # fmt: skip
_MAX_LABEL: Final = 60  # characters of a text that may name a "Video" section
_MAX_HINT: Final = 400  # characters of a text that may be a reading time ("3 min read")
_RAW_TEXT: Final = frozenset({"script", "style", "noscript", "template", "textarea"})
# The attributes other than class and id that the index looks at.
_SPECIAL: Final = frozenset(
    {"itemprop", "rel", "itemscope", "aria-label", "itemtype", "style", "hidden", "aria-hidden"}
)


class PageIndex:
    """What the class and id of each element say, and where each element sits.

    Built once per page, before anything is removed from the tree; elements removed
    later keep their entries (callers that care check the element is still attached).

    Attributes:
        root: The tree indexed.
        position: Every element's index in document order.
        by_tag: The elements of each tag name the extractors ask for (``TAGS``), in
            document order.
        flags: For each element whose class or id says anything, the bits of what
            (``BOILERPLATE``, ``RELATED``, ``CARD`` ...).
        named: The elements of ``flags``, in document order.
        marked: The elements with an ``itemprop`` or ``rel`` attribute, in document order.
        scopes: The elements with an ``itemscope`` attribute (microdata items), in
            document order.
        labelled: The elements with an ``aria-label`` or ``itemtype`` attribute, in
            document order.
        hidden: The elements hidden by an attribute or inline style, in document order.
        reading_hints: The elements whose own text (up to 400 characters) holds "min",
            "lese" or "lecture": where a reading time ("3 min read", "Lesezeit") may be, in
            document order.
        video_labels: The elements whose own text (or a child's tail) is short and holds
            "video" or "watch": where a "Video" section heading may be.

    >>> from newsitem.parse._decode import parse_tree
    >>> root = parse_tree("<div class='sidebar'><p class='byline'>By Jo</p></div>")
    >>> index = PageIndex(root)
    >>> [(e.tag, bool(index.flags[e] & BOILERPLATE)) for e in index.named]
    [('div', True), ('p', True)]
    """

    __slots__ = (
        "_hrefs",
        "_joined",
        "_starts",
        "by_tag",
        "flags",
        "hidden",
        "labelled",
        "marked",
        "named",
        "position",
        "reading_hints",
        "root",
        "scopes",
        "video_labels",
    )

    def __init__(self, root: lxml.html.HtmlElement) -> None:
        self.root = root
        self._hrefs: list[str] | None = None
        self._joined: str | None = None  # the hrefs joined by line breaks, lower-cased
        self._starts: list[int] = []  # where each href starts in it ([]: not usable)
        elements: list[lxml.html.HtmlElement] = list(root.iter(lxml.etree.Element))
        self.position: dict[lxml.html.HtmlElement, int] = dict(
            zip(elements, range(len(elements)), strict=True)
        )
        self.by_tag: dict[str, list[lxml.html.HtmlElement]] = {tag: [] for tag in TAGS}
        by_tag = self.by_tag
        for element in root.iter(*TAGS):  # by lxml's tag filter
            by_tag[element.tag].append(element)
        self.flags: dict[lxml.html.HtmlElement, int] = {}
        self.named: list[lxml.html.HtmlElement] = []
        self.video_labels: list[lxml.html.HtmlElement] = []
        self.reading_hints: list[lxml.html.HtmlElement] = []
        self.marked: list[lxml.html.HtmlElement] = []
        self.scopes: list[lxml.html.HtmlElement] = []
        self.labelled: list[lxml.html.HtmlElement] = []
        self.hidden: list[lxml.html.HtmlElement] = []
        named: list[lxml.html.HtmlElement] = []
        names: list[tuple[str, str]] = []  # the class and id of each element of named
        video_labels = self.video_labels
        reading_hints = self.reading_hints
        # Never the text of a script or style: it can outweigh the rest of the page and
        # is never a label. The raw-text elements are found by lxml's tag filter.
        raw = set(root.iter(*_RAW_TEXT))
        marked, scopes, labelled, hidden = self.marked, self.scopes, self.labelled, self.hidden
        for element in elements:
            text = None if element in raw else element.text
            if text and len(text) <= _MAX_HINT and not text.isspace():
                lowered = text.lower()
                if len(text) <= _MAX_LABEL and (
                    "vid" in lowered or "watch" in lowered or "víd" in lowered
                ):
                    video_labels.append(element)
                if "min" in lowered or "lese" in lowered or "lecture" in lowered:
                    reading_hints.append(element)
            text = element.tail
            if text and len(text) <= _MAX_LABEL and not text.isspace():
                lowered = text.lower()
                if "vid" in lowered or "watch" in lowered or "víd" in lowered:
                    parent = element.getparent()
                    if parent is not None:
                        video_labels.append(parent)
            keys = element.keys()
            if not keys:
                continue
            if "class" in keys or "id" in keys:
                classes = element.get("class") or ""
                ident = element.get("id") or ""
                if classes or ident:
                    named.append(element)
                    names.append((classes, ident))
            if _SPECIAL.isdisjoint(keys):
                continue
            if "itemprop" in keys or "rel" in keys:
                marked.append(element)
            if "itemscope" in keys:
                scopes.append(element)
            if "aria-label" in keys or "itemtype" in keys:
                labelled.append(element)
            if ("style" in keys or "hidden" in keys or "aria-hidden" in keys) and is_hidden(
                element
            ):
                hidden.append(element)
        # A keyword never holds a space: whole class and id values are searched at once.
        values = list(set(itertools.chain.from_iterable(names)))
        value_bits = dict(zip(values, _value_bits(values), strict=True))
        value_bits[""] = 0
        flags = self.flags
        flagged = self.named
        for element, (classes, ident) in zip(named, names, strict=True):
            bits = value_bits[classes] | (value_bits[ident] & ~_CLASS_ONLY)
            if not bits:
                continue
            if (
                bits & _UNLIKELY_BIT
                and (bits & _STRONG_BIT or not bits & _MAYBE_BIT)
                and len(classes) + len(ident) >= 2  # "class id" of 3 characters or more
            ):
                bits |= BOILERPLATE
            bits &= _PUBLIC
            if bits:
                flags[element] = bits
                flagged.append(element)

    def hrefs(self) -> list[str]:
        """The ``href`` of each ``<a>`` of :meth:`tagged` ``("a")`` ("" for none), read
        once for every scan that looks at links."""
        if self._hrefs is None:
            self._hrefs = [link.get("href") or "" for link in self.by_tag["a"]]
        return self._hrefs

    def hrefs_with(self, words: tuple[str, ...]) -> list[int]:
        """The indexes, in :meth:`hrefs`, of the hrefs that hold one of ``words`` (lower
        case, no line break in any) once lower-cased, in order: found by searching the
        hrefs joined for each word, not by reading each href.

        >>> from newsitem.parse._decode import parse_tree
        >>> index = PageIndex(parse_tree("<a href='/A/x'>1</a><a href='/b'>2</a><a href='/a/'>"))
        >>> index.hrefs_with(("/a/",))
        [0, 2]
        """
        hrefs = self.hrefs()
        if self._joined is None:  # joined and lower-cased once for every search
            joined = "\n".join(hrefs)
            self._joined = joined.lower()
            # A letter that lower-cases to two ("İ") moves what follows: then no starts,
            # and each href is read.
            if len(self._joined) == len(joined):
                self._starts = list(itertools.accumulate([len(h) + 1 for h in hrefs], initial=0))
        lowered, starts = self._joined, self._starts
        if not starts:
            return [i for i, href in enumerate(hrefs) if any(map(href.lower().__contains__, words))]
        found: set[int] = set()
        for word in words:
            at = lowered.find(word)
            while at >= 0:
                found.add(bisect.bisect_right(starts, at) - 1)
                at = lowered.find(word, at + 1)
        return sorted(found)

    def with_flag(self, flag: int) -> list[lxml.html.HtmlElement]:
        """The elements whose class or id says ``flag``, in document order."""
        flags = self.flags
        return [element for element in self.named if flags[element] & flag]

    def tagged(self, *tags: str) -> list[lxml.html.HtmlElement]:
        """The elements with one of these tag names, in document order (as ``iter(*tags)``
        gives them, without a walk over the tree)."""
        if not TAGS.issuperset(tags):  # not indexed: picked from every element
            wanted = frozenset(tags)
            return [element for element in self.position if element.tag in wanted]
        found = [element for tag in tags for element in self.by_tag[tag]]
        if len(tags) > 1:
            position = self.position
            found.sort(key=position.__getitem__)
        return found

    def in_order(self, elements: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
        """``elements`` without repeats, in document order (unindexed ones last)."""
        last = len(self.position)
        position = self.position
        return sorted(dict.fromkeys(elements), key=lambda e: position.get(e, last))
