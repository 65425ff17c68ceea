"""Foreign formats, both directions: IPTC ninjs, schema.org JSON-LD, JSON Feed, RSS/Atom.

Writers (``to_ninjs``, ``to_jsonld``, ``to_jsonfeed``) live in their modules and are
reached by the render registry; readers are reached through :func:`parse_json`, which
detects the format of a JSON document and tells which it found:

>>> result = parse_json('{"uri": "urn:x:1", "headlines": [{"role": "main", "value": "Hi"}]}')
>>> result.format, result.version, result.value.headline
('ninjs', '3.x', 'Hi')
>>> parse_json('{"hello": "world"}')
Traceback (most recent call last):
...
newsitem.errors.FormatDetectionError: cannot tell the format of this JSON document
  $: not native (no "type" tag naming a model), not ninjs (no "uri", ...

RSS and Atom are not JSON: read them with :func:`newsitem.formats.feeds.read_feed`.

One public module per format: ``ninjs``, ``jsonld``, ``jsonfeed`` (JSON Feed, both
directions) and ``feeds`` (RSS and Atom, read with feedparser). Both feed readers give a
:class:`Feed`.
"""

from __future__ import annotations

from typing import Any, Final, TypeAlias

import attrs

from newsitem.errors import FormatDetectionError, UnknownFormatError
from newsitem.formats._feed_model import Feed
from newsitem.models import Author, Brief, Model, RelatedBlock, VideoTeaser

__all__ = ["FORMATS", "Feed", "ParsedJSON", "ParsedValue", "detect_format", "parse_json"]

#: The JSON formats :func:`parse_json` reads, by name.
FORMATS: Final = ("jsonfeed", "jsonld", "native", "ninjs")

#: What a parsed document holds: a model (native), a brief (ninjs), a tuple of briefs (a
#: ninjs collection), the nodes of a JSON-LD document, or a feed.
ParsedValue: TypeAlias = (
    Model | Feed | tuple[Brief, ...] | tuple[Brief | VideoTeaser | Author | RelatedBlock, ...]
)


@attrs.frozen(kw_only=True)
class ParsedJSON:
    """A JSON document read by :func:`parse_json`.

    Args:
        format: The format it was read as: ``"native"``, ``"ninjs"``, ``"jsonld"`` or
            ``"jsonfeed"``.
        version: The version of that format: the native form's number, ninjs ``"2.x"``,
            ``"3.x"`` or the exact version its ``standard`` declares, the JSON Feed
            ``"1.1"`` or ``"1"``; ``None`` for JSON-LD.
        value: What it holds (see :data:`ParsedValue`).
        detected: ``True`` when the format was detected, ``False`` when it was given.
    """

    format: str
    version: str | None
    value: ParsedValue
    detected: bool


def detect_format(doc: Any) -> str:
    """Tell the format of a decoded JSON document.

    Tried in this order: the native ``"type"`` tag; JSON-LD ``@context``/``@graph``/
    ``@type``; a JSON Feed ``version`` URL; ninjs (a ``standard`` naming ninjs, or a
    ``uri`` beside ninjs properties; an array of such documents is a ninjs collection).

    Raises:
        FormatDetectionError: none matched; the message says what was tried.
    """
    from newsitem.converter import MODEL_TYPES

    if isinstance(doc, dict):
        if doc.get("type") in MODEL_TYPES and isinstance(doc.get("version", 1), int):
            return "native"
        if "@context" in doc or "@graph" in doc or "@type" in doc:
            return "jsonld"
        version = doc.get("version")
        if isinstance(version, str) and version.startswith(
            ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")
        ):
            return "jsonfeed"
        standard = doc.get("standard")
        if isinstance(standard, dict) and standard.get("name") == "ninjs":
            return "ninjs"
        if isinstance(doc.get("uri"), str):  # the one property ninjs requires
            return "ninjs"
    if isinstance(doc, list) and doc and all(isinstance(d, dict) for d in doc):
        if all("@context" in d or "@type" in d for d in doc):
            return "jsonld"
        if all(isinstance(d.get("uri"), str) for d in doc):
            return "ninjs"
    raise FormatDetectionError(
        "cannot tell the format of this JSON document",
        [
            (
                "$",
                'not native (no "type" tag naming a model), not ninjs (no "uri", no ninjs '
                '"standard"), not JSON-LD (no "@context", "@graph" or '
                '"@type"), not JSON Feed (no jsonfeed.org "version")',
            )
        ],
    )


def parse_json(data: Any, format: str | None = None) -> ParsedJSON:
    """Read a JSON document of any format newsitem knows.

    Args:
        data: JSON text, bytes, or already-decoded JSON. Text and bytes are decoded
            strictly (no NaN, no duplicate keys, at most 64 levels deep).
        format: ``"native"``, ``"ninjs"``, ``"jsonld"`` or ``"jsonfeed"`` to skip
            detection.

    Returns:
        The format, its version, and the value read.

    Raises:
        JSONParseError: invalid JSON, or a document that breaks its format; every problem
            with its JSONPath.
        FormatDetectionError: no format given and none detected.
        UnknownFormatError: ``format`` names no known format.
    """
    from newsitem.formats._common import decode_json

    if format is not None and format not in FORMATS:
        raise UnknownFormatError("JSON format", format, FORMATS)
    doc = decode_json(data, format or "JSON")
    chosen = format or detect_format(doc)
    detected = format is None
    if chosen == "native":
        from newsitem.converter import FORMAT_VERSION, from_dict

        return ParsedJSON(
            format="native", version=str(FORMAT_VERSION), value=from_dict(doc), detected=detected
        )
    if chosen == "ninjs":
        from newsitem.formats import ninjs

        if isinstance(doc, list):
            version = (
                ninjs.detect_ninjs_version(doc[0]) if doc and isinstance(doc[0], dict) else "3.x"
            )
            return ParsedJSON(
                format="ninjs",
                version=version,
                value=ninjs.read_ninjs_collection(doc),
                detected=detected,
            )
        version = ninjs.detect_ninjs_version(doc) if isinstance(doc, dict) else "3.x"
        return ParsedJSON(
            format="ninjs", version=version, value=ninjs.read_ninjs(doc), detected=detected
        )
    if chosen == "jsonld":
        from newsitem.formats.jsonld import read_jsonld

        return ParsedJSON(
            format="jsonld", version=None, value=tuple(read_jsonld(doc)), detected=detected
        )
    from newsitem.formats.jsonfeed import read_jsonfeed

    version_url = doc.get("version") if isinstance(doc, dict) else None
    feed_version = version_url.rsplit("/", 1)[-1] if isinstance(version_url, str) else None
    return ParsedJSON(
        format="jsonfeed", version=feed_version, value=read_jsonfeed(doc), detected=detected
    )
