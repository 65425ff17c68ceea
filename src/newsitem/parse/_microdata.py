"""schema.org microdata (``itemscope``, ``itemtype``, ``itemprop``) read into models.

Two uses:

- :func:`read_own_page`: a page that :func:`newsitem.render.render_html` wrote carries every
  field of its models as microdata (see "Microdata" in ``docs/rendering.md``); it is read
  back whole and exactly, and the DOM heuristics are not needed.
- :func:`read_microdata_brief`: a publisher's page that marks its article up with
  microdata (``NewsArticle`` and kin) gives the parser a structured brief, used like a
  JSON-LD one.

Items and property values follow the WHATWG microdata model: an item's properties are the
``itemprop`` elements under it (and under the elements its ``itemref`` names) that no
nested item claims; a ``<meta>`` gives its ``content``, ``<a>``/``<link>`` their ``href``,
``<img>`` its ``src``, ``<time>`` its ``datetime``, ``<data>`` its ``value``, anything
else its text. Fields schema.org has no property for travel as ``data-newsitem-prop``
(the element's text, an ``<img>``'s ``alt``, a ``<data>``'s ``value``) and extensions as
JSON in ``data-newsitem-extensions`` on the item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from html import escape
from typing import Any, Final, TypeAlias, TypeVar
from urllib.parse import urljoin

import lxml.html

from newsitem._datevalues import parse_duration, parse_reading_time, read_iso_date
from newsitem._json import read_json
from newsitem._language import normalize_language
from newsitem._markup import SafeHTML
from newsitem._schemaorg import ORGANIZATION_TYPES, PAGE_TYPES, TYPE_KINDS
from newsitem.errors import NewsitemError, ParseError
from newsitem.models import (
    Author,
    AuthorKind,
    Brief,
    BriefKind,
    Image,
    JSONValue,
    Link,
    Page,
    ReadingTime,
    RelatedBlock,
    RelatedItem,
    SourceAttribution,
    VideoTeaser,
    is_http_url,
)
from newsitem.parse._index import PageIndex
from newsitem.parse._notes import Notes
from newsitem.parse._tree import normalize_space, text_content
from newsitem.sanitize import sanitize_html

__all__ = ["MicrodataItem", "find_items", "read_microdata_brief", "read_own_page"]

_T = TypeVar("_T")

#: Reads a date a page writes; ``None`` when it cannot (the reader notes why).
DateReader: TypeAlias = Callable[[str], date | datetime | None]

_SCHEMA_PREFIXES: Final = ("https://schema.org/", "http://schema.org/")
_SRC_TAGS: Final = frozenset({"audio", "embed", "iframe", "img", "source", "track", "video"})
_HREF_TAGS: Final = frozenset({"a", "area", "link"})
# The root class newsitem's renderer writes: "<prefix>-page" or "<prefix>-brief".
_OWN_ROOT = re.compile(r"(?:^|\s)([a-z][a-z0-9]*(?:-[a-z0-9]+)*)-(page|brief)(?:\s|$)")

#: A property value: text (or a URL), or a nested item.
Value: TypeAlias = "str | MicrodataItem"


class MicrodataItem:
    """One microdata item: its element, schema.org types and properties in page order.

    Attributes:
        element: The ``itemscope`` element.
        types: The schema.org type names (``"NewsArticle"``); other vocabularies left out.
        pairs: ``(property name, value element, value)`` in page order; the newsitem
            properties (``data-newsitem-prop``) are named ``"newsitem:<name>"``.
    """

    __slots__ = ("element", "pairs", "types")

    def __init__(self, element: lxml.html.HtmlElement) -> None:
        self.element = element
        self.types = tuple(
            token[len(prefix) :]
            for token in (element.get("itemtype") or "").split()
            for prefix in _SCHEMA_PREFIXES
            if token.startswith(prefix)
        )
        self.pairs: list[tuple[str, lxml.html.HtmlElement, Value]] = []

    def values(self, name: str) -> Iterator[tuple[lxml.html.HtmlElement, Value]]:
        """The values of one property, in page order."""
        for prop, element, value in self.pairs:
            if prop == name:
                yield element, value

    def items(self, name: str) -> list[MicrodataItem]:
        """The nested items that are values of one property."""
        return [v for _, v in self.values(name) if isinstance(v, MicrodataItem)]

    def __repr__(self) -> str:
        return f"<MicrodataItem {' '.join(self.types) or '?'} ({len(self.pairs)} properties)>"


class _Crawler:
    """Builds items on demand; one per document, so ``itemref`` and cycles resolve once."""

    def __init__(self, root: lxml.html.HtmlElement, base_url: str | None) -> None:
        self.root = root
        self.base_url = base_url
        self.made: dict[lxml.html.HtmlElement, MicrodataItem] = {}
        self._ids: dict[str, lxml.html.HtmlElement] | None = None

    def by_id(self, name: str) -> lxml.html.HtmlElement | None:
        if self._ids is None:
            self._ids = {}
            for element in self.root.iter():
                key = element.get("id") if isinstance(element.tag, str) else None
                if key and key not in self._ids:
                    self._ids[key] = element
        return self._ids.get(name)

    def item(self, element: lxml.html.HtmlElement) -> MicrodataItem:
        made = self.made.get(element)
        if made is not None:
            return made
        item = MicrodataItem(element)
        self.made[element] = item
        pending = list(reversed(element))
        for ref in (element.get("itemref") or "").split():
            target = self.by_id(ref)
            if target is not None and target is not element:
                pending.insert(0, target)
        while pending:
            node = pending.pop()
            if not isinstance(node.tag, str):
                continue
            props = node.get("itemprop")
            if props:
                value = self.value(node)
                for name in props.split():
                    item.pairs.append((name, node, value))
            private = node.get("data-newsitem-prop")
            if private:
                item.pairs.append((f"newsitem:{private}", node, _private_value(node)))
            if node.get("itemscope") is None:
                pending.extend(reversed(node))
        return item

    def value(self, node: lxml.html.HtmlElement) -> Value:
        if node.get("itemscope") is not None:
            return self.item(node)
        tag = node.tag
        if tag == "meta":
            return node.get("content") or ""
        if tag in _SRC_TAGS:
            return self.url(node.get("src"))
        if tag in _HREF_TAGS:
            return self.url(node.get("href"))
        if tag == "object":
            return self.url(node.get("data"))
        if tag in ("data", "meter"):
            return node.get("value") or ""
        if tag == "time" and node.get("datetime") is not None:
            return node.get("datetime") or ""
        return text_content(node)

    def url(self, value: str | None) -> str:
        if not value:
            return ""
        value = value.strip()
        if self.base_url and not is_http_url(value):
            try:
                return urljoin(self.base_url, value)
            except ValueError:
                return value
        return value


def _private_value(node: lxml.html.HtmlElement) -> str:
    if node.tag == "data":
        return node.get("value") or ""
    if node.tag == "img":
        return node.get("alt") or ""
    return text_content(node)


def _top_level_scopes(
    root: lxml.html.HtmlElement, index: PageIndex | None
) -> list[lxml.html.HtmlElement]:
    """The ``itemscope`` elements without ``itemprop``, in page order."""
    if index is None:
        return [
            e
            for e in root.xpath("//*[@itemscope][not(@itemprop)]")
            if isinstance(e, lxml.html.HtmlElement)
        ]
    return [e for e in index.scopes if e.get("itemprop") is None]


def find_items(
    root: lxml.html.HtmlElement,
    *,
    base_url: str | None = None,
    index: PageIndex | None = None,
) -> Iterator[MicrodataItem]:
    """Yield the document's top-level microdata items (``itemscope`` without
    ``itemprop``), in page order, each crawled when it is reached.

    Args:
        root: The page tree.
        base_url: What relative URLs resolve against.
        index: The page's index, whose ``itemscope`` elements are read instead of
            searching the tree (it must be of the tree as it is now).

    >>> from newsitem.parse._decode import parse_tree
    >>> root = parse_tree('<div itemscope itemtype="https://schema.org/Person">'
    ...                   '<span itemprop="name">Jane Doe</span></div>')
    >>> [(item.types, [(p, v) for p, _, v in item.pairs]) for item in find_items(root)]
    [(('Person',), [('name', 'Jane Doe')])]
    """
    crawler = _Crawler(root, base_url)
    for element in _top_level_scopes(root, index):
        yield crawler.item(element)


# --- from items to models ----------------------------------------------------------------


class _Reader:
    """Maps items to models. ``exact`` reads newsitem's own output: text as written, no
    splitting of keywords; otherwise text is cleaned as on any page."""

    def __init__(
        self, *, base_url: str | None, exact: bool, read_date: DateReader, notes: Notes
    ) -> None:
        self.base_url = base_url
        self.exact = exact
        self.read_date = read_date
        self.notes = notes

    def note(self, message: str) -> None:
        self.notes.add("microdata", message)

    def texts(self, item: MicrodataItem, name: str) -> list[str]:
        out = []
        for _, value in item.values(name):
            if isinstance(value, MicrodataItem):
                inner = self.text(value, "name")
                if inner is not None:
                    out.append(inner)
                continue
            text = value if self.exact else normalize_space(value)
            if text.strip():
                out.append(text)
        return out

    def text(self, item: MicrodataItem, *names: str) -> str | None:
        for name in names:
            found = self.texts(item, name)
            if found:
                return found[0]
        return None

    def urls(self, item: MicrodataItem, name: str) -> list[str]:
        out = []
        for _, value in item.values(name):
            if isinstance(value, MicrodataItem):
                value = next((v for _, v in value.values("url") if isinstance(v, str)), "")
            if is_http_url(value):
                out.append(value)
        return out

    def url(self, item: MicrodataItem, *names: str) -> str | None:
        for name in names:
            found = self.urls(item, name)
            if found:
                return found[0]
        return None

    def date(self, item: MicrodataItem, name: str) -> date | datetime | None:
        text = self.text(item, name)
        if text is None:
            return None
        try:
            return read_iso_date(text.strip())
        except ParseError:
            return self.read_date(text)

    def markup(self, item: MicrodataItem, name: str, policy: str) -> SafeHTML | None:
        for element, value in item.values(name):
            if isinstance(value, MicrodataItem):
                continue
            html = value if element.tag == "meta" else _inner_html(element)
            if not html.strip():
                continue
            try:
                safe = sanitize_html(html, policy=policy, base_url=self.base_url)
            except NewsitemError as exc:
                self.note(f"{name} not read: {exc}")
                continue
            if safe.strip():
                return safe
        return None

    def extensions(self, item: MicrodataItem) -> dict[str, JSONValue]:
        raw = item.element.get("data-newsitem-extensions")
        if not raw:
            return {}
        try:
            value = read_json(raw)
        except NewsitemError as exc:
            self.note(f"data-newsitem-extensions not read: {exc}")
            return {}
        if not isinstance(value, dict):
            self.note("data-newsitem-extensions not read: expected a JSON object")
            return {}
        return value

    # --- one function per model ---

    def image(self, element: lxml.html.HtmlElement, value: Value) -> Image | None:
        if not isinstance(value, MicrodataItem):
            if not is_http_url(value):
                return None
            alt = None if self.exact else element.get("alt")
            return Image(url=value, alt=alt)
        url = self.url(value, "url", "contentUrl")
        if url is None:
            self.note(f"{value!r}: an image with no http(s) url; dropped")
            return None
        alts = [v for _, v in value.values("newsitem:alt") if isinstance(v, str)]
        alt = alts[0] if alts else None
        if alt is None and not self.exact:
            img = next((e for e, _ in value.values("url") if e.tag == "img"), None)
            alt = img.get("alt") if img is not None else None
        return Image(
            url=url,
            alt=alt,
            caption=self.text(value, "caption"),
            credit=self.text(value, "creditText"),
            width=_positive(self.text(value, "width")),
            height=_positive(self.text(value, "height")),
            extensions=self.extensions(value),
        )

    def first_image(self, item: MicrodataItem, *names: str) -> Image | None:
        for name in names:
            for element, value in item.values(name):
                image = self.guard(self.image, element, value)
                if image is not None:
                    return image
        return None

    def author(self, value: Value) -> Author | None:
        if not isinstance(value, MicrodataItem):
            text = value if self.exact else normalize_space(value)
            return Author(name=text) if text.strip() and not is_http_url(text) else None
        name = self.text(value, "name")
        if name is None:
            self.note(f"{value!r}: an author with no name; dropped")
            return None
        kind = (
            AuthorKind.ORGANIZATION if set(value.types) & ORGANIZATION_TYPES else AuthorKind.PERSON
        )
        return Author(
            name=name,
            kind=kind,
            url=self.url(value, "url"),
            avatar=self.first_image(value, "image"),
            bio=self.markup(value, "description", "inline"),
            role=self.text(value, "jobTitle"),
            email=self.email(value),
            same_as=tuple(self.urls(value, "sameAs")),
            extensions=self.extensions(value),
        )

    def email(self, item: MicrodataItem) -> str | None:
        text = self.text(item, "email")
        if text is None or self.exact:
            return text
        return text.removeprefix("mailto:").strip() or None

    def citation(self, item: MicrodataItem) -> SourceAttribution | None:
        name = self.text(item, "publisher", "sourceOrganization", "name")
        if name is None:
            self.note(f"{item!r}: a citation with no publisher or name; dropped")
            return None
        return SourceAttribution(
            name=name,
            url=self.url(item, "url"),
            date_text=self.text(item, "newsitem:date_text"),
            date=self.date(item, "datePublished"),
            text=self.text(item, "abstract"),
        )

    def related_item(self, item: MicrodataItem) -> RelatedItem | None:
        headline = (
            self.text(item, "headline") if self.exact else self.text(item, "headline", "name")
        )
        summary = self.markup(item, "description", "inline")
        if headline is None and summary is None:
            self.note(f"{item!r}: a list entry with no headline or description; dropped")
            return None
        return RelatedItem(
            headline=headline,
            summary=summary,
            url=self.url(item, "url"),
            published=self.date(item, "datePublished"),
            image=self.first_image(item, "image"),
            label=self.text(item, "genre"),
            extensions=self.extensions(item),
        )

    def related_block(self, item: MicrodataItem) -> RelatedBlock | None:
        entries = []
        for element in item.items("itemListElement"):
            target = element.items("item")
            entry = self.guard(self.related_item, target[0] if target else element)
            if entry is not None:
                entries.append(entry)
        if not entries:
            self.note(f"{item!r}: a list with no readable entries; dropped")
            return None
        see_all = self.url(item, "url")
        return RelatedBlock(
            title=self.text(item, "name"),
            items=tuple(entries),
            see_all=Link(url=see_all, text=self.text(item, "newsitem:see_all_text"))
            if see_all
            else None,
            extensions=self.extensions(item),
        )

    def video(self, item: MicrodataItem) -> VideoTeaser | None:
        provider = video_id = None
        for identifier in item.items("identifier"):
            provider = self.text(identifier, "propertyID")
            video_id = self.text(identifier, "value")
        duration = None
        duration_text = self.text(item, "duration")
        if duration_text is not None:
            try:
                duration = parse_duration(duration_text.strip())
            except ValueError as exc:
                self.note(f"video duration {duration_text!r} not read: {exc}")
        return VideoTeaser(
            label=self.text(item, "genre"),
            title=self.text(item, "name"),
            description=self.text(item, "description"),
            url=self.url(item, "url"),
            provider=provider,
            video_id=video_id,
            embed_url=self.url(item, "embedUrl"),
            content_url=self.url(item, "contentUrl"),
            thumbnail=self.first_image(item, "thumbnail", "thumbnailUrl"),
            duration=duration,
            published=self.date(item, "uploadDate"),
            extensions=self.extensions(item),
        )

    def reading_time(self, item: MicrodataItem) -> ReadingTime | None:
        required = self.text(item, "timeRequired")
        stated = self.text(item, "newsitem:reading_time_text")
        if required is None:
            return None
        try:
            minutes = round(parse_duration(required.strip()) / timedelta(minutes=1))
        except ValueError:
            try:
                minutes = parse_reading_time(required)
            except ParseError as exc:
                self.note(f"timeRequired {required!r} not read: {exc}")
                return None
        return ReadingTime(minutes=minutes, text=stated) if minutes > 0 else None

    def language(self, item: MicrodataItem) -> str | None:
        value = self.text(item, "inLanguage")
        if value is None:
            return None
        try:
            return normalize_language(value.strip())
        except (NewsitemError, ValueError):
            self.note(f"inLanguage {value!r} is not a BCP 47 tag; dropped")
            return None

    def brief(self, item: MicrodataItem) -> Brief | None:
        headline = (
            self.text(item, "headline") if self.exact else self.text(item, "headline", "name")
        )
        if headline is None:
            self.note(f"{item!r}: an article with no headline; dropped")
            return None
        kind = next((TYPE_KINDS[t] for t in item.types if t in TYPE_KINDS), BriefKind.ARTICLE)
        tags = self.texts(item, "keywords")
        if not self.exact and len(tags) == 1 and "," in tags[0]:
            tags = [t.strip() for t in tags[0].split(",") if t.strip()]
        authors: list[Author] = []
        for _, value in item.values("author"):
            author = self.guard(self.author, value)
            if author is None:
                continue
            if not self.exact and any(a.name.casefold() == author.name.casefold() for a in authors):
                continue  # pages repeat the byline (top and bottom); newsitem never does
            authors.append(author)
        images = [
            i for e, v in item.values("image") if (i := self.guard(self.image, e, v)) is not None
        ]
        attributions = [c for v in item.items("citation") if (c := self.guard(self.citation, v))]
        related = [
            b
            for v in item.items("hasPart")
            if "ItemList" in v.types and (b := self.guard(self.related_block, v))
        ]
        videos = [
            t
            for v in item.items("video")
            if "VideoObject" in v.types and (t := self.guard(self.video, v))
        ]
        identifier = self.text(item, "identifier")
        return Brief(
            headline=headline,
            id=identifier,
            url=self.url(item, "url", "mainEntityOfPage"),
            kind=kind,
            label=self.text(item, "genre"),
            section=self.text(item, "articleSection"),
            summary=self.markup(item, "description", "inline"),
            body=self.markup(item, "articleBody", "body"),
            published=self.date(item, "datePublished") or self.date(item, "dateCreated"),
            modified=self.date(item, "dateModified"),
            reading_time=self.reading_time(item),
            language=self.language(item),
            authors=tuple(authors),
            images=tuple(images),
            tags=tuple(tags),
            attributions=tuple(attributions),
            related=tuple(related),
            videos=tuple(videos),
            extensions=self.extensions(item),
        )

    def block(self, item: MicrodataItem) -> RelatedBlock | VideoTeaser | Author | None:
        types = set(item.types)
        if "VideoObject" in types:
            return self.video(item)
        if "ItemList" in types:
            return self.related_block(item)
        if types & ({"Person"} | ORGANIZATION_TYPES):
            return self.author(item)
        return None

    def page(self, item: MicrodataItem) -> Page:
        brief = None
        for main in item.items("mainEntity"):
            if any(t in TYPE_KINDS for t in main.types):
                brief = self.guard(self.brief, main)
                break
        blocks = [
            b
            for prop, _, v in item.pairs
            if prop in ("author", "hasPart") and isinstance(v, MicrodataItem)
            if (b := self.guard(self.block, v)) is not None
        ]
        site = item.items("isPartOf")
        return Page(
            url=self.url(item, "url"),
            site_name=self.text(site[0], "name") if site else None,
            title=self.text(item, "name"),
            language=self.language(item),
            brief=brief,
            blocks=tuple(b for b in blocks if isinstance(b, RelatedBlock | VideoTeaser | Author)),
            extensions=self.extensions(item),
        )

    def guard(self, build: Callable[..., _T | None], *args: Any) -> _T | None:
        """Build one model; a value the models refuse becomes a note, not a crash."""
        try:
            return build(*args)
        except NewsitemError as exc:
            self.note(f"a microdata item not read: {exc}")
            return None


def _inner_html(element: lxml.html.HtmlElement) -> str:
    parts = [escape(element.text, quote=False)] if element.text else []
    parts.extend(lxml.html.tostring(child, encoding=str, with_tail=True) for child in element)
    return "".join(parts)


def _positive(text: str | None) -> int | None:
    if text is None or not text.strip().isdigit():
        return None
    value = int(text.strip())
    return value if value > 0 else None


def _own_prefix(item: MicrodataItem) -> str | None:
    """The class prefix, when newsitem's renderer drew this item; else ``None``."""
    element = item.element
    match = _OWN_ROOT.search(element.get("class") or "")
    if match is None:
        return None
    prefix, part = match.groups()
    if part == "page" and element.tag == "div" and set(item.types) & PAGE_TYPES:
        # newsitem's page holds its metadata, the brief and the blocks, and nothing else
        allowed = {f"{prefix}-brief", f"{prefix}-page__blocks"}
        for child in element:
            if child.tag in ("meta", "link") or (
                child.tag == "span" and child.get("hidden") is not None
            ):
                continue
            if not allowed & set((child.get("class") or "").split()):
                return None
        return prefix
    if part == "brief" and element.tag == "article" and any(t in TYPE_KINDS for t in item.types):
        headline = f"{prefix}-brief__headline"
        if any(headline in (e.get("class") or "").split() for e, _ in item.values("headline")):
            return prefix
    return None


def read_own_page(
    root: lxml.html.HtmlElement,
    *,
    base_url: str | None,
    read_date: DateReader,
    notes: Notes,
    index: PageIndex | None = None,
) -> Page | None:
    """Read a page that newsitem's HTML renderer drew, from its microdata alone.

    The page is recognised by its root: a ``<div class="<prefix>-page">`` that is a
    schema.org ``WebPage`` item, or an ``<article class="<prefix>-brief">`` article item
    whose headline has the class ``<prefix>-brief__headline``. Other newsitem items at the
    top level (author cards, related blocks, video teasers) become the page's blocks.

    Args:
        root: The page tree.
        base_url: What relative URLs resolve against.
        read_date: Reads a date the page writes.
        notes: Receives a note for each item not read.
        index: The page's index (of the tree as it is now), whose ``itemscope`` elements
            are read instead of searching the tree.

    Returns:
        The page, or ``None`` when no item on the page was drawn by newsitem.
    """
    crawler = _Crawler(root, base_url)
    first: MicrodataItem | None = None
    prefix = ""
    others: list[MicrodataItem] = []
    for element in _top_level_scopes(root, index):
        if first is not None:
            if f"{prefix}-" in (element.get("class") or ""):
                others.append(crawler.item(element))
            continue
        if _OWN_ROOT.search(element.get("class") or "") is None:
            continue
        item = crawler.item(element)
        found = _own_prefix(item)
        if found is not None:
            first, prefix = item, found
    if first is None:
        return None
    reader = _Reader(base_url=base_url, exact=True, read_date=read_date, notes=notes)
    if set(first.types) & PAGE_TYPES:
        return reader.page(first)
    brief = reader.guard(reader.brief, first)
    blocks = [b for item in others if (b := reader.guard(reader.block, item)) is not None]
    return Page(
        brief=brief,
        blocks=tuple(b for b in blocks if isinstance(b, RelatedBlock | VideoTeaser | Author)),
    )


def read_microdata_brief(
    root: lxml.html.HtmlElement,
    *,
    base_url: str | None,
    read_date: DateReader,
    notes: Notes,
    index: PageIndex | None = None,
) -> Brief | None:
    """Read the first microdata article on a page (also as a ``WebPage``'s ``mainEntity``).

    Text is whitespace-cleaned, a single comma-separated ``keywords`` value is split,
    ``articleBody`` and ``description`` elements are sanitized as markup.

    Args:
        root: The page tree.
        base_url: What relative URLs resolve against.
        read_date: Reads a date the page writes.
        notes: Receives a note for each item not read.
        index: The page's index (of the tree as it is now), whose ``itemscope`` elements
            are read instead of searching the tree.

    Returns:
        The brief, or ``None`` when the page has no microdata article with a headline.
    """
    if (not index.scopes) if index is not None else not root.xpath("boolean(//*[@itemscope])"):
        return None
    reader = _Reader(base_url=base_url, exact=False, read_date=read_date, notes=notes)
    for item in find_items(root, base_url=base_url, index=index):
        candidates = [item, *item.items("mainEntity")] if set(item.types) & PAGE_TYPES else [item]
        for candidate in candidates:
            if any(t in TYPE_KINDS for t in candidate.types):
                brief = reader.guard(reader.brief, candidate)
                if brief is not None:
                    return brief
    return None
