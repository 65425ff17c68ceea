"""Metadata from a page's structured sources, merged by precedence.

Sources are read in this order and the first one that gives a field wins: JSON-LD,
microdata, OpenGraph and ``article:*`` tags, Twitter cards, plain ``<meta>`` tags,
``<time datetime>``, the canonical link, ``<html lang>``. What the DOM shows (the ``<h1>``,
a byline) is read later by the body and author modules and only fills what is still empty.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Final

import attrs
import lxml.html

from newsitem.parse._index import PageIndex
from newsitem.parse._notes import Notes
from newsitem.parse._tree import text_content

__all__ = ["Metadata", "read_jsonld_texts", "read_metadata"]

_MAX_JSONLD_CHARS: Final = 2_000_000
_DATE_FIELDS: Final = frozenset({"published", "modified"})


@attrs.define
class Metadata:
    """Values found for one page; each field holds the first source's value."""

    headline: str | None = None
    document_title: str | None = None
    description: str | None = None
    authors: list[str] = attrs.field(factory=list)
    author_urls: list[str] = attrs.field(factory=list)
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: list[str] = attrs.field(factory=list)
    site_name: str | None = None
    language: str | None = None
    canonical: str | None = None
    og_url: str | None = None
    base_href: str | None = None
    images: list[str] = attrs.field(factory=list)
    og_type: str | None = None
    og_videos: list[dict[str, str]] = attrs.field(factory=list)
    jsonld: list[Any] = attrs.field(factory=list)
    sources: dict[str, str] = attrs.field(factory=dict)
    #: ``(field, value)`` of every published and modified value offered, in order.
    dates: list[tuple[str, str]] = attrs.field(factory=list)

    def offer(self, field: str, value: str | None, source: str) -> None:
        """Set a single-valued field unless a source read earlier already set it."""
        if value is None:
            return
        value = " ".join(value.split())
        if value and field in _DATE_FIELDS:
            self.dates.append((field, value))
        if not value or getattr(self, field) is not None:
            return
        setattr(self, field, value)
        self.sources[field] = source

    def offer_list(self, field: str, values: list[str], source: str) -> None:
        """Set a list field unless a source read earlier already filled it."""
        cleaned = [" ".join(v.split()) for v in values]
        cleaned = [v for v in cleaned if v]
        current: list[str] = getattr(self, field)
        if cleaned and not current:
            current.extend(dict.fromkeys(cleaned))
            self.sources[field] = source


# --- JSON-LD text ----------------------------------------------------------------------------

_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
_HTML_COMMENT = re.compile(r"^\s*<!--|-->\s*$")
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _escape_newlines_in_strings(text: str) -> str:
    """Escape raw line breaks and tabs inside JSON strings (a common CMS bug)."""
    out: list[str] = []
    in_string = False
    escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            elif ch == "\n":
                out.append("\\n")
                continue
            elif ch == "\r":
                continue
            elif ch == "\t":
                out.append("\\t")
                continue
        elif ch == '"':
            in_string = True
        out.append(ch)
    return "".join(out)


def _decode_values(text: str) -> Iterator[Any]:
    """Yield every JSON value in ``text``, which may hold several one after another."""
    decoder = json.JSONDecoder(strict=False)
    index = 0
    length = len(text)
    while index < length:
        while index < length and text[index] in " \t\r\n;,":
            index += 1
        if index >= length:
            return
        value, index = decoder.raw_decode(text, index)
        yield value


def load_jsonld_text(text: str) -> list[Any]:
    """Read the JSON of one ``<script type="application/ld+json">``, tolerating common breakage.

    Tolerated: a CDATA or comment wrapper, trailing commas, raw line breaks and control
    characters inside strings, several JSON values concatenated.

    Raises:
        ValueError: the text is not JSON even after those repairs.
    """
    # Each wrapper holds its markers: most JSON-LD holds neither and is not searched.
    if "<!--" in text or "-->" in text:
        text = _HTML_COMMENT.sub("", text)
    if "<![CDATA[" in text or "]]>" in text:
        text = _CDATA.sub("", text)
    text = text.strip()
    if not text:
        return []
    try:
        return list(_decode_values(text))
    except ValueError:
        pass
    repaired = _CONTROL.sub("", _escape_newlines_in_strings(text))
    repaired = _TRAILING_COMMA.sub(r"\1", repaired)
    return list(_decode_values(repaired))


def read_jsonld_texts(
    root: lxml.html.HtmlElement, notes: Notes, *, index: PageIndex | None = None
) -> list[Any]:
    """Return the JSON values of every JSON-LD script in the page, in page order.

    Args:
        root: The page tree.
        notes: Receives a note for each script skipped.
        index: The page's index, whose scripts are read instead of walking the tree.
    """
    values: list[Any] = []
    scripts = (
        root.iterfind(".//script[@type='application/ld+json']")
        if index is None
        else (s for s in index.tagged("script") if s.get("type") == "application/ld+json")
    )
    for number, script in enumerate(scripts, start=1):
        text = script.text or ""
        if len(text) > _MAX_JSONLD_CHARS:
            notes.add("metadata", f"JSON-LD script {number} skipped: {len(text):,} characters")
            continue
        try:
            values.extend(load_jsonld_text(text))
        except ValueError as exc:
            notes.add("metadata", f"JSON-LD script {number} is not JSON, skipped: {exc}")
    return values


# --- meta tags -------------------------------------------------------------------------------

_PUBLISHED_META: Final = (
    "article:published_time", "og:article:published_time", "article:published",
    "datepublished", "date.published", "publish-date", "publish_date", "publishdate",
    "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
    "dcterms.created", "dc.date", "dc.date.created", "date", "article.published",
    "og:published_time", "cxenseparse:recs:publishtime", "content_publication_date",
    "publication_date", "publication-date", "published_date", "date_published",
    "dc.date.publication", "dcterms.date", "citation_publication_date", "citation_date",
    "article.created", "article:post_date", "originalpublicationdate", "pub_date",
    "rnews:datepublished",
)  # fmt: skip
_MODIFIED_META: Final = (
    "article:modified_time", "og:article:modified_time", "og:updated_time",
    "datemodified", "dcterms.modified", "dc.date.modified", "last-modified",
    "article.updated", "lastmod", "revised",
)  # fmt: skip
_AUTHOR_META: Final = (
    "author", "article:author", "og:article:author", "parsely-author", "sailthru.author",
    "dc.creator", "dcterms.creator", "byl", "citation_author", "twitter:creator",
)  # fmt: skip
_SECTION_META: Final = ("article:section", "og:article:section", "parsely-section", "section")
_TAG_META: Final = ("article:tag", "og:article:tag", "news_keywords", "keywords", "parsely-tags")
_TITLE_META: Final = ("og:title", "twitter:title", "dc.title", "parsely-title", "headline")
_DESCRIPTION_META: Final = ("og:description", "description", "twitter:description")
_SITE_META: Final = ("og:site_name", "application-name", "twitter:site", "publisher")
_IMAGE_META: Final = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                      "twitter:image:src")  # fmt: skip
_LANG_META: Final = ("og:locale", "content-language", "language", "dc.language")
_SOURCE_OF_PREFIX: Final = {"og": "opengraph", "article": "opengraph", "twitter": "twitter"}


def _meta_source(key: str) -> str:
    return _SOURCE_OF_PREFIX.get(key.split(":", 1)[0], "meta")


def _read_meta(root: lxml.html.HtmlElement, index: PageIndex | None) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in root.iter("meta") if index is None else index.tagged("meta"):
        key = (
            meta.get("property")
            or meta.get("name")
            or meta.get("http-equiv")
            or meta.get("itemprop")
        )
        content = meta.get("content")
        if not key or content is None or not content.strip():
            continue
        found.setdefault(key.strip().lower(), []).append(content.strip())
    return found


def _by_source(keys: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``(key, source)`` of each key, OpenGraph keys first, then Twitter, then the rest."""
    return tuple(
        (key, source)
        for source in ("opengraph", "twitter", "meta")
        for key in keys
        if _meta_source(key) == source
    )


#: Each single-valued field with its meta keys in the order they are tried.
_META_FIELDS: Final = tuple(
    (field, _by_source(keys))
    for field, keys in (
        ("headline", _TITLE_META),
        ("description", _DESCRIPTION_META),
        ("published", _PUBLISHED_META),
        ("modified", _MODIFIED_META),
        ("section", _SECTION_META),
        ("site_name", _SITE_META),
        ("language", _LANG_META),
    )
)


def _offer_meta(
    meta: dict[str, list[str]], data: Metadata, field: str, keys: tuple[tuple[str, str], ...]
) -> None:
    for key, source in keys:
        if key in meta:
            data.offer(field, meta[key][0], source)


_SPLIT_TAGS = re.compile(r"\s*[,;]\s*")
#: The author meta keys with their sources, OpenGraph first, then plain meta, then Twitter
#: ("twitter:creator" is a handle, never a name).
_AUTHOR_KEYS: Final = tuple(
    (key, source)
    for source in ("opengraph", "meta", "twitter")
    for key in _AUTHOR_META
    if _meta_source(key) == source and key != "twitter:creator"
)


def read_metadata(
    root: lxml.html.HtmlElement, notes: Notes, *, index: PageIndex | None = None
) -> Metadata:
    """Read every structured source of the page into one :class:`Metadata`.

    JSON-LD values are only collected here (in :attr:`Metadata.jsonld`); the caller reads
    their nodes.

    Args:
        root: The page tree.
        notes: Receives a note for each source that could not be read.
        index: The page's index (elements by tag, microdata scopes), so that the tree is
            not walked again.
    """
    data = Metadata()
    data.jsonld = read_jsonld_texts(root, notes, index=index)
    _read_microdata(root, data, index)
    meta = _read_meta(root, index)
    for field, keys in _META_FIELDS:
        _offer_meta(meta, data, field, keys)
    if "og:url" in meta:
        data.og_url = meta["og:url"][0]
    if "og:type" in meta:
        data.og_type = meta["og:type"][0].lower()
    for key, source in _AUTHOR_KEYS:
        if key not in meta:
            continue
        values = meta[key]
        names = [v for v in values if not v.startswith(("http://", "https://", "/"))]
        urls = [v for v in values if v.startswith(("http://", "https://"))]
        data.offer_list("authors", names, source)
        data.offer_list("author_urls", urls, source)
    for key in _TAG_META:
        if key not in meta:
            continue
        values = meta[key]
        if key in ("article:tag", "og:article:tag"):
            data.offer_list("tags", values, "opengraph")
        else:
            data.offer_list("tags", [t for v in values for t in _SPLIT_TAGS.split(v)], "meta")
    for key in _IMAGE_META:
        if key in meta:
            data.offer_list("images", meta[key], _meta_source(key))
    video = meta.get("og:video:secure_url") or meta.get("og:video:url") or meta.get("og:video")
    if video:
        data.og_videos.append(
            {
                "url": video[0],
                "type": (meta.get("og:video:type") or [""])[0],
                "title": (meta.get("og:title") or [""])[0],
                "description": (meta.get("og:description") or [""])[0],
                "image": (meta.get("og:image") or [""])[0],
            }
        )
    for time in root.iter("time") if index is None else index.tagged("time"):
        value = time.get("datetime")
        if value and value.strip():
            kind = "modified" if _UPDATED_CONTEXT.search(_context_of(time)) else "published"
            data.offer(kind, value, "time")
    _read_links(root, data, index)
    lang = root.get("lang") or root.get("xml:lang")
    data.offer("language", lang, "html-lang")
    title = root.find(".//title") if index is None else next(iter(index.tagged("title")), None)
    if title is not None:
        data.offer("document_title", text_content(title), "title")
    return data


_UPDATED_CONTEXT = re.compile(r"updat|modif|aktualisiert|mis à jour|actualizad|edited", re.I)


def _context_of(element: lxml.html.HtmlElement) -> str:
    parts = [element.get("class") or "", element.get("itemprop") or ""]
    parent = element.getparent()
    if parent is not None:
        parts.append(parent.get("class") or "")
        parts.append((parent.text or "")[:40])
    previous = element.getprevious()
    if previous is not None:
        parts.append((previous.text or "")[:40])
    return " ".join(parts)


def _read_links(root: lxml.html.HtmlElement, data: Metadata, index: PageIndex | None) -> None:
    head = root.find("head")
    scope = head if head is not None else root
    for link in scope.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href and data.canonical is None:
            data.canonical = href
    base = (
        root.find(".//base[@href]")
        if index is None
        else next((b for b in index.tagged("base") if b.get("href") is not None), None)
    )
    if base is not None:
        data.base_href = (base.get("href") or "").strip() or None


# --- microdata -------------------------------------------------------------------------------

_ARTICLE_TYPES = re.compile(
    r"schema\.org/(?:\w*Article|BlogPosting|Report|LiveBlogPosting|\w*NewsArticle)", re.I
)


def _itemprop_value(element: lxml.html.HtmlElement) -> str:
    for attribute in ("content", "datetime"):
        value = element.get(attribute)
        if value:
            return str(value)
    if element.tag in ("a", "link"):
        return str(element.get("href") or "")
    if element.tag in ("img", "meta"):
        return str(element.get("src") or element.get("content") or "")
    return text_content(element)


def _read_microdata(root: lxml.html.HtmlElement, data: Metadata, index: PageIndex | None) -> None:
    scopes = (
        root.iterfind(".//*[@itemscope][@itemtype]")
        if index is None
        else (e for e in index.scopes if e.get("itemtype") is not None)
    )
    for scope in scopes:
        if not _ARTICLE_TYPES.search(scope.get("itemtype") or ""):
            continue
        names: list[str] = []
        for element in scope.iterfind(".//*[@itemprop]"):
            props = (element.get("itemprop") or "").split()
            if "headline" in props:
                data.offer("headline", _itemprop_value(element), "microdata")
            if "datePublished" in props:
                data.offer("published", _itemprop_value(element), "microdata")
            if "dateModified" in props:
                data.offer("modified", _itemprop_value(element), "microdata")
            if "articleSection" in props:
                data.offer("section", _itemprop_value(element), "microdata")
            if "author" in props or "creator" in props:
                if element.get("itemscope") is not None:
                    name = element.find(".//*[@itemprop='name']")
                    if name is not None:
                        names.append(_itemprop_value(name))
                else:
                    names.append(_itemprop_value(element))
        data.offer_list("authors", names, "microdata")
        return
