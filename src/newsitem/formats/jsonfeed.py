"""JSON Feed 1.1 (and 1.0 on the way in), both directions.

A feed is a list of briefs: :func:`to_jsonfeed` writes a :class:`~newsitem.formats.Feed`,
a related block, a page's related blocks or a sequence of briefs; :func:`read_jsonfeed`
reads a feed into a :class:`~newsitem.formats.Feed`. What JSON Feed has no property for
(a brief's kind, label, section, reading time, attributions, videos, related blocks,
images after the first, extensions, and the summary's markup) travels in the item's
``_newsitem`` extension object, in the native JSON form, as JSON Feed's rules for
extensions allow.

Examples:
    >>> from newsitem import Brief
    >>> doc = to_jsonfeed([Brief(headline="Xi deepens ties", url="https://example.com/xi")],
    ...                   title="News Feed")
    >>> doc["version"], doc["title"], doc["items"][0]["id"], doc["items"][0]["title"]
    ('https://jsonfeed.org/version/1.1', 'News Feed', 'https://example.com/xi', 'Xi deepens ties')
    >>> read_jsonfeed(doc).items[0].headline
    'Xi deepens ties'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from newsitem._markup import SafeHTML
from newsitem.converter import from_dict, to_dict
from newsitem.errors import JSONParseError, RenderError, SanitizeError, ValidationError
from newsitem.formats._common import (
    Problems,
    decode_json,
    format_iso,
    html_to_text,
    json_copy,
    json_type,
    key_path,
    text_to_html,
)
from newsitem.formats._feed_model import Feed
from newsitem.models import (
    Author,
    Brief,
    Image,
    JSONValue,
    Page,
    RelatedBlock,
    is_http_url,
)

__all__ = ["VERSION_URLS", "read_jsonfeed", "to_jsonfeed"]

#: The ``version`` URLs of the JSON Feed versions read; 1.1 is written.
VERSION_URLS: Final = ("https://jsonfeed.org/version/1.1", "https://jsonfeed.org/version/1")
_EXTENSION: Final = "_newsitem"
# Brief fields that JSON Feed has no property for, carried in "_newsitem".
_CARRIED: Final = (
    "kind",
    "label",
    "section",
    "summary",
    "reading_time",
    "attributions",
    "related",
    "videos",
    "extensions",
)
# Fields "_newsitem" may set to null: the item's standard property stood in for them.
_NULLABLE: Final = ("id", "body")
_ITEM_KEYS: Final = frozenset(
    [
        "id",
        "url",
        "title",
        "content_html",
        "content_text",
        "summary",
        "image",
        "banner_image",
        "date_published",
        "date_modified",
        "authors",
        "author",
        "tags",
        "language",
    ]
)
_FEED_KEYS: Final = frozenset(
    [
        "version",
        "title",
        "home_page_url",
        "feed_url",
        "description",
        "icon",
        "favicon",
        "authors",
        "author",
        "language",
        "items",
    ]
)


# --- writing -------------------------------------------------------------------------------


def _author(author: Author) -> dict[str, Any]:
    out: dict[str, Any] = {"name": author.name}
    if author.url is not None:
        out["url"] = author.url
    if author.avatar is not None:
        out["avatar"] = author.avatar.url
    return out


def _item(brief: Brief) -> dict[str, Any]:
    identifier = brief.id or brief.url
    if identifier is None:
        raise RenderError("a JSON Feed item needs an id: give the Brief an id or a url")
    out: dict[str, Any] = {"id": identifier}
    if brief.url is not None:
        out["url"] = brief.url
    out["title"] = brief.headline
    if brief.body is not None:
        out["content_html"] = str(brief.body)
    elif brief.summary is not None:
        out["content_html"] = str(brief.summary)
    else:
        out["content_text"] = ""
    if brief.summary is not None:
        out["summary"] = html_to_text(brief.summary)
    if brief.images:
        out["image"] = brief.images[0].url
    if brief.published is not None:
        out["date_published"] = format_iso(brief.published)
    if brief.modified is not None:
        out["date_modified"] = format_iso(brief.modified)
    if brief.authors:
        out["authors"] = [_author(author) for author in brief.authors]
    if brief.tags:
        out["tags"] = list(brief.tags)
    if brief.language is not None:
        out["language"] = brief.language
    native = to_dict(brief)
    carried: dict[str, Any] = {key: native[key] for key in _CARRIED if key in native}
    if brief.id is None and brief.url is not None:
        carried["id"] = None  # the item's id is the url; the brief had none of its own
    if brief.body is None and brief.summary is not None:
        carried["body"] = None  # content_html holds the summary; the brief had no body
    if brief.images and (
        len(brief.images) > 1 or brief.images[0] != Image(url=brief.images[0].url)
    ):
        carried["images"] = native["images"]
    if any(
        a != Author(name=a.name, url=a.url, avatar=a.avatar and Image(url=a.avatar.url))
        for a in brief.authors
    ):
        carried["authors"] = native["authors"]
    if carried:
        out[_EXTENSION] = carried
    return out


def _briefs_of(obj: Any) -> tuple[list[Brief], dict[str, Any]]:
    meta: dict[str, Any] = {}
    if isinstance(obj, Feed):
        return list(obj.items), {"feed": obj}
    if isinstance(obj, Brief):
        return [obj], {"title": obj.headline}
    if isinstance(obj, RelatedBlock):
        if obj.title is not None:
            meta["title"] = obj.title
        if obj.see_all is not None:
            meta["home_page_url"] = obj.see_all.url
        briefs = []
        for index, item in enumerate(obj.items, start=1):
            headline = item.headline or html_to_text(item.summary or "").split("\n")[0][:140]
            images = (item.image,) if item.image is not None else ()
            briefs.append(
                Brief(
                    headline=headline or str(index),
                    id=item.url or str(index),
                    url=item.url,
                    label=item.label,
                    summary=item.summary,
                    published=item.published,
                    images=images,
                    extensions=item.extensions,
                )
            )
        return briefs, meta
    if isinstance(obj, Page):
        blocks = [b for b in obj.blocks if isinstance(b, RelatedBlock)]
        briefs = []
        for block in blocks:
            briefs.extend(_briefs_of(block)[0])
        meta = {
            "title": obj.title or obj.site_name,
            "home_page_url": obj.url,
            "language": obj.language,
        }
        return briefs, meta
    if (
        isinstance(obj, Sequence)
        and not isinstance(obj, str)
        and all(isinstance(b, Brief) for b in obj)
    ):
        return list(obj), meta
    raise RenderError(f"JSON Feed holds a list of briefs; got {type(obj).__name__}")


def to_jsonfeed(obj: Any, **options: Any) -> dict[str, Any]:
    """Write a list of briefs as a JSON Feed 1.1 document.

    Args:
        obj: A :class:`~newsitem.formats.Feed`, a sequence of briefs, one
            :class:`~newsitem.Brief`, a :class:`~newsitem.RelatedBlock` (its items become
            feed items) or a :class:`~newsitem.Page` (the items of its related blocks).
        options: ``title``, ``home_page_url``, ``feed_url``, ``description``, ``language``
            override the feed's own; others are ignored.

    Raises:
        RenderError: ``obj`` is none of those, the feed has no title, or an item has
            neither id nor url.
    """
    briefs, meta = _briefs_of(obj)
    feed: Feed | None = meta.pop("feed", None)
    out: dict[str, Any] = {"version": VERSION_URLS[0]}
    fields: dict[str, Any] = {}
    if feed is not None:
        fields = {
            "title": feed.title,
            "home_page_url": feed.home_page_url,
            "feed_url": feed.feed_url,
            "description": feed.description,
            "icon": feed.icon,
            "favicon": feed.favicon,
            "language": feed.language,
        }
    fields.update({k: v for k, v in meta.items() if v is not None})
    for key in ("title", "home_page_url", "feed_url", "description", "language"):
        if options.get(key) is not None:
            fields[key] = options[key]
    if not fields.get("title"):
        raise RenderError("a JSON Feed needs a title: pass title=...")
    for key in ("title", "home_page_url", "feed_url", "description", "icon", "favicon"):
        if fields.get(key) is not None:
            out[key] = fields[key]
    if feed is not None and feed.authors:
        out["authors"] = [_author(author) for author in feed.authors]
    if fields.get("language") is not None:
        out["language"] = fields["language"]
    if feed is not None:
        for key, value in feed.extensions.items():
            namespace, _, name = key.partition(":")
            if namespace == "jsonfeed" and name not in out:
                out[name] = json_copy(value)
    out["items"] = [_item(brief) for brief in briefs]
    return out


# --- reading -------------------------------------------------------------------------------


def _read_author(p: Problems, value: Any, path: str) -> Author | None:
    if not isinstance(value, dict):
        p.add(path, f"expected object, got {json_type(value)}")
        return None
    name = p.text(value, "name", path)
    if name is None:
        return None  # JSON Feed allows an author with only a url or an avatar
    avatar = p.url(value, "avatar", path)
    try:
        return Author(
            name=name, url=p.url(value, "url", path), avatar=Image(url=avatar) if avatar else None
        )
    except ValidationError as exc:
        p.add(path, exc.message)
        return None


def _authors(p: Problems, obj: Mapping[str, Any], path: str) -> list[Author]:
    if "authors" in obj:
        value = obj["authors"]
        if not isinstance(value, list):
            p.add(key_path(path, "authors"), f"expected array, got {json_type(value)}")
            return []
        found = [_read_author(p, v, f"{path}.authors[{i}]") for i, v in enumerate(value)]
    elif "author" in obj:  # JSON Feed 1.0
        found = [_read_author(p, obj["author"], key_path(path, "author"))]
    else:
        return []
    return [a for a in found if a is not None]


def _item_id(p: Problems, item: Mapping[str, Any], path: str) -> str | None:
    identifier = item.get("id")
    if isinstance(identifier, int | float) and not isinstance(identifier, bool):
        identifier = str(identifier)  # 1.0 feeds sometimes number their items
    if not isinstance(identifier, str) or not identifier.strip():
        p.add(
            key_path(path, "id"), f"a JSON Feed item needs a string id, got {json_type(identifier)}"
        )
        return None
    return identifier


def _item_content(
    p: Problems, item: Mapping[str, Any], path: str, base: str | None
) -> tuple[SafeHTML | None, SafeHTML | None, str | None]:
    """Read the item's body and summary as markup, and its summary as the plain text given.

    ``content_html`` is sanitized with its relative URLs resolved against ``base``;
    ``content_text`` and ``summary`` are escaped.
    """
    from newsitem.sanitize import sanitize_html, sanitize_text

    body = summary = None
    plain_summary = None
    try:
        html = p.text(item, "content_html", path)
        text = p.text(item, "content_text", path)
        if html is not None:
            body = sanitize_html(
                html, policy="body", base_url=base if base and is_http_url(base) else None
            )
        elif text is not None:
            body = text_to_html(text)
        plain_summary = p.text(item, "summary", path)
        if plain_summary is not None:
            summary = sanitize_text(plain_summary)
    except SanitizeError as exc:
        p.add(path, str(exc))
    return body, summary, plain_summary


def _item_images(p: Problems, item: Mapping[str, Any], path: str) -> tuple[Image, ...]:
    images: list[Image] = []
    for key in ("image", "banner_image"):
        image = p.url(item, key, path)
        if image is not None and all(i.url != image for i in images):
            images.append(Image(url=image))
    return tuple(images)


def _item_tags(p: Problems, item: Mapping[str, Any], path: str) -> tuple[str, ...]:
    tags = []
    raw_tags = item.get("tags", [])
    if not isinstance(raw_tags, list):
        p.add(key_path(path, "tags"), f"expected array, got {json_type(raw_tags)}")
    else:
        for index, tag in enumerate(raw_tags):
            if isinstance(tag, str) and tag.strip():
                tags.append(tag)
            elif not isinstance(tag, str):
                p.add(f"{path}.tags[{index}]", f"expected string, got {json_type(tag)}")
    return tuple(tags)


def _read_carried(p: Problems, carried: Any, path: str, fields: dict[str, Any]) -> None:
    """Set ``fields`` from the item's ``_newsitem`` object (at ``path``), in the native form."""
    if not isinstance(carried, dict):
        p.add(path, f"expected object, got {json_type(carried)}")
        return
    unknown = set(carried) - {*_CARRIED, *_NULLABLE, "images", "authors"}
    for key in sorted(unknown):
        p.add(f"{path}.{key}", "unknown key")
    native = {
        k: v
        for k, v in carried.items()
        if k not in unknown and k not in _NULLABLE and v is not None
    }
    try:
        extra = from_dict({"type": "brief", "headline": fields["headline"], **native}, Brief)
    except JSONParseError as exc:
        for where, message in exc.problems:
            p.add(path + where[1:], message)
    else:
        for key in native:
            fields[key] = getattr(extra, key)
    for key in _NULLABLE:
        if key in carried and carried[key] is None:
            fields[key] = None


def _read_item(
    p: Problems, item: Any, path: str, home_page_url: Any, language: str | None
) -> Brief | None:
    """Read one item; ``home_page_url`` (as the feed gives it) and ``language`` are the feed's."""
    if not isinstance(item, dict):
        p.add(path, f"expected object, got {json_type(item)}")
        return None
    identifier = _item_id(p, item, path)
    if identifier is None:
        return None
    url = p.url(item, "url", path)
    base = url or (home_page_url if isinstance(home_page_url, str) else None)
    body, summary, plain_summary = _item_content(p, item, path, base)
    title = p.text(item, "title", path)
    headline = title or (plain_summary if plain_summary else None)
    if headline is None and body is not None:
        headline = html_to_text(body).split("\n")[0][:140] or None
    images = _item_images(p, item, path)
    tags = _item_tags(p, item, path)
    item_language = p.language(item, "language", path)
    extensions: dict[str, JSONValue] = {
        f"jsonfeed:{k}": json_copy(v)
        for k, v in item.items()
        if k not in _ITEM_KEYS and k != _EXTENSION
    }
    fields: dict[str, Any] = {
        "headline": headline or identifier,
        "id": identifier,
        "url": url,
        "body": body,
        "summary": summary,
        "published": p.date(item, "date_published", path),
        "modified": p.date(item, "date_modified", path),
        "authors": tuple(_authors(p, item, path)),
        "images": images,
        "tags": tags,
        "language": item_language or language,
    }
    carried = item.get(_EXTENSION)
    if carried is not None:
        _read_carried(p, carried, key_path(path, _EXTENSION), fields)
    if extensions:
        merged = dict(fields.get("extensions") or {})
        merged.update(extensions)
        fields["extensions"] = merged
    try:
        return Brief(**{k: v for k, v in fields.items() if v is not None or k in ("id",)})
    except ValidationError as exc:
        p.add(path, str(exc))
        return None


def read_jsonfeed(data: Any) -> Feed:
    """Read a JSON Feed (1.1 or 1.0) into a :class:`~newsitem.formats.Feed`.

    Items become briefs: ``content_html`` is sanitized (relative URLs resolved against
    the item's ``url`` or the feed's ``home_page_url``), ``content_text`` and ``summary``
    are escaped, dates read with offsets. Members JSON Feed does not define (``_acme``
    extensions, ``next_url`` ...) are kept in ``extensions`` as ``"jsonfeed:<name>"``.

    Raises:
        JSONParseError: invalid JSON, no JSON Feed ``version``, no ``items`` array, an item
            without an id, or fields of the wrong type; every problem with its JSONPath.
    """
    doc = decode_json(data, "JSON Feed")
    if not isinstance(doc, dict):
        raise JSONParseError(
            "invalid JSON Feed document", [("$", f"expected object, got {json_type(doc)}")]
        )
    p = Problems("JSON Feed")
    version = doc.get("version")
    if version not in VERSION_URLS:
        p.add("$.version", f"expected one of {', '.join(VERSION_URLS)}, got {version!r}")
    items = doc.get("items")
    if not isinstance(items, list):
        p.add("$.items", f"expected array, got {json_type(items) if 'items' in doc else 'nothing'}")
        items = []
    fields: dict[str, Any] = {
        "title": p.text(doc, "title", "$"),
        "home_page_url": p.url(doc, "home_page_url", "$"),
        "feed_url": p.url(doc, "feed_url", "$"),
        "description": p.text(doc, "description", "$"),
        "icon": p.url(doc, "icon", "$"),
        "favicon": p.url(doc, "favicon", "$"),
        "language": p.language(doc, "language", "$"),
        "authors": tuple(_authors(p, doc, "$")),
    }
    briefs = [
        _read_item(p, item, f"$.items[{i}]", doc.get("home_page_url"), fields["language"])
        for i, item in enumerate(items)
    ]
    p.raise_if_any()
    extensions = {f"jsonfeed:{k}": json_copy(v) for k, v in doc.items() if k not in _FEED_KEYS}
    return Feed(items=tuple(b for b in briefs if b is not None), extensions=extensions, **fields)
