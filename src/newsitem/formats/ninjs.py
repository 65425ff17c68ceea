"""IPTC ninjs, versions 2.x (lowercase keys) and 3.x (camelCase keys), both directions.

:func:`to_ninjs` writes a :class:`~newsitem.Brief` as a ninjs document that validates
against the official schema of the version asked for; :func:`read_ninjs` reads any ninjs
2.x or 3.x document into a :class:`~newsitem.Brief`.

Nothing of a ninjs document is lost on the way in: every top-level property that the
models cannot reproduce exactly is kept, as read, in ``Brief.extensions`` under
``"ninjs:<lowercase name>"`` (values in 3.x spelling), and written back verbatim. Properties
the writer would add but the document did not have are listed in ``"ninjs:omit"``. So
reading a document and writing it in the same major version gives the same JSON.

>>> from newsitem import Brief
>>> doc = to_ninjs(Brief(headline="Xi deepens ties", id="urn:x:1", language="en"))
>>> doc["headlines"], doc["uri"], doc["language"]
([{'role': 'main', 'value': 'Xi deepens ties'}], 'urn:x:1', 'en')
>>> read_ninjs(doc) == Brief(headline="Xi deepens ties", id="urn:x:1", language="en")
True

The mapping, field by field, is in ``docs/formats.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any, Final, TypeVar

import attrs

from newsitem.errors import JSONParseError, RenderError, ValidationError
from newsitem.formats._common import (
    Problems,
    decode_json,
    format_iso,
    json_copy,
    json_type,
    key_path,
    text_to_html,
)
from newsitem.models import (
    Author,
    AuthorKind,
    Brief,
    BriefKind,
    Image,
    JSONValue,
    Link,
    RelatedBlock,
    RelatedItem,
    SourceAttribution,
    VideoTeaser,
    is_http_url,
)

__all__ = ["VERSIONS", "detect_ninjs_version", "read_ninjs", "read_ninjs_collection", "to_ninjs"]

#: The ninjs versions :func:`to_ninjs` writes; ``"2.x"`` and ``"3.x"`` name the latest.
VERSIONS: Final = ("2.1", "2.2", "2.x", "3.0", "3.1", "3.x")
_CONCRETE: Final = {"2.x": "2.2", "3.x": "3.0", "2": "2.2", "3": "3.0"}
_SCHEMA_URL: Final = "http://www.iptc.org/std/ninjs/ninjs-schema_{}.json#"

# Every camelCase property name of the 3.x schemas; 2.x writes each in lowercase.
_CAMEL: Final = [
    "altIds",
    "aspectRatio",
    "charCount",
    "contactInfo",
    "contentCreated",
    "contentType",
    "copyrightHolder",
    "copyrightNotice",
    "digitalSourceType",
    "edNote",
    "embargoedUntil",
    "encodedRights",
    "endDate",
    "eventDetails",
    "eventStatus",
    "exclAudience",
    "expectedDuration",
    "expectedEndDate",
    "expectedStartDate",
    "firstCreated",
    "frameRate",
    "geoJSON",
    "infoSources",
    "itemCount",
    "langId",
    "linkedRights",
    "plannedCoverage",
    "plannedCoverageStatus",
    "postalCode",
    "pubStatus",
    "rangeFrom",
    "rangeTo",
    "recurrenceDates",
    "recurrenceRules",
    "representationType",
    "rightsInfo",
    "scanType",
    "sizeInBytes",
    "startDate",
    "symbolType",
    "transportProtocol",
    "trustIndicators",
    "usageTerms",
    "versionCreated",
    "videoCodec",
    "wordCount",
]
_TO_3: Final = {name.lower(): name for name in _CAMEL if name != "embargoedUntil"} | {
    "embargoed": "embargoedUntil"
}
_TO_2: Final = {camel: lower for lower, camel in _TO_3.items()}

_HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
_AUTHOR_RELS: Final = frozenset({"author", "creator", "byline", "writer"})
_OMIT: Final = "ninjs:omit"
_M = TypeVar("_M")


# --- versions and spelling -----------------------------------------------------------------


def _respell(value: Any, table: Mapping[str, str]) -> Any:
    """Rename object keys through ``table``, at every depth."""
    if isinstance(value, dict):
        return {table.get(k, k): _respell(v, table) for k, v in value.items()}
    if isinstance(value, list):
        return [_respell(v, table) for v in value]
    return value


def _spelling(value: Any) -> int | None:
    """Tell 3 for camelCase keys, 2 for their lowercase forms, None when nothing tells."""
    stack = [value]
    seen2 = False
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, child in node.items():
                if key in _TO_2:
                    return 3
                if key in _TO_3:
                    seen2 = True
                stack.append(child)
        elif isinstance(node, list):
            stack.extend(node)
    return 2 if seen2 else None


def detect_ninjs_version(doc: Mapping[str, Any]) -> str:
    """Tell the ninjs version of a decoded document: ``"2.x"`` or ``"3.x"``, or the exact
    version its ``standard`` declares when that agrees with the spelling of its keys.

    >>> detect_ninjs_version({"uri": "urn:a", "versioncreated": "2013-07-09T10:37:00Z"})
    '2.x'
    >>> detect_ninjs_version({"uri": "urn:a", "standard": {"name": "ninjs", "version": "3.1"}})
    '3.1'
    """
    standard = doc.get("standard")
    declared = standard.get("version") if isinstance(standard, dict) else None
    spelled = _spelling(doc)
    if declared in VERSIONS and (spelled is None or str(spelled) == declared[:1]):
        return str(declared)
    return "2.x" if spelled == 2 else "3.x"


def _major(version: str) -> int:
    if version not in VERSIONS and version not in _CONCRETE:
        raise RenderError(f"unknown ninjs version {version!r}; known: {', '.join(VERSIONS)}")
    return int(version[0])


# --- writing -------------------------------------------------------------------------------


def _text_block(role: str, value: str, content_type: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"role": role}
    if content_type is not None:
        out["contentType"] = content_type
    out["value"] = value
    return out


def _image(image: Image, name: str) -> dict[str, Any]:
    rendition: dict[str, Any] = {"name": "original", "href": image.url}
    if image.width is not None:
        rendition["width"] = image.width
    if image.height is not None:
        rendition["height"] = image.height
    out: dict[str, Any] = {"name": name, "uri": image.url, "type": "picture"}
    if image.credit is not None:
        out["by"] = image.credit
    descriptions = []
    if image.caption is not None:
        descriptions.append(_text_block("caption", image.caption))
    if image.alt is not None:
        descriptions.append(_text_block("alt", image.alt))
    if descriptions:
        out["descriptions"] = descriptions
    out["renditions"] = [rendition]
    return out


def _video(video: VideoTeaser, name: str) -> dict[str, Any]:
    uri = video.url or video.embed_url or video.content_url or f"urn:newsitem:{name}"
    out: dict[str, Any] = {"name": name, "uri": uri, "type": "video"}
    if video.published is not None:
        out["firstCreated"] = format_iso(video.published)
    headlines = []
    if video.title is not None:
        headlines.append(_text_block("main", video.title))
    if video.label is not None:
        headlines.append(_text_block("kicker", video.label))
    if headlines:
        out["headlines"] = headlines
    if video.description is not None:
        out["descriptions"] = [_text_block("summary", video.description, "text/plain")]
    if video.provider is not None and video.video_id is not None:
        out["altIds"] = [{"role": f"provider:{video.provider}", "value": video.video_id}]
    renditions: list[dict[str, Any]] = []
    if video.url is not None:
        renditions.append({"name": "web", "href": video.url, "contentType": "text/html"})
    if video.embed_url is not None:
        renditions.append({"name": "player", "href": video.embed_url, "contentType": "text/html"})
    if video.content_url is not None:
        media: dict[str, Any] = {"name": "original", "href": video.content_url}
        renditions.append(media)
    if video.duration is not None:
        seconds = video.duration / timedelta(seconds=1)
        target = renditions[-1] if video.content_url is not None else None
        if target is None:
            target = {"name": "duration"}
            renditions.append(target)
        target["duration"] = int(seconds) if seconds.is_integer() else seconds
    if video.thumbnail is not None:
        out["associations"] = [_image(video.thumbnail, "thumbnail")]
    if renditions:
        out["renditions"] = renditions
    return out


def _related(block: RelatedBlock, name: str) -> dict[str, Any]:
    uri = block.see_all.url if block.see_all is not None else f"urn:newsitem:{name}"
    out: dict[str, Any] = {"name": name, "uri": uri, "type": "composite"}
    if block.title is not None:
        out["headlines"] = [_text_block("main", block.title)]
    if block.see_all is not None:
        link: dict[str, Any] = {"name": "see-all", "href": block.see_all.url}
        if block.see_all.text is not None:
            link["title"] = block.see_all.text
        out["renditions"] = [link]
    items = []
    for index, item in enumerate(block.items):
        entry: dict[str, Any] = {
            "name": f"item-{index}",
            "uri": item.url or f"urn:newsitem:{name}:item-{index}",
            "type": "text",
        }
        if item.published is not None:
            entry["firstCreated"] = format_iso(item.published)
        headlines = []
        if item.headline is not None:
            headlines.append(_text_block("main", item.headline))
        if item.label is not None:
            headlines.append(_text_block("kicker", item.label))
        if headlines:
            entry["headlines"] = headlines
        if item.summary is not None:
            entry["descriptions"] = [_text_block("summary", item.summary, "text/html")]
        if item.url is not None:
            entry["renditions"] = [{"name": "web", "href": item.url, "contentType": "text/html"}]
        if item.image is not None:
            entry["associations"] = [_image(item.image, "image")]
        items.append(entry)
    out["associations"] = items
    return out


def _author(author: Author) -> dict[str, Any]:
    out: dict[str, Any] = {"name": author.name, "rel": "author"}
    if author.url is not None:
        out["uri"] = author.url
    contacts = []
    if author.email is not None:
        contacts.append({"type": "email", "value": author.email})
    contacts.extend({"type": "web", "value": url} for url in author.same_as)
    if contacts:
        out["contactInfo"] = contacts
    return out


def _generate(brief: Brief, version: str) -> dict[str, Any]:
    """Write what the model's own fields say, in 3.x spelling, with no extensions."""
    uri = brief.id or brief.url
    if uri is None:
        raise RenderError("ninjs needs a uri: give the Brief an id or a url")
    out: dict[str, Any] = {
        "standard": {"name": "ninjs", "version": version, "schema": _SCHEMA_URL.format(version)},
        "uri": uri,
        "type": "text",
    }
    if brief.published is not None:
        out["firstCreated"] = format_iso(brief.published)
    if brief.modified is not None:
        out["versionCreated"] = format_iso(brief.modified)
    if brief.language is not None:
        out["language"] = brief.language
    headlines = [_text_block("main", brief.headline)]
    if brief.label is not None:
        headlines.append(_text_block("kicker", brief.label))
    out["headlines"] = headlines
    if brief.summary is not None:
        out["descriptions"] = [_text_block("summary", brief.summary, "text/html")]
    if brief.body is not None:
        out["bodies"] = [_text_block("main", brief.body, "text/html")]
    if brief.authors:
        out["by"] = ", ".join(author.name for author in brief.authors)
        people = [_author(a) for a in brief.authors if a.kind is AuthorKind.PERSON]
        organisations = [_author(a) for a in brief.authors if a.kind is AuthorKind.ORGANIZATION]
        if people:
            out["people"] = people
        if organisations:
            out["organisations"] = organisations
    subjects = [{"name": tag} for tag in brief.tags]
    if brief.section is not None:
        subjects.append({"name": brief.section, "rel": "section"})
    if subjects:
        out["subjects"] = subjects
    if brief.kind is not BriefKind.NEWS:
        out["genres"] = [{"literal": f"newsitem:{brief.kind.value}"}]
    if brief.attributions:
        sources = []
        for source in brief.attributions:
            entry: dict[str, Any] = {"name": source.name, "role": "source"}
            if source.url is not None:
                entry["uri"] = source.url
            sources.append(entry)
        out["infoSources"] = sources
    if brief.url is not None:
        out["renditions"] = [{"name": "web", "href": brief.url, "contentType": "text/html"}]
    associations = [_image(image, f"image-{i}") for i, image in enumerate(brief.images)]
    associations += [_video(video, f"video-{i}") for i, video in enumerate(brief.videos)]
    associations += [_related(block, f"related-{i}") for i, block in enumerate(brief.related)]
    if associations:
        out["associations"] = associations
    return out


def to_ninjs(obj: Any, *, version: str = "3.0", **options: Any) -> dict[str, Any]:
    """Write a brief as a ninjs document.

    Args:
        obj: A :class:`~newsitem.Brief`, or a :class:`~newsitem.Page` with a brief.
        version: The ninjs version: ``"3.0"`` (default), ``"3.1"``, ``"2.1"``, ``"2.2"``;
            ``"3.x"`` and ``"2.x"`` name the latest of each. 2.0 is read, not written: its
            schema lacks fields 2.1 added (``contactinfo`` of people), so 2.x means 2.2.
        options: Accepted for the render registry's uniform call; none is used.

    Returns:
        The document, with 2.x or 3.x key spelling. Extensions under ``ninjs:`` are
        written back verbatim; extensions in other namespaces cannot be held in ninjs,
        whose schemas refuse unknown properties, and are left out.

    Raises:
        RenderError: ``obj`` is not a brief (or a page with one), has neither ``id`` nor
            ``url`` for the required ``uri``, or ``version`` is unknown.
    """
    del options
    brief = _brief_of(obj)
    major = _major(version)
    concrete = _CONCRETE.get(version, version)
    out = _generate(brief, concrete)
    omit = brief.extensions.get(_OMIT)
    for key, value in brief.extensions.items():
        namespace, _, name = key.partition(":")
        if namespace == "ninjs" and key != _OMIT:
            out[_TO_3.get(name, name)] = json_copy(value)
    if isinstance(omit, list):
        for omitted in omit:
            if isinstance(omitted, str):
                out.pop(_TO_3.get(omitted, omitted), None)
    if major == 2:
        out = _respell(out, _TO_2)
    return out


def _brief_of(obj: Any) -> Brief:
    from newsitem.models import Page

    if isinstance(obj, Page) and obj.brief is not None:
        return obj.brief
    if isinstance(obj, Brief):
        return obj
    raise RenderError(f"ninjs holds one news item: expected a Brief, got {type(obj).__name__}")


# --- reading -------------------------------------------------------------------------------


class _Reader:
    """Reads one ninjs document (3.x spelling) into model pieces, collecting problems."""

    def __init__(self, problems: Problems) -> None:
        self.p = problems

    def blocks(
        self, doc: Mapping[str, Any], key: str, path: str
    ) -> list[tuple[str, dict[str, Any]]]:
        """The objects of an array member, each with its path; wrong shapes are problems."""
        value = doc.get(key)
        if value is None:
            return []
        where = key_path(path, key)
        if not isinstance(value, list):
            self.p.add(where, f"expected array, got {json_type(value)}")
            return []
        out = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                out.append((f"{where}[{index}]", item))
            else:
                self.p.add(f"{where}[{index}]", f"expected object, got {json_type(item)}")
        return out

    def texts(
        self, doc: Mapping[str, Any], key: str, path: str
    ) -> list[tuple[str | None, str | None, str]]:
        """Headlines, descriptions or bodies as ``(role, contentType, value)`` triples."""
        out = []
        for where, block in self.blocks(doc, key, path):
            value = block.get("value")
            if not isinstance(value, str):
                self.p.add(key_path(where, "value"), f"expected string, got {json_type(value)}")
                continue
            role = self.p.text(block, "role", where)
            content_type = self.p.text(block, "contentType", where)
            out.append((role, content_type, value))
        return out

    @staticmethod
    def pick(
        texts: list[tuple[str | None, str | None, str]], *roles: str | None
    ) -> tuple[str | None, str | None, str] | None:
        for role in roles:
            for entry in texts:
                if entry[0] == role and entry[2].strip():
                    return entry
        return None

    def markup(self, entry: tuple[str | None, str | None, str] | None, policy: str) -> Any:
        if entry is None:
            return None
        from newsitem.sanitize import sanitize_html

        _, content_type, value = entry
        html = (
            sanitize_html(value, policy=policy)
            if content_type is not None and content_type.split(";")[0].strip() in _HTML_TYPES
            else text_to_html(value)
        )
        return html if html.strip() else None

    def renditions(
        self, doc: Mapping[str, Any], path: str
    ) -> dict[str, tuple[str, dict[str, Any]]]:
        out = {}
        for where, rendition in self.blocks(doc, "renditions", path):
            name = rendition.get("name")
            if isinstance(name, str) and name not in out:
                out[name] = (where, rendition)
        return out

    def href(self, renditions: Mapping[str, tuple[str, dict[str, Any]]], name: str) -> str | None:
        if name not in renditions:
            return None
        rendition = renditions[name][1]
        value = rendition.get("href")
        if isinstance(value, str) and is_http_url(value):
            return value
        return None

    def associations(self, doc: Mapping[str, Any], path: str) -> list[tuple[str, dict[str, Any]]]:
        out = []
        for where, item in self.blocks(doc, "associations", path):
            for key in ("name", "uri"):
                if not isinstance(item.get(key), str):
                    got = "nothing" if key not in item else json_type(item[key])
                    self.p.add(
                        key_path(where, key), f"an association needs a string {key}, got {got}"
                    )
            out.append((where, item))
        return out

    def image(self, item: Mapping[str, Any], path: str) -> Image | None:
        renditions = self.renditions(item, path)
        url = self.href(renditions, "original")
        if url is None:
            for _, rendition in renditions.values():
                href = rendition.get("href")
                if isinstance(href, str) and is_http_url(href):
                    url = href
                    break
        uri = item.get("uri")
        if url is None and isinstance(uri, str) and is_http_url(uri):
            url = uri
        if url is None:
            return None
        texts = self.texts(item, "descriptions", path)
        caption = self.pick(texts, "caption", None)
        alt = self.pick(texts, "alt")
        size = renditions.get("original", (path, {}))[1]
        width = size.get("width")
        height = size.get("height")
        return _build(
            self.p,
            path,
            Image,
            url=url,
            alt=alt[2] if alt else next((t[2] for t in texts if t[0] == "alt"), None),
            caption=caption[2] if caption else None,
            credit=self.p.text(item, "by", path),
            width=width
            if isinstance(width, int) and not isinstance(width, bool) and width > 0
            else None,
            height=height
            if isinstance(height, int) and not isinstance(height, bool) and height > 0
            else None,
        )

    def video(self, item: Mapping[str, Any], path: str) -> VideoTeaser | None:
        renditions = self.renditions(item, path)
        heads = self.texts(item, "headlines", path)
        descriptions = self.texts(item, "descriptions", path)
        title = self.pick(heads, "main", None)
        label = self.pick(heads, "kicker")
        description = self.pick(descriptions, "summary", None)
        provider = video_id = None
        for _where, alt in self.blocks(item, "altIds", path):
            role, value = alt.get("role"), alt.get("value")
            if isinstance(role, str) and role.startswith("provider:") and isinstance(value, str):
                provider, video_id = role.removeprefix("provider:"), value
                break
        duration = None
        for name, (where, rendition) in renditions.items():
            if "duration" in rendition and name in ("original", "duration"):
                duration = self.p.duration(rendition["duration"], key_path(where, "duration"))
        thumbnail = None
        for where, assoc in self.associations(item, path):
            if assoc.get("type") == "picture":
                thumbnail = self.image(assoc, where)
                break
        url = self.href(renditions, "web")
        uri = item.get("uri")
        if url is None and not renditions and isinstance(uri, str) and is_http_url(uri):
            url = uri
        return _build(
            self.p,
            path,
            VideoTeaser,
            title=title[2] if title else None,
            label=label[2] if label else None,
            description=description[2] if description else None,
            url=url,
            embed_url=self.href(renditions, "player"),
            content_url=self.href(renditions, "original"),
            provider=provider,
            video_id=video_id,
            duration=duration,
            published=self.p.date(item, "firstCreated", path),
            thumbnail=thumbnail,
        )

    def related(self, item: Mapping[str, Any], path: str) -> RelatedBlock | None:
        heads = self.texts(item, "headlines", path)
        title = self.pick(heads, "main", None)
        renditions = self.renditions(item, path)
        see_all = None
        if (url := self.href(renditions, "see-all")) is not None:
            text = renditions["see-all"][1].get("title")
            see_all = Link(url=url, text=text if isinstance(text, str) and text.strip() else None)
        items = []
        for where, entry in self.associations(item, path):
            related = self.related_item(entry, where)
            if related is not None:
                items.append(related)
        if not items:
            return None
        return _build(
            self.p,
            path,
            RelatedBlock,
            title=title[2] if title else None,
            items=tuple(items),
            see_all=see_all,
        )

    def related_item(self, item: Mapping[str, Any], path: str) -> RelatedItem | None:
        heads = self.texts(item, "headlines", path)
        headline = self.pick(heads, "main", None)
        label = self.pick(heads, "kicker")
        summary = self.markup(
            self.pick(self.texts(item, "descriptions", path), "summary", None), "inline"
        )
        if headline is None and summary is None:
            return None
        renditions = self.renditions(item, path)
        url = self.href(renditions, "web")
        uri = item.get("uri")
        if url is None and isinstance(uri, str) and is_http_url(uri):
            url = uri
        image = None
        for where, assoc in self.associations(item, path):
            if assoc.get("type") == "picture":
                image = self.image(assoc, where)
                break
        return _build(
            self.p,
            path,
            RelatedItem,
            headline=headline[2] if headline else None,
            label=label[2] if label else None,
            summary=summary,
            url=url,
            published=self.p.date(item, "firstCreated", path),
            image=image,
        )

    def authors(self, doc: Mapping[str, Any], path: str) -> list[Author]:
        out = []
        for key, kind in (
            ("people", AuthorKind.PERSON),
            ("organisations", AuthorKind.ORGANIZATION),
        ):
            for where, entry in self.blocks(doc, key, path):
                if entry.get("rel") not in _AUTHOR_RELS:
                    continue
                name = self.p.text(entry, "name", where)
                if name is None:
                    continue
                email = None
                same_as = []
                for _cwhere, contact in self.blocks(entry, "contactInfo", where):
                    value = contact.get("value")
                    if not isinstance(value, str) or not value.strip():
                        continue
                    if contact.get("type") == "email" and email is None:
                        email = value
                    elif contact.get("type") == "web" and is_http_url(value):
                        same_as.append(value)
                uri = entry.get("uri")
                author = _build(
                    self.p,
                    where,
                    Author,
                    name=name,
                    kind=kind,
                    url=uri if isinstance(uri, str) and is_http_url(uri) else None,
                    email=email,
                    same_as=tuple(same_as),
                )
                if author is not None:
                    out.append(author)
        return out


def _build(problems: Problems, path: str, cls: type[_M], **fields: Any) -> _M | None:
    """Build a model; a broken field is a problem, a whole that is too thin is skipped.

    A foreign association that has none of what a teaser needs (a video with no title and
    no way to reach it) gives no model; the document's ``associations`` are kept verbatim
    in the extensions, so nothing is lost.
    """
    try:
        return cls(**fields)
    except ValidationError as exc:
        _, dot, rest = exc.path.partition(".")
        if not dot and cls is not Brief:
            return None
        problems.add(f"{path}.{rest}" if dot else path, exc.message)
        return None


def _read_fields(doc: Mapping[str, Any], problems: Problems) -> dict[str, Any]:
    """Read the model's fields from a 3.x-spelled document."""
    r = _Reader(problems)
    uri = doc.get("uri")
    if not isinstance(uri, str) or not uri.strip():
        got = (
            "nothing"
            if "uri" not in doc
            else json_type(uri)
            if not isinstance(uri, str)
            else "a blank string"
        )
        problems.add("$.uri", f"ninjs requires a uri string, got {got}")
        uri = None
    heads = r.texts(doc, "headlines", "$")
    headline = r.pick(heads, "main", None) or (heads[0] if heads else None)
    label = r.pick(heads, "kicker")
    fallback = next(
        (
            doc[k]
            for k in ("title", "slugline", "uri")
            if isinstance(doc.get(k), str) and doc[k].strip()
        ),
        None,
    )
    renditions = r.renditions(doc, "$")
    url = r.href(renditions, "web")
    fields: dict[str, Any] = {
        "headline": headline[2] if headline else fallback,
        "id": None if uri == url else uri,
        "url": url,
        "label": label[2] if label else None,
        "published": r.p.date(doc, "firstCreated", "$"),
        "modified": r.p.date(doc, "versionCreated", "$"),
        "language": r.p.language(doc, "language", "$"),
    }
    descriptions = r.texts(doc, "descriptions", "$")
    fields["summary"] = r.markup(
        r.pick(descriptions, "summary", "main", "abstract", None)
        or (descriptions[0] if descriptions else None),
        "inline",
    )
    bodies = r.texts(doc, "bodies", "$")
    html_body = next((b for b in bodies if (b[1] or "").split(";")[0].strip() in _HTML_TYPES), None)
    fields["body"] = r.markup(html_body or (bodies[0] if bodies else None), "body")
    authors = r.authors(doc, "$")
    by = r.p.text(doc, "by", "$")
    if not authors and by is not None:
        authors = [Author(name=by)]
    fields["authors"] = tuple(authors)
    tags, section = [], None
    for where, subject in r.blocks(doc, "subjects", "$"):
        name = r.p.text(subject, "name", where)
        if name is None:
            continue
        if subject.get("rel") == "section" and section is None:
            section = name
        else:
            tags.append(name)
    fields["tags"], fields["section"] = tuple(tags), section
    for where, genre in r.blocks(doc, "genres", "$"):
        literal = genre.get("literal")
        if isinstance(literal, str) and literal.startswith("newsitem:"):
            try:
                fields["kind"] = BriefKind(literal.removeprefix("newsitem:"))
            except ValueError:
                problems.add(key_path(where, "literal"), f"unknown newsitem genre {literal!r}")
            break
    attributions = []
    for where, source in r.blocks(doc, "infoSources", "$"):
        if source.get("role") not in (None, "source"):
            continue
        name = r.p.text(source, "name", where)
        if name is None:
            continue
        uri_value = source.get("uri")
        attributions.append(
            SourceAttribution(
                name=name,
                url=uri_value if isinstance(uri_value, str) and is_http_url(uri_value) else None,
            )
        )
    fields["attributions"] = tuple(attributions)
    images, videos, related = [], [], []
    for where, item in r.associations(doc, "$"):
        kind = item.get("type")
        if kind in ("picture", "graphic"):
            images.append(r.image(item, where))
        elif kind == "video":
            videos.append(r.video(item, where))
        elif kind == "composite":
            related.append(r.related(item, where))
    fields["images"] = tuple(i for i in images if i is not None)
    fields["videos"] = tuple(v for v in videos if v is not None)
    fields["related"] = tuple(b for b in related if b is not None)
    return fields


def read_ninjs(data: Any, *, version: str | None = None) -> Brief:
    """Read a ninjs 2.x or 3.x document into a brief.

    Args:
        data: JSON text, bytes, or the decoded document.
        version: ``"2.x"`` or ``"3.x"`` (or an exact version) to override detection by
            key spelling.

    Returns:
        The brief; properties without a home in the models are in its ``extensions``.

    Raises:
        JSONParseError: invalid JSON, or a document that is not ninjs: not an object, no
            ``uri``, headlines or bodies without string values, associations without
            ``name`` or ``uri``, dates or languages that cannot be read. Every problem is
            listed with its JSONPath.
    """
    doc = decode_json(data, "ninjs")
    if not isinstance(doc, dict):
        raise JSONParseError(
            "invalid ninjs document", [("$", f"expected object, got {json_type(doc)}")]
        )
    detected = version or detect_ninjs_version(doc)
    doc3 = _respell(doc, _TO_3) if detected.startswith("2") else doc
    problems = Problems("ninjs")
    fields = _read_fields(doc3, problems)
    problems.raise_if_any()
    brief = _build(problems, "$", Brief, **fields)
    problems.raise_if_any()
    assert brief is not None
    # Keep, verbatim, every property the model does not give back exactly.
    standard = doc3.get("standard")
    concrete = standard.get("version") if isinstance(standard, dict) else None
    if not isinstance(concrete, str) or not concrete:
        concrete = _CONCRETE["3.x"] if not detected.startswith("2") else _CONCRETE["2.x"]
    generated = _generate(brief, concrete)
    extensions: dict[str, JSONValue] = {}
    for key, value in doc3.items():
        if generated.get(key) != value:
            name = _TO_2.get(key, key)
            if not name.strip() or name != name.strip():
                problems.add(key_path("$", key), "a property name that cannot be kept")
                continue
            extensions[f"ninjs:{name}"] = json_copy(value)
    omit: list[JSONValue] = [_TO_2.get(key, key) for key in generated if key not in doc3]
    if omit:
        extensions[_OMIT] = omit
    problems.raise_if_any()
    return attrs.evolve(brief, extensions=extensions) if extensions else brief


def read_ninjs_collection(data: Any, *, version: str | None = None) -> tuple[Brief, ...]:
    """Read a collection: a JSON array of ninjs documents (IPTC's "collection" examples).

    Raises:
        JSONParseError: invalid JSON, not an array, or problems in any document; paths
            start with the document's index (``$[2].uri``).
    """
    docs = decode_json(data, "ninjs collection")
    if not isinstance(docs, list):
        raise JSONParseError(
            "invalid ninjs collection", [("$", f"expected array, got {json_type(docs)}")]
        )
    out = []
    problems: list[tuple[str, str]] = []
    for index, doc in enumerate(docs):
        try:
            out.append(read_ninjs(doc, version=version))
        except JSONParseError as exc:
            problems.extend((f"$[{index}]{path[1:]}", message) for path, message in exc.problems)
    if problems:
        raise JSONParseError(f"{len(problems)} problems in a ninjs collection", problems)
    return tuple(out)
