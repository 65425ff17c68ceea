"""Video teasers: ``og:video``, YouTube and Vimeo frames and links, ``<video>`` elements,
and "Video" sections of a page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

import lxml.etree
import lxml.html

from newsitem._datevalues import parse_duration
from newsitem._video_providers import VIDEO_HOST_WORDS, VIDEO_URL, video_source
from newsitem.errors import NewsitemError
from newsitem.models import Image, VideoTeaser
from newsitem.parse._index import PageIndex
from newsitem.parse._links import absolute_url
from newsitem.parse._notes import Notes
from newsitem.parse._tree import class_and_id, is_inside, normalize_space, text_content

__all__ = ["find_videos", "teaser_from_og"]

_VIDEO_TITLE = re.compile(r"^(?:videos?|watch|video news|latest videos?|vidéos?|vídeos?)$", re.I)
_VIDEO_HOST = VIDEO_URL
_VIDEO_HINT = re.compile("|".join(map(re.escape, VIDEO_HOST_WORDS)), re.IGNORECASE)
_SHOW_MORE = re.compile(r"^(?:show|read|see)\s+(?:more|less)$|^more$|^watch(?: now)?$", re.I)


def _provider(url: str | None) -> tuple[str | None, str | None]:
    if not url or not _VIDEO_HOST.match(url):
        return None, None
    try:
        return video_source(url)
    except NewsitemError:
        return None, None


def _make(notes: Notes, **fields: object) -> VideoTeaser | None:
    try:
        return VideoTeaser(**fields)  # type: ignore[arg-type]
    except NewsitemError as exc:
        notes.add("videos", f"video teaser dropped: {exc}")
        return None


def teaser_from_og(og: dict[str, str], base_url: str | None, notes: Notes) -> VideoTeaser | None:
    """Build a teaser from the page's ``og:video`` tags."""
    url = absolute_url(og.get("url"), base_url)
    if url is None:
        return None
    provider, video_id = _provider(url)
    thumb = absolute_url(og.get("image"), base_url)
    is_file = bool(re.search(r"\.(?:mp4|webm|m3u8|mov)(?:\?|$)", url)) or og.get(
        "type", ""
    ).startswith("video/mp4")
    return _make(
        notes,
        title=og.get("title") or None,
        description=og.get("description") or None,
        provider=provider,
        video_id=video_id,
        embed_url=url if provider is None and not is_file else None,
        content_url=url if is_file else None,
        url=None,
        thumbnail=Image(url=thumb) if thumb else None,
    )


def _section_label(
    element: lxml.html.HtmlElement,
) -> tuple[str | None, lxml.html.HtmlElement | None]:
    """The "Video" heading of the section an element sits in, and that section."""
    node = element.getparent()
    depth = 0
    while node is not None and depth < 5 and node.tag not in ("body", "article", "main"):
        for child in node:
            if child.tag in ("h2", "h3", "h4", "h5", "div", "span", "p") and len(child) <= 1:
                text = normalize_space(text_content(child))
                if text and _VIDEO_TITLE.match(text):
                    return text, node
        node = node.getparent()
        depth += 1
    return None, None


_TITLE_TAGS: Final = frozenset({"h2", "h3", "h4", "div", "span", "section"})
_MAX_TITLE: Final = 40
_MAX_CHILDREN: Final = 3


# A word every match of _VIDEO_HINT holds, lower-cased.
_VIDEO_HOSTS: Final = VIDEO_HOST_WORDS


def _video_titles(index: PageIndex) -> list[lxml.html.HtmlElement]:
    """The elements whose whole text is a "Video" heading (and that have at most one child).

    Found from the short texts that hold a video word, walking up while the text stays
    short (and through elements of at most three children).
    """
    found: list[lxml.html.HtmlElement] = []
    for holder in index.video_labels:
        node: lxml.html.HtmlElement | None = holder
        for _ in range(6):
            # A heading's text is short, so it has few children: the walk stops at the
            # first element with many (never reading the text of a page-wide wrapper).
            if node is None or len(node) > _MAX_CHILDREN:
                break
            if node.tag in _TITLE_TAGS and len(node) <= 1:
                content = normalize_space(text_content(node))
                if len(content) > _MAX_TITLE:
                    break
                if _VIDEO_TITLE.match(content):
                    found.append(node)
            node = node.getparent()
    return found


def find_videos(
    root: lxml.html.HtmlElement,
    *,
    base_url: str | None,
    read_date: Callable[[str], object],
    notes: Notes,
    index: PageIndex | None = None,
) -> list[tuple[lxml.html.HtmlElement, VideoTeaser]]:
    """Find video teasers in the page; return each with the element it came from.

    Args:
        root: The page tree.
        base_url: What relative links resolve against.
        read_date: Reads a date string.
        notes: Receives a note for each teaser dropped.
        index: The page's index (built here when not given).
    """
    if index is None:
        index = PageIndex(root)
    found: list[tuple[lxml.html.HtmlElement, VideoTeaser]] = []
    sections: list[lxml.html.HtmlElement] = []
    candidates = index.tagged("iframe", "video")
    links = index.tagged("a")
    candidates.extend(links[i] for i in index.hrefs_with(_VIDEO_HOSTS))
    candidates.extend(_video_titles(index))
    for element in index.in_order(candidates):
        tag = element.tag
        if tag in ("iframe", "video"):
            teaser = _read_player(element, base_url, notes)
            if teaser is not None:
                label, section = _section_label(element)
                if section is not None:
                    sections.append(section)
                    teaser = _enrich(teaser, section, label, base_url)
                found.append((element, teaser))
        elif tag == "a":
            href = element.get("href") or ""
            if not _VIDEO_HINT.search(href):
                continue
            url = absolute_url(href, base_url)
            provider, video_id = _provider(url)
            if provider is None:
                continue
            if any(is_inside(element, s) for s in sections):
                continue
            title = normalize_space(text_content(element)) or element.get("title")
            teaser = _make(
                notes, url=url, provider=provider, video_id=video_id, title=title or None
            )
            if teaser is not None and not any(t.video_id == video_id for _, t in found):
                found.append((element, teaser))
        else:
            if len(element) > 1:
                continue
            text = normalize_space(text_content(element))
            if not text or not _VIDEO_TITLE.match(text):
                continue
            section = element.getparent()
            if section is None or any(section is s or is_inside(section, s) for s in sections):
                continue
            teaser = _section_teaser(section, element, text, base_url, notes)
            if teaser is not None:
                sections.append(section)
                found.append((section, teaser))
    return found


def _read_player(
    element: lxml.html.HtmlElement, base_url: str | None, notes: Notes
) -> VideoTeaser | None:
    if element.tag == "iframe":
        src = absolute_url(element.get("src") or element.get("data-src"), base_url)
        provider, video_id = _provider(src)
        if provider is None:
            return None
        return _make(
            notes,
            provider=provider,
            video_id=video_id,
            embed_url=src,
            title=normalize_space(element.get("title") or "") or None,
        )
    src = element.get("src")
    if not src:
        source = element.find(".//source[@src]")
        src = source.get("src") if source is not None else None
    content = absolute_url(src, base_url)
    if content is None:
        return None
    poster = absolute_url(element.get("poster"), base_url)
    return _make(
        notes,
        content_url=content,
        thumbnail=Image(url=poster) if poster else None,
        title=normalize_space(element.get("title") or element.get("aria-label") or "") or None,
    )


def _enrich(
    teaser: VideoTeaser, section: lxml.html.HtmlElement, label: str | None, base_url: str | None
) -> VideoTeaser:
    fields = _section_text(section, label)
    try:
        return VideoTeaser(
            label=label,
            title=teaser.title or fields.get("title"),
            description=fields.get("description"),
            url=teaser.url,
            provider=teaser.provider,
            video_id=teaser.video_id,
            embed_url=teaser.embed_url,
            content_url=teaser.content_url,
            thumbnail=teaser.thumbnail or _thumbnail(section, base_url),
        )
    except NewsitemError:
        return teaser


def _thumbnail(section: lxml.html.HtmlElement, base_url: str | None) -> Image | None:
    img = next(section.iterdescendants("img"), None)
    if img is None:
        return None
    src = absolute_url(img.get("src") or img.get("data-src"), base_url)
    return Image(url=src, alt=img.get("alt")) if src else None


def _section_text(section: lxml.html.HtmlElement, label: str | None) -> dict[str, str]:
    fields: dict[str, str] = {}
    for node in section.iter():
        if not isinstance(node.tag, str) or node is section:
            continue
        text = normalize_space(text_content(node))
        if not text or text == label or _SHOW_MORE.match(text):
            continue
        names = class_and_id(node)
        if (
            "title" not in fields
            and (node.tag in ("h2", "h3", "h4", "h5") or re.search(r"title|headline", names, re.I))
            and len(text) < 200
        ):
            fields["title"] = text
        elif "description" not in fields and (
            node.tag == "p" or re.search(r"description|summary|excerpt", names, re.I)
        ):
            fields["description"] = text
    return fields


def _section_teaser(
    section: lxml.html.HtmlElement,
    heading: lxml.html.HtmlElement,
    label: str,
    base_url: str | None,
    notes: Notes,
) -> VideoTeaser | None:
    fields = _section_text(section, label)
    url = None
    provider = video_id = None
    for link in section.iter("a"):
        candidate = absolute_url(link.get("href"), base_url)
        if candidate is None:
            continue
        provider, video_id = _provider(candidate)
        url = candidate
        if provider is not None:
            break
    duration = None
    meta = section.find(".//*[@itemprop='duration']")
    if meta is not None:
        try:
            duration = parse_duration(meta.get("content") or text_content(meta))
        except ValueError:
            duration = None
    if not fields and url is None:
        return None
    return _make(
        notes,
        label=label,
        title=fields.get("title"),
        description=fields.get("description"),
        url=url,
        provider=provider,
        video_id=video_id,
        thumbnail=_thumbnail(section, base_url),
        duration=duration if duration else None,
    )
