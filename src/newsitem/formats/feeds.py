"""RSS 2.0 and Atom feeds, read with feedparser (the optional ``feeds`` extra).

Each entry becomes a :class:`~newsitem.Brief` whose markup went through
:func:`newsitem.sanitize.sanitize_html` (relative URLs resolved against the entry's link,
the feed's link or ``base_url``); the feed's own metadata goes into the
:class:`~newsitem.formats.Feed`. feedparser's own sanitizer and URL resolver are switched
off: newsitem's sanitizer is the one door for markup.
"""

from __future__ import annotations

import calendar
from datetime import UTC, datetime
from typing import Any, Final

from newsitem._datevalues import parse_date
from newsitem.errors import ParseError, SanitizeError, ValidationError
from newsitem.formats._common import Problems, html_to_text, text_to_html
from newsitem.formats._feed_model import Feed
from newsitem.models import Author, Brief, Image, is_http_url

__all__ = ["read_feed"]

_HTML: Final = frozenset({"text/html", "application/xhtml+xml"})
#: Largest feed read, in bytes or characters.
MAX_FEED_SIZE: Final = 20_000_000


def _feedparser() -> Any:
    try:
        import feedparser
    except ImportError:
        raise ImportError(
            "reading RSS and Atom needs feedparser: pip install 'newsitem[feeds]'"
        ) from None
    return feedparser


def _markup(detail: Any, value: str, base_url: str | None, policy: str) -> Any:
    from newsitem.sanitize import sanitize_html

    kind = (detail or {}).get("type", "text/html") if isinstance(detail, dict) else "text/html"
    if kind in _HTML:
        html = sanitize_html(value, policy=policy, base_url=base_url)
    else:
        html = text_to_html(value)
    return html if html.strip() else None


def _date(p: Problems, entry: Any, key: str, path: str) -> Any:
    # dict.get: feedparser's own get() maps a missing "updated" to "published", warning.
    text = dict.get(entry, key)
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return parse_date(text)
    except ParseError as exc:
        fallback = dict.get(entry, f"{key}_parsed")
        if fallback:
            # feedparser read a form our reader does not know; its tuple is in UTC.
            return datetime.fromtimestamp(calendar.timegm(fallback), tz=UTC)
        p.add(f"{path}.{key}", str(exc))
        return None


def _authors(entry: Any) -> tuple[Author, ...]:
    out = []
    for author in entry.get("authors") or []:
        name = (author.get("name") or "").strip() if isinstance(author, dict) else ""
        if not name:
            continue
        href = author.get("href")
        out.append(
            Author(
                name=name,
                url=href if isinstance(href, str) and is_http_url(href) else None,
                email=(author.get("email") or None),
            )
        )
    return tuple(out)


def _entry(
    p: Problems, entry: Any, path: str, feed_link: str | None, language: str | None
) -> Brief | None:
    link = entry.get("link")
    url = link if isinstance(link, str) and is_http_url(link) else None
    base = url or feed_link
    body = summary = None
    try:
        contents = entry.get("content") or []
        if contents:
            chosen = next((c for c in contents if c.get("type") in _HTML), contents[0])
            body = _markup(chosen, chosen.get("value", ""), base, "body")
        if entry.get("summary"):
            summary = _markup(entry.get("summary_detail"), entry["summary"], base, "inline")
    except SanitizeError as exc:
        p.add(path, str(exc))
        return None
    title = (entry.get("title") or "").strip()
    if entry.get("title_detail", {}).get("type") in _HTML:
        title = html_to_text(title)
    headline = title or (html_to_text(summary).split("\n")[0][:140] if summary else None)
    headline = headline or (entry.get("id") or url)
    if not headline:
        p.add(path, "an entry with no title, summary, id or link")
        return None
    images: list[Image] = []
    candidates = [
        media.get("url")
        for media in (entry.get("media_content") or []) + (entry.get("media_thumbnail") or [])
        if media.get("medium", "image") == "image"
    ]
    candidates += [
        enclosure.get("href")
        for enclosure in entry.get("enclosures") or []
        if (enclosure.get("type") or "").startswith("image/")
    ]
    for href in candidates:
        if isinstance(href, str) and is_http_url(href) and all(i.url != href for i in images):
            images.append(Image(url=href))
    tags = tuple(
        dict.fromkeys(
            t.get("term").strip() for t in entry.get("tags") or [] if (t.get("term") or "").strip()
        )
    )
    try:
        return Brief(
            headline=headline,
            id=entry.get("id") or None,
            url=url,
            summary=summary,
            body=body,
            published=_date(p, entry, "published", path),
            modified=_date(p, entry, "updated", path),
            authors=_authors(entry),
            images=tuple(images),
            tags=tags,
            language=language,
        )
    except ValidationError as exc:
        p.add(path, str(exc))
        return None


def read_feed(data: str | bytes, *, base_url: str | None = None) -> Feed:
    """Read an RSS 2.0 (or 0.9x, 1.0) or Atom feed into a :class:`~newsitem.formats.Feed`.

    Args:
        data: The feed document, as text or bytes (never a URL: newsitem fetches nothing).
        base_url: Where the feed came from; resolves relative links when the feed has no
            link of its own.

    Raises:
        ImportError: feedparser is not installed (``pip install 'newsitem[feeds]'``).
        ParseError: the document is not a feed feedparser can read, is over 20 MB, or an
            entry is broken; every problem with its place (``entries[3].published``).
    """
    if not isinstance(data, str | bytes):
        raise TypeError(f"read_feed reads str or bytes, got {type(data).__name__}")
    if len(data) > MAX_FEED_SIZE:
        raise ParseError(f"feed too large: {len(data)} (limit {MAX_FEED_SIZE})")
    parsed = _feedparser().parse(data, sanitize_html=False, resolve_relative_uris=False)
    version = parsed.get("version") or ""
    if not version:
        reason = parsed.get("bozo_exception")
        raise ParseError(
            "not an RSS or Atom feed", [("$", str(reason) if reason else "no feed element")]
        )
    meta = parsed.get("feed", {})
    p = Problems(f"{version} feed")
    link = meta.get("link")
    feed_link = link if isinstance(link, str) and is_http_url(link) else base_url
    language = p.language(meta, "language", "feed") if meta.get("language") else None
    items = [
        _entry(p, entry, f"entries[{i}]", feed_link, language)
        for i, entry in enumerate(parsed.get("entries", []))
    ]
    p.raise_if_any()
    description = meta.get("subtitle") or meta.get("description")
    image = meta.get("image", {}).get("href") if isinstance(meta.get("image"), dict) else None
    extensions: dict[str, Any] = {"feed:format": version}
    if meta.get("generator"):
        extensions["feed:generator"] = meta["generator"]
    if meta.get("rights"):
        extensions["feed:rights"] = meta["rights"]
    if meta.get("ttl"):
        extensions["feed:ttl"] = meta["ttl"]
    return Feed(
        title=(meta.get("title") or "").strip() or None,
        home_page_url=link if isinstance(link, str) and is_http_url(link) else None,
        description=html_to_text(description) or None if description else None,
        language=language,
        icon=image if isinstance(image, str) and is_http_url(image) else None,
        favicon=meta.get("icon")
        if isinstance(meta.get("icon"), str) and is_http_url(meta["icon"])
        else None,
        authors=_authors(meta),
        items=tuple(i for i in items if i is not None),
        extensions=extensions,
    )
