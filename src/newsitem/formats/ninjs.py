"""IPTC ninjs, versions 2.x (lowercase keys) and 3.x (camelCase keys), both directions.

:func:`to_ninjs` writes a :class:`~newsitem.Brief` as a ninjs document that validates
against the official schema of the version asked for; :func:`read_ninjs` reads any ninjs
2.x or 3.x document into a :class:`~newsitem.Brief`.

Nothing of a ninjs document is lost on the way in: every top-level property that the
models cannot reproduce exactly is kept, as read, in ``Brief.extensions`` under
``"ninjs:<lowercase name>"`` (values in 3.x spelling), and written back when the version
written has that property and the value is valid there. Properties the writer would add
but the document did not have are listed in ``"ninjs:omit"``. So reading a valid document
and writing it in its own version gives the same JSON.

The writer never writes a document its version's schema refuses: URLs are written as URIs
(RFC 3987), a date without a time (which ``firstCreated`` and ``versionCreated`` cannot
hold) as an alternative id, and whatever the version cannot hold is left out and told to
an ``on_loss`` callback. ``read_ninjs(..., strict=True)`` holds a document to the official
schema of its version first.

>>> from newsitem import Brief
>>> doc = to_ninjs(Brief(headline="Xi deepens ties", id="urn:x:1", language="en"))
>>> doc["headlines"], doc["uri"], doc["language"]
([{'role': 'main', 'value': 'Xi deepens ties'}], 'urn:x:1', 'en')
>>> read_ninjs(doc) == Brief(headline="Xi deepens ties", id="urn:x:1", language="en")
True

The mapping, field by field, is in ``docs/formats.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final, TypeAlias, TypeVar
from urllib.parse import quote, unquote

import attrs

from newsitem._iri import iri_to_uri, is_absolute_uri
from newsitem.errors import JSONParseError, RenderError, UnknownFormatError, ValidationError
from newsitem.formats._common import (
    Problems,
    decode_json,
    format_iso,
    json_copy,
    json_type,
    key_path,
    text_to_html,
)
from newsitem.formats._ninjs_schemas import (
    SCHEMA_FILES,
    Conformance,
    conformance,
    is_date_time,
    schema_problems,
)
from newsitem.models import (
    Author,
    AuthorKind,
    Brief,
    BriefKind,
    DateValue,
    Image,
    JSONValue,
    Link,
    RelatedBlock,
    RelatedItem,
    SourceAttribution,
    VideoTeaser,
    is_http_url,
)

__all__ = [
    "READ_VERSIONS",
    "VERSIONS",
    "LossHandler",
    "detect_ninjs_version",
    "read_ninjs",
    "read_ninjs_collection",
    "to_ninjs",
]

#: The ninjs versions :func:`to_ninjs` writes; ``"2.x"`` and ``"3.x"`` name the latest.
VERSIONS: Final = ("2.1", "2.2", "2.x", "3.0", "3.1", "3.x")
#: The versions whose official schema ``read_ninjs(..., strict=True)`` holds documents to;
#: ``"2.x-dev"`` (IPTC's draft of the next 2.x) only when asked for by name.
READ_VERSIONS: Final = (*SCHEMA_FILES, "2.x", "3.x")
_CONCRETE: Final = {"2.x": "2.2", "3.x": "3.1", "2": "2.2", "3": "3.1"}

#: Told each thing a writer leaves out: ``on_loss(path, message)``, the path a JSONPath
#: into the model's native JSON (``$.reading_time``, ``$.extensions['ninjs:urgency']``).
LossHandler: TypeAlias = Callable[[str, str], None]
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
# A Brief.id that is no URI is written as a URN of ours, and read back as it was.
_ID_URN: Final = "urn:newsitem:id:"
# ninjs dates are RFC 3339 date-times; a date alone is kept as an alternative id.
_DATE_ROLE: Final = "newsitem:"
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


def _declared(doc: Mapping[str, Any], known: Collection[str]) -> str | None:
    """The version a document's ``standard`` declares, when known and its keys agree."""
    standard = doc.get("standard")
    declared = standard.get("version") if isinstance(standard, dict) else None
    if not isinstance(declared, str) or declared not in known:
        return None
    spelled = _spelling(doc)
    return declared if spelled is None or str(spelled) == declared[:1] else None


def detect_ninjs_version(doc: Mapping[str, Any]) -> str:
    """Tell the ninjs version of a decoded document: ``"2.x"`` or ``"3.x"``, or the exact
    version its ``standard`` declares when that agrees with the spelling of its keys.

    >>> detect_ninjs_version({"uri": "urn:a", "versioncreated": "2013-07-09T10:37:00Z"})
    '2.x'
    >>> detect_ninjs_version({"uri": "urn:a", "standard": {"name": "ninjs", "version": "3.1"}})
    '3.1'
    """
    declared = _declared(doc, VERSIONS)
    if declared is not None:
        return declared
    return "2.x" if _spelling(doc) == 2 else "3.x"


def _concrete(version: str) -> str:
    """The version :func:`to_ninjs` writes for ``version`` (``"3.x"`` is ``"3.1"``)."""
    if version not in VERSIONS and version not in _CONCRETE:
        raise RenderError(f"unknown ninjs version {version!r}; known: {', '.join(VERSIONS)}")
    return _CONCRETE.get(version, version)


# --- writing -------------------------------------------------------------------------------


def _uri(url: str) -> str:
    """A URL as the URI that ``format: uri`` asks for (non-ASCII encoded, RFC 3987)."""
    return iri_to_uri(url)


def _brief_uri(brief: Brief) -> str:
    """The ``uri`` of a brief: its id as a URI, a URN of ours for an id that is none."""
    if brief.id is not None:
        uri = _uri(brief.id)
        if is_absolute_uri(uri) and not uri.startswith(_ID_URN):
            return uri
        return _ID_URN + quote(brief.id, safe="")
    if brief.url is None:
        raise RenderError("ninjs needs a uri: give the Brief an id or a url")
    return _uri(brief.url)


def _date_time(value: datetime) -> str:
    """An aware datetime as RFC 3339 (an offset in seconds, which it lacks, becomes UTC)."""
    text = format_iso(value)
    return text if is_date_time(text) else format_iso(value.astimezone(UTC))


def _put_date(out: dict[str, Any], key: str, value: date | None) -> None:
    """Write a date-time property; a date alone, which no ninjs date property holds, is
    kept as an alternative id with the role ``newsitem:<key>``."""
    if isinstance(value, datetime):
        out[key] = _date_time(value)
    elif value is not None:
        out.setdefault("altIds", []).append({"role": _DATE_ROLE + key, "value": value.isoformat()})


def _text_block(role: str, value: str, content_type: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"role": role}
    if content_type is not None:
        out["contentType"] = content_type
    out["value"] = value
    return out


def _image(image: Image, name: str) -> dict[str, Any]:
    rendition: dict[str, Any] = {"name": "original", "href": _uri(image.url)}
    if image.width is not None:
        rendition["width"] = image.width
    if image.height is not None:
        rendition["height"] = image.height
    out: dict[str, Any] = {"name": name, "uri": _uri(image.url), "type": "picture"}
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


def _teaser(
    kind: str,
    name: str,
    urn: str,
    url: str | None,
    published: date | None,
    title: str | None,
    label: str | None,
) -> dict[str, Any]:
    """An association's head: name, uri (a URN of ours without a URL), type, date, and the
    title and label as the headlines ``main`` and ``kicker``."""
    out: dict[str, Any] = {
        "name": name,
        "uri": f"urn:newsitem:{urn}" if url is None else _uri(url),
        "type": kind,
    }
    _put_date(out, "firstCreated", published)
    headlines = [
        _text_block(role, text)
        for role, text in (("main", title), ("kicker", label))
        if text is not None
    ]
    if headlines:
        out["headlines"] = headlines
    return out


def _video(video: VideoTeaser, name: str) -> dict[str, Any]:
    url = video.url or video.embed_url or video.content_url
    out = _teaser("video", name, name, url, video.published, video.title, video.label)
    if video.description is not None:
        out["descriptions"] = [_text_block("summary", video.description, "text/plain")]
    if video.provider is not None and video.video_id is not None:
        alt_id = {"role": f"provider:{video.provider}", "value": video.video_id}
        out["altIds"] = [alt_id, *out.get("altIds", ())]
    renditions: list[dict[str, Any]] = []
    if video.url is not None:
        renditions.append({"name": "web", "href": _uri(video.url), "contentType": "text/html"})
    if video.embed_url is not None:
        player = {"name": "player", "href": _uri(video.embed_url), "contentType": "text/html"}
        renditions.append(player)
    if video.content_url is not None:
        renditions.append({"name": "original", "href": _uri(video.content_url)})
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


def _related_item(item: RelatedItem, name: str, urn: str) -> dict[str, Any]:
    out = _teaser("text", name, urn, item.url, item.published, item.headline, item.label)
    if item.summary is not None:
        out["descriptions"] = [_text_block("summary", item.summary, "text/html")]
    if item.url is not None:
        out["renditions"] = [{"name": "web", "href": _uri(item.url), "contentType": "text/html"}]
    if item.image is not None:
        out["associations"] = [_image(item.image, "image")]
    return out


def _related(block: RelatedBlock, name: str) -> dict[str, Any]:
    see_all = block.see_all
    uri = f"urn:newsitem:{name}" if see_all is None else _uri(see_all.url)
    out: dict[str, Any] = {"name": name, "uri": uri, "type": "composite"}
    if block.title is not None:
        out["headlines"] = [_text_block("main", block.title)]
    if see_all is not None:
        link: dict[str, Any] = {"name": "see-all", "href": _uri(see_all.url)}
        if see_all.text is not None:
            link["title"] = see_all.text
        out["renditions"] = [link]
    out["associations"] = [
        _related_item(item, f"item-{index}", f"{name}:item-{index}")
        for index, item in enumerate(block.items)
    ]
    return out


def _author(author: Author) -> dict[str, Any]:
    out: dict[str, Any] = {"name": author.name, "rel": "author"}
    if author.url is not None:
        out["uri"] = _uri(author.url)
    contacts = []
    if author.email is not None:
        contacts.append({"type": "email", "value": author.email})
    contacts.extend({"type": "web", "value": url} for url in author.same_as)
    if contacts:
        out["contactInfo"] = contacts
    return out


def _generate(brief: Brief, version: str) -> dict[str, Any]:
    """Write what the model's own fields say, in 3.x spelling, with no extensions."""
    out: dict[str, Any] = {
        "standard": {"name": "ninjs", "version": version, "schema": _SCHEMA_URL.format(version)},
        "uri": _brief_uri(brief),
        "type": "text",
    }
    _put_date(out, "firstCreated", brief.published)
    _put_date(out, "versionCreated", brief.modified)
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
                entry["uri"] = _uri(source.url)
            sources.append(entry)
        out["infoSources"] = sources
    if brief.url is not None:
        out["renditions"] = [{"name": "web", "href": _uri(brief.url), "contentType": "text/html"}]
    associations = [_image(image, f"image-{i}") for i, image in enumerate(brief.images)]
    associations += [_video(video, f"video-{i}") for i, video in enumerate(brief.videos)]
    associations += [_related(block, f"related-{i}") for i, block in enumerate(brief.related)]
    if associations:
        out["associations"] = associations
    return out


def _nested_extensions(extensions: Mapping[str, JSONValue], at: str) -> Iterator[tuple[str, str]]:
    for key in extensions:
        yield key_path(f"{at}.extensions", key), "ninjs keeps no extensions of nested objects"


def _model_losses(brief: Brief, at: str) -> Iterator[tuple[str, str]]:
    """What of a brief's fields ninjs cannot hold (docs/formats.md lists it)."""
    if brief.reading_time is not None:
        yield f"{at}.reading_time", "ninjs has no reading time"
    for index, author in enumerate(brief.authors):
        where = f"{at}.authors[{index}]"
        for field in ("avatar", "bio", "role"):
            if getattr(author, field) is not None:
                yield f"{where}.{field}", f"ninjs people and organisations have no {field}"
        yield from _nested_extensions(author.extensions, where)
    for index, image in enumerate(brief.images):
        yield from _nested_extensions(image.extensions, f"{at}.images[{index}]")
    for index, source in enumerate(brief.attributions):
        for field in ("date", "date_text", "text"):
            if getattr(source, field) is not None:
                yield f"{at}.attributions[{index}].{field}", f"ninjs info sources have no {field}"
    for index, video in enumerate(brief.videos):
        where = f"{at}.videos[{index}]"
        if (video.provider is None) != (video.video_id is None):
            field = "provider" if video.video_id is None else "video_id"
            yield f"{where}.{field}", "ninjs keeps a provider only with its video id"
        yield from _nested_extensions(video.extensions, where)
        if video.thumbnail is not None:
            yield from _nested_extensions(video.thumbnail.extensions, f"{where}.thumbnail")
    for index, block in enumerate(brief.related):
        where = f"{at}.related[{index}]"
        yield from _nested_extensions(block.extensions, where)
        for number, item in enumerate(block.items):
            yield from _nested_extensions(item.extensions, f"{where}.items[{number}]")
            if item.image is not None:
                image_at = f"{where}.items[{number}].image"
                yield from _nested_extensions(item.image.extensions, image_at)


def _spell(name: str, major: int) -> str:
    """A property name, given in either spelling, in the spelling of ``major``."""
    camel = _TO_3.get(name, name)
    return _TO_2.get(camel, camel) if major == 2 else camel


def _extension_problems(
    check: Conformance, target: str, value: Any, version: str
) -> list[tuple[str, str]] | None:
    """How a kept property breaks the written version (``None``: the version lacks it)."""
    problems = check.property_errors(target, value)
    declared = value.get("version") if target == "standard" and isinstance(value, dict) else None
    if problems is not None and declared not in (None, version):
        problems.append(("$.standard.version", f"declares {declared!r}, not {version!r}"))
    return problems


def _ignore_loss(path: str, message: str) -> None:
    """The default loss handler: losses go untold."""


def to_ninjs(
    obj: Any, *, version: str = "3.0", on_loss: LossHandler | None = None, **options: Any
) -> dict[str, Any]:
    """Write a brief as a ninjs document valid against its version's official schema.

    Args:
        obj: A :class:`~newsitem.Brief`, or a :class:`~newsitem.Page` with a brief.
        version: The ninjs version: ``"3.0"`` (default), ``"3.1"``, ``"2.1"``, ``"2.2"``;
            ``"3.x"`` and ``"2.x"`` name the latest of each. 2.0 is read, not written: its
            schema lacks fields 2.1 added (``contactinfo`` of people), so 2.x means 2.2.
        on_loss: Called as ``on_loss(path, message)`` for everything left out: model
            fields ninjs has no place for, extensions outside ``ninjs:``, and ``ninjs:``
            extensions that the version lacks (``digitalSourceType`` in 3.0, 3.x event
            details in 2.x) or that would break its schema (``urgency: 0.1`` read from an
            invalid document). Paths are JSONPaths into the model's native JSON.
        options: Accepted for the render registry's uniform call; none is used.

    Returns:
        The document, with 2.x or 3.x key spelling.

    Raises:
        RenderError: ``obj`` is not a brief (or a page with one), has neither ``id`` nor
            ``url`` for the required ``uri``, or ``version`` is unknown.
    """
    del options
    report = _ignore_loss if on_loss is None else on_loss
    brief, at = _brief_of(obj, report)
    concrete = _concrete(version)
    major = int(concrete[0])
    check = conformance(concrete)
    out = _generate(brief, concrete)
    if major == 2:
        out = _respell(out, _TO_2)
    for path, message in _model_losses(brief, at):
        report(path, message)
    for key, value in brief.extensions.items():
        where = key_path(f"{at}.extensions", key)
        namespace, _, name = key.partition(":")
        if namespace != "ninjs":
            report(where, "ninjs has no place for extensions outside the ninjs: namespace")
            continue
        if key == _OMIT:
            continue
        target = _spell(name, major)
        candidate = json_copy(value)
        if major == 2:
            candidate = _respell(candidate, _TO_2)
        problems = _extension_problems(check, target, candidate, concrete)
        if problems is None:
            report(where, f"ninjs {concrete} has no property {target!r}")
        elif problems:
            path, problem = problems[0]
            report(where, f"not valid in ninjs {concrete}, left out ({path}: {problem})")
        else:
            out[target] = candidate
    omit = brief.extensions.get(_OMIT)
    for omitted in omit if isinstance(omit, list) else ():
        if isinstance(omitted, str) and _spell(omitted, major) != "uri":
            out.pop(_spell(omitted, major), None)
    broken = check.errors(out)
    if broken:  # never expected: the generated part is valid by construction
        listed = "; ".join(f"{path}: {problem}" for path, problem in broken[:3])
        raise RenderError(f"the brief would not be valid ninjs {concrete}: {listed}")
    return out


def _brief_of(obj: Any, report: LossHandler) -> tuple[Brief, str]:
    """The brief to write and its JSONPath; a page's other fields are told as lost."""
    from newsitem.models import Page

    if isinstance(obj, Page) and obj.brief is not None:
        for field in ("url", "site_name", "title", "language", "blocks"):
            value = getattr(obj, field)
            if value and value != getattr(obj.brief, field, None):
                report(f"$.{field}", "ninjs holds the page's brief, not the page")
        for path, message in _nested_extensions(obj.extensions, "$"):
            report(path, message)
        return obj.brief, "$.brief"
    if isinstance(obj, Brief):
        return obj, "$"
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

    def date(self, item: Mapping[str, Any], key: str, path: str) -> DateValue | None:
        """A date-time property, or the date alone the writer keeps as an alternative id."""
        value = self.p.date(item, key, path)
        if value is not None or key in item:
            return value
        for where, alt_id in self.blocks(item, "altIds", path):
            if alt_id.get("role") == _DATE_ROLE + key and isinstance(alt_id.get("value"), str):
                return self.p.parse_date(alt_id["value"], key_path(where, "value"))
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
            published=self.date(item, "firstCreated", path),
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
            published=self.date(item, "firstCreated", path),
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


def _id_of(uri: str | None) -> str | None:
    """A brief's id from its ``uri``: the id the writer had to wrap in a URN of ours."""
    if uri is not None and uri.startswith(_ID_URN):
        return unquote(uri.removeprefix(_ID_URN))
    return uri


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
        "id": None if uri == url else _id_of(uri),
        "url": url,
        "label": label[2] if label else None,
        "published": r.date(doc, "firstCreated", "$"),
        "modified": r.date(doc, "versionCreated", "$"),
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


def _schema_version(doc: Mapping[str, Any], version: str | None) -> str:
    """The version whose official schema a strict reading holds a document to."""
    if version is None:
        declared = _declared(doc, [v for v in SCHEMA_FILES if v != "2.x-dev"])
        if declared is not None:
            return declared
        version = "2.x" if _spelling(doc) == 2 else "3.x"
    if version not in READ_VERSIONS and version not in _CONCRETE:
        raise UnknownFormatError("ninjs version", version, READ_VERSIONS)
    return _CONCRETE.get(version, version)


def read_ninjs(data: Any, *, version: str | None = None, strict: bool = False) -> Brief:
    """Read a ninjs 2.x or 3.x document into a brief.

    Args:
        data: JSON text, bytes, or the decoded document.
        version: ``"2.x"`` or ``"3.x"`` (or an exact version) to override detection by
            the ``standard`` the document declares and the spelling of its keys.
        strict: Hold the document to the official IPTC schema of its version first
            (2.0, 2.1, 2.2, 3.0, 3.1, or ``"2.x-dev"`` when asked for); ``"2.x"`` and
            ``"3.x"`` mean 2.2 and 3.1. As in IPTC's own test suite, ``format`` is an
            annotation. Needs ``jsonschema`` (``pip install 'newsitem[schema]'``).

    Returns:
        The brief; properties without a home in the models are in its ``extensions``.

    Raises:
        JSONParseError: invalid JSON, or a document that is not ninjs: not an object, no
            ``uri``, headlines or bodies without string values, associations without
            ``name`` or ``uri``, dates or languages that cannot be read; with ``strict``,
            anything the schema refuses. Every problem is listed with its JSONPath.
        UnknownFormatError: ``strict`` with a ``version`` that has no schema.
        ImportError: ``strict`` without ``jsonschema`` installed.
    """
    doc = decode_json(data, "ninjs")
    if not isinstance(doc, dict):
        raise JSONParseError(
            "invalid ninjs document", [("$", f"expected object, got {json_type(doc)}")]
        )
    if strict:
        schema_version = _schema_version(doc, version)
        refused = schema_problems(doc, schema_version)
        if refused:
            raise JSONParseError(f"not valid ninjs {schema_version}", refused)
        version = version or schema_version
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


def read_ninjs_collection(
    data: Any, *, version: str | None = None, strict: bool = False
) -> tuple[Brief, ...]:
    """Read a collection: a JSON array of ninjs documents (IPTC's "collection" examples).

    ``version`` and ``strict`` apply to each document as in :func:`read_ninjs`.

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
            out.append(read_ninjs(doc, version=version, strict=strict))
        except JSONParseError as exc:
            problems.extend((f"$[{index}]{path[1:]}", message) for path, message in exc.problems)
    if problems:
        raise JSONParseError(f"{len(problems)} problems in a ninjs collection", problems)
    return tuple(out)
