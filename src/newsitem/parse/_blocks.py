"""Related blocks and author cards: the parts of a page around its main item.

A related block is a heading that names one ("Related", "Read more", "More from ...",
"Most popular", "News Feed") followed by a list of links to other news items, or a
container whose class says "related" holding such a list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

import lxml.etree
import lxml.html

from newsitem.errors import NewsitemError
from newsitem.models import Author, Image, Link, RelatedBlock, RelatedItem
from newsitem.parse._authors import author_kind, split_byline
from newsitem.parse._index import HEADING, RELATED, SUMMARY, TITLE, PageIndex
from newsitem.parse._links import absolute_url
from newsitem.parse._notes import Notes
from newsitem.parse._tree import is_inside, normalize_space, text_content
from newsitem.sanitize import sanitize_html, sanitize_text

__all__ = ["find_related_blocks", "holds_article", "read_author_card"]

_RELATED_TITLE = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|news|content|posts|coverage|reading))?"
    r"|read\s+(?:more|next|also)|more\s+(?:from|on|in|about|stories|news|headlines)\b.*"
    r"|most\s+(?:popular|read|viewed|shared|recent)|popular(?:\s+now)?|news\s+feed"
    r"|latest(?:\s+(?:news|stories|articles|headlines))?|recommended(?:\s+for\s+you)?"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)"
    r"|further\s+reading|see\s+also|also\s+read|trending(?:\s+now)?|top\s+stories"
    r"|editor'?s?\s+picks?|more\s+news|up\s+next|what\s+to\s+read\s+next"
    r"|weitere\s+(?:artikel|nachrichten|themen)|mehr\s+(?:zum\s+thema|aus|zu)\b.*"
    r"|auch\s+interessant|lesen\s+sie\s+(?:auch|mehr)|das\s+könnte\s+sie\s+(?:auch\s+)?interessieren"
    r"|meistgelesen|(?:à\s+)?lire\s+aussi|sur\s+le\s+même\s+sujet|te\s+puede\s+interesar"
    r"|más\s+noticias|leggi\s+anche)\s*[:»›>]?$",
    re.IGNORECASE,
)
_SEE_ALL = re.compile(
    r"^(?:see|view|show|read)\s+(?:all|more)|^all\s+(?:news|stories|articles)|^more\s*[›»>]?$"
    r"|^alle\s+|^mehr\s*[›»>]?$",
    re.IGNORECASE,
)
_HEADINGS: Final = ("h1", "h2", "h3", "h4", "h5", "h6")
_MAX_HEADING: Final = 80


def _heading_text(element: lxml.html.HtmlElement) -> str:
    return normalize_space(text_content(element))


_LABEL_TAGS: Final = frozenset({"div", "span", "p", "strong", "header"})


def _is_heading(element: lxml.html.HtmlElement, index: PageIndex) -> bool:
    tag = element.tag
    if tag in _HEADINGS:
        return True
    if tag in _LABEL_TAGS and len(element) <= 2:
        return bool(index.flags.get(element, 0) & HEADING)
    return False


def _links(element: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return [a for a in element.iter("a") if (a.get("href") or "").strip()]


def _item_elements(
    container: lxml.html.HtmlElement, skip: set[lxml.html.HtmlElement]
) -> list[lxml.html.HtmlElement]:
    """The repeated children of the block that each hold one teaser."""
    for tag in ("li", "article"):
        found = [
            e
            for e in container.iterdescendants(tag)
            if e not in skip and (_has_link(e) or len(text_content(e).strip()) > 40)
        ]
        members = set(found)
        outer = [e for e in found if not _has_ancestor_in(e, members, container)]
        if len(outer) >= 2:
            return outer
    # Descend through single wrappers to the level where the children repeat.
    node = container
    for _ in range(6):
        children = [
            c
            for c in node
            if isinstance(c.tag, str) and c not in skip and not any(is_inside(s, c) for s in skip)
        ]
        with_links = [c for c in children if c.tag == "a" or _has_link(c)]
        if len(with_links) >= 2:
            return with_links
        if len(children) != 1:
            break
        node = children[0]
    return []


def _stray_text(container: lxml.html.HtmlElement, index: PageIndex) -> bool:
    """Whether the container holds article paragraphs outside any link or list item."""
    stray = 0
    for p in container.iter("p"):
        node = p.getparent()
        inside_item = False
        while node is not None and node is not container:
            if node.tag in ("a", "li", "article") or index.flags.get(node, 0) & TITLE:
                inside_item = True
                break
            node = node.getparent()
        if not inside_item:
            stray += len(text_content(p))
    return stray > 400


def _has_link(element: lxml.html.HtmlElement) -> bool:
    return any((a.get("href") or "").strip() for a in element.iter("a"))


def _has_ancestor_in(
    element: lxml.html.HtmlElement,
    members: set[lxml.html.HtmlElement],
    stop: lxml.html.HtmlElement,
) -> bool:
    node = element.getparent()
    while node is not None and node is not stop:
        if node in members:
            return True
        node = node.getparent()
    return False


def _read_item(
    element: lxml.html.HtmlElement,
    base_url: str | None,
    read_date: Callable[[str], object],
    index: PageIndex,
) -> RelatedItem | None:
    links = [element] if element.tag == "a" else _links(element)
    url = absolute_url(links[0].get("href"), base_url) if links else None
    headline: str | None = None
    summary: str | None = None
    flags = index.flags
    for node in element.iterdescendants(lxml.etree.Element):
        tag = node.tag
        bits = flags.get(node, 0)
        maybe_summary = summary is None and (tag == "p" or bits & SUMMARY)
        if not maybe_summary and not (headline is None and (tag in _HEADINGS or bits & TITLE)):
            continue
        text = normalize_space(text_content(node))
        if not text:
            continue
        if headline is None and (tag in _HEADINGS or (bits & TITLE and len(text) < 200)):
            headline = text
        elif maybe_summary and text != headline:
            summary = text
        if headline is not None and summary is not None:
            break
    if headline is None and summary is None:
        text = normalize_space(text_content(links[0] if links else element))
        if not text:
            return None
        if len(text) <= 160:
            headline = text
        else:
            summary = text
    published = None
    time = next(element.iterdescendants("time"), None)
    if time is not None:
        value = read_date(time.get("datetime") or text_content(time))
        published = value
    image = None
    img = next(element.iterdescendants("img"), None)
    if img is not None:
        src = absolute_url(img.get("src") or img.get("data-src"), base_url)
        if src:
            image = Image(url=src, alt=img.get("alt"))
    try:
        return RelatedItem(
            headline=headline,
            summary=sanitize_text(summary) if summary else None,
            url=url,
            published=published,  # type: ignore[arg-type]
            image=image,
        )
    except NewsitemError:
        return None


def _heading_candidates(
    root: lxml.html.HtmlElement, index: PageIndex
) -> list[lxml.html.HtmlElement]:
    """The headings and heading-like labels of the page, in document order."""
    found = index.tagged(*_HEADINGS)
    found.extend(e for e in index.with_flag(HEADING) if _is_heading(e, index))
    return index.in_order(found)


def find_related_blocks(
    root: lxml.html.HtmlElement,
    *,
    base_url: str | None,
    page_url: str | None,
    read_date: Callable[[str], object],
    notes: Notes,
    index: PageIndex | None = None,
) -> list[tuple[lxml.html.HtmlElement, RelatedBlock]]:
    """Find the related blocks of the page; return each with the element it came from.

    Args:
        root: The page tree.
        base_url: What relative links resolve against.
        page_url: The page's own URL: an item linking to it is not related.
        read_date: Reads a date string.
        notes: Receives a note on the blocks found.
        index: The page's index (built here when not given).
    """
    if index is None:
        index = PageIndex(root)
    found: list[tuple[lxml.html.HtmlElement, RelatedBlock]] = []
    taken: list[lxml.html.HtmlElement] = []
    for element in _heading_candidates(root, index):
        text = text_content(element)
        if len(text) > _MAX_HEADING * 2:
            continue
        title = normalize_space(text)
        if not title or len(title) > _MAX_HEADING or not _RELATED_TITLE.match(title):
            continue
        if any(is_inside(element, t) or element is t for t in taken):
            continue
        block = _block_under(element, title, base_url, page_url, read_date, index)
        if block is not None:
            taken.append(block[0])
            found.append(block)
    evaluated: set[lxml.html.HtmlElement] = set()
    for element in index.with_flag(RELATED):
        if element.tag in ("a", "li", "p", "span"):
            continue
        if len(element.get("class") or "") + len(element.get("id") or "") < 4:
            continue
        if _has_ancestor_in(element, evaluated, root):
            continue
        evaluated.add(element)
        if any(element is t or is_inside(element, t) or is_inside(t, element) for t in taken):
            continue
        members = _item_elements(element, set())
        if len(members) < 2:
            continue
        heading = next(
            (h for h in element.iterdescendants(lxml.etree.Element) if _is_heading(h, index)),
            None,
        )
        block_title = _heading_text(heading) if heading is not None else None
        if heading is not None:
            members = _item_elements(element, {heading})
        items = _read_items(members, base_url, page_url, read_date, index)
        if len(items) >= 2:
            taken.append(element)
            found.append((element, RelatedBlock(title=block_title or None, items=tuple(items))))
    if found:
        notes.add("blocks", f"{len(found)} related block(s) kept apart from the body")
    return found


def _read_items(
    members: list[lxml.html.HtmlElement],
    base_url: str | None,
    page_url: str | None,
    read_date: Callable[[str], object],
    index: PageIndex,
) -> list[RelatedItem]:
    """The items of a block, one from each of its members (see :func:`_item_elements`)."""
    items: list[RelatedItem] = []
    for element in members:
        item = _read_item(element, base_url, read_date, index)
        if item is None or (page_url and item.url == page_url):
            continue
        if item.headline and _SEE_ALL.match(item.headline) and item.summary is None:
            continue
        items.append(item)
    return items


def _block_under(
    heading: lxml.html.HtmlElement,
    title: str,
    base_url: str | None,
    page_url: str | None,
    read_date: Callable[[str], object],
    index: PageIndex,
) -> tuple[lxml.html.HtmlElement, RelatedBlock] | None:
    container = heading.getparent()
    skip = {heading}
    for _ in range(3):
        if container is None or container.tag in ("body", "html"):
            return None
        members = _item_elements(container, skip)
        if len(members) < 2:
            container = container.getparent()
            continue
        items = _read_items(members, base_url, page_url, read_date, index)
        if (
            len(items) >= 2
            and next(container.iterdescendants("h1"), None) is None
            and not _stray_text(container, index)
        ):
            see_all = None
            for link in _links(container):
                text = normalize_space(text_content(link))
                if text and _SEE_ALL.match(text):
                    url = absolute_url(link.get("href"), base_url)
                    if url:
                        see_all = Link(url=url, text=text)
                        break
            return container, RelatedBlock(title=title, items=tuple(items), see_all=see_all)
        container = container.getparent()
    return None


def read_author_card(
    card: lxml.html.HtmlElement, *, base_url: str | None, site_name: str | None
) -> Author | None:
    """Read an author card: name, avatar, bio and profile URL."""
    name: str | None = None
    url: str | None = None
    for path in (
        ".//*[@itemprop='name']",
        ".//*[@rel='author']",
        ".//h2",
        ".//h3",
        ".//h4",
        ".//*[contains(@class, 'name')]",
        ".//strong",
        ".//a",
    ):
        for element in card.iterfind(path) if "(" not in path else card.xpath(path):
            if not isinstance(element, lxml.html.HtmlElement):
                continue
            names = split_byline(text_content(element), site_name=None)
            if names:
                name = names[0]
                link = element if element.tag == "a" else element.find(".//a[@href]")
                if link is None:
                    parent = element.getparent()
                    link = parent if parent is not None and parent.tag == "a" else None
                if link is not None:
                    url = absolute_url(link.get("href"), base_url)
                break
        if name:
            break
    if name is None:
        return None
    for link in _links(card):
        text = normalize_space(text_content(link)).casefold()
        href = absolute_url(link.get("href"), base_url)
        if href and (
            text.startswith(("read more", "more by", "all articles", "view profile"))
            or "/author" in href
        ):
            url = url or href
            if text.startswith("read more"):
                url = href
    avatar = None
    img = next(card.iterdescendants("img"), None)
    if img is not None:
        src = absolute_url(img.get("src") or img.get("data-src"), base_url)
        if src:
            avatar = Image(url=src, alt=img.get("alt"))
    bio_parts: list[str] = []
    for p in card.iter("p", "div"):
        text = normalize_space(text_content(p))
        if p.tag == "div" and (len(p) > 0 or not text):
            continue
        if not text or text == name or len(text) < 30:
            continue
        if text.casefold().startswith("read more"):
            continue
        bio_parts.append(lxml.html.tostring(p, encoding="unicode", with_tail=False))
        break
    bio = None
    if bio_parts:
        html = re.sub(r"^<(?:p|div)[^>]*>|</(?:p|div)>$", "", bio_parts[0].strip())
        bio = sanitize_html(html, policy="inline", base_url=base_url)
        if not bio.strip():
            bio = None
    return Author(name=name, kind=author_kind(name), url=url, avatar=avatar, bio=bio)


def holds_article(element: lxml.html.HtmlElement) -> bool:
    """Whether a block's element also holds the article (a wrapper found by its class):
    an ``<h1>``, or 600 characters in paragraphs of 150 or more. Such an element stays
    in the tree when the blocks are taken out of it."""
    if next(element.iterdescendants("h1"), None) is not None:
        return True
    prose = 0
    for paragraph in element.iter("p"):
        length = len(text_content(paragraph))
        if length >= 150:
            prose += length
            if prose >= 600:
                return True
    return False
