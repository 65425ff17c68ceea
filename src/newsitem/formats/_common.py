"""Helpers the foreign-format readers and writers share: problems with JSON paths, dates,
languages, durations, markup and plain text.

A reader collects every problem of a document in a :class:`Problems` list, each with its
JSONPath, and raises them together as one :class:`~newsitem.errors.JSONParseError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any, Final

from newsitem._datevalues import format_date, parse_date, parse_duration
from newsitem._json import MAX_DEPTH, read_json
from newsitem._language import normalize_language
from newsitem._markup import SafeHTML
from newsitem.errors import JSONParseError, ParseError
from newsitem.models import DateValue, JSONValue, is_http_url

__all__ = [
    "Problems",
    "as_list",
    "decode_json",
    "format_iso",
    "html_to_text",
    "json_type",
    "key_path",
    "text_to_html",
]

_JSON_TYPES: Final = {
    dict: "object",
    list: "array",
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
}


def json_type(value: object) -> str:
    """Name the JSON type of ``value`` ("object", "string" ...) for error messages."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


def key_path(path: str, key: str) -> str:
    """Extend a JSONPath with an object member, quoting names that are not identifiers.

    >>> key_path("$", "headline"), key_path("$", "@graph"), key_path("$.a", "x y")
    ('$.headline', "$['@graph']", "$.a['x y']")
    """
    if key.isidentifier():
        return f"{path}.{key}"
    return f"{path}[{key!r}]"


def as_list(value: object) -> list[Any]:
    """Return ``value`` as a list: a list as is, ``None`` as empty, anything else wrapped.

    >>> as_list(None), as_list("a"), as_list(["a", "b"])
    ([], ['a'], ['a', 'b'])
    """
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def decode_json(data: object, what: str) -> Any:
    """Decode text or bytes strictly; pass decoded JSON through after checking its depth.

    Raises:
        JSONParseError: invalid JSON text, or a decoded value nested too deeply.
    """
    if isinstance(data, str | bytes | bytearray):
        return read_json(data)
    _check_depth(data, what)
    return data


def _check_depth(value: object, what: str) -> None:
    stack: list[tuple[object, str, int]] = [(value, "$", 0)]
    while stack:
        node, path, depth = stack.pop()
        if isinstance(node, dict | list) and depth >= MAX_DEPTH:
            raise JSONParseError(
                f"invalid {what} document", [(path, f"nested more than {MAX_DEPTH} levels deep")]
            )
        if isinstance(node, dict):
            stack.extend((v, key_path(path, str(k)), depth + 1) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in enumerate(node))
        elif (isinstance(node, float) and node != node) or node in (float("inf"), float("-inf")):
            raise JSONParseError(
                f"invalid {what} document", [(path, f"{node} is not a JSON number")]
            )


class Problems:
    """The problems found in one document, each a ``(path, message)`` pair."""

    __slots__ = ("items", "what")

    def __init__(self, what: str) -> None:
        self.what = what
        self.items: list[tuple[str, str]] = []

    def add(self, path: str, message: str) -> None:
        """Record a problem at ``path``."""
        self.items.append((path, message))

    def raise_if_any(self) -> None:
        """Raise every recorded problem as one error.

        Raises:
            JSONParseError: when at least one problem was recorded.
        """
        if self.items:
            count = "1 problem" if len(self.items) == 1 else f"{len(self.items)} problems"
            raise JSONParseError(f"{count} in a {self.what} document", self.items)

    # --- typed getters: a wrong type is recorded and the value read as absent ----------

    def text(self, obj: Mapping[str, Any], key: str, path: str) -> str | None:
        """Read a string member; blank strings read as absent."""
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.add(key_path(path, key), f"expected string, got {json_type(value)}")
            return None
        return value if value.strip() else None

    def url(
        self, obj: Mapping[str, Any], key: str, path: str, base_url: str | None = None
    ) -> str | None:
        """Read a URL member, resolved against ``base_url``; a non-http(s) URL is a problem."""
        value = self.text(obj, key, path)
        if value is None:
            return None
        return self.check_url(value.strip(), key_path(path, key), base_url)

    def check_url(self, value: str, path: str, base_url: str | None = None) -> str | None:
        """Resolve ``value`` against ``base_url`` and check it is an absolute http(s) URL."""
        if base_url is not None and not is_http_url(value):
            from urllib.parse import urljoin

            value = urljoin(base_url, value)
        if not is_http_url(value):
            self.add(path, f"expected an absolute http(s) URL, got {value[:80]!r}")
            return None
        return value

    def date(self, obj: Mapping[str, Any], key: str, path: str) -> DateValue | None:
        """Read a date member with :func:`newsitem._datevalues.parse_date`."""
        value = self.text(obj, key, path)
        if value is None:
            return None
        return self.parse_date(value, key_path(path, key))

    def parse_date(self, value: str, path: str) -> DateValue | None:
        """Read a date or an aware datetime from ``value``; a problem if it is not one."""
        try:
            return parse_date(value)
        except (ParseError, ValueError) as exc:
            self.add(path, str(exc))
            return None

    def duration(self, value: object, path: str) -> timedelta | None:
        """Read a positive duration (ISO 8601 or seconds)."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.add(path, f"expected a duration, got {json_type(value)}")
            return None
        if isinstance(value, str):
            value = normalize_duration(value)
        try:
            result = parse_duration(value)
        except ValueError as exc:
            self.add(path, str(exc))
            return None
        if result <= timedelta(0):
            self.add(path, f"a duration must be positive, got {value!r}")
            return None
        return result

    def language(self, obj: Mapping[str, Any], key: str, path: str) -> str | None:
        """Read a language tag, normalised to BCP 47 canonical case."""
        value = self.text(obj, key, path)
        return None if value is None else self.parse_language(value, key_path(path, key))

    def parse_language(self, value: str, path: str) -> str | None:
        """Normalise a language tag (``en_US`` -> ``en-US``); a problem if it is not one."""
        try:
            return normalize_language(value)
        except ValueError as exc:
            self.add(path, str(exc))
            return None

    def positive_int(self, obj: Mapping[str, Any], key: str, path: str) -> int | None:
        """Read a positive integer member (a numeric string is accepted)."""
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            self.add(key_path(path, key), f"expected a positive integer, got {value!r}")
            return None
        return value


def normalize_duration(text: str) -> str:
    """Mend the duration forms pages write: zero years and months, a missing ``P``.

    >>> normalize_duration("P0Y0M0DT0H10M39S"), normalize_duration("T1M02S")
    ('PT0H10M39S', 'PT1M02S')
    """
    text = text.strip()
    if text[:1] in "Tt":
        text = "P" + text
    text = _ZERO_YM.sub("P", text)
    return re.sub(r"^P0+D(?=T)", "P", text, flags=re.IGNORECASE)


def format_iso(value: date | datetime) -> str:
    """Write a date or an aware datetime in ISO 8601, ``Z`` for UTC.

    >>> from datetime import timezone
    >>> format_iso(datetime(2022, 12, 14, 10, tzinfo=timezone.utc)), format_iso(date(2022, 12, 14))
    ('2022-12-14T10:00:00Z', '2022-12-14')
    """
    text = format_date(value)
    return text[:-6] + "Z" if isinstance(value, datetime) and text.endswith("+00:00") else text


_ZERO_YM: Final = re.compile(r"^P(?:0+Y)?(?:0+M)?(?=\d|T)", re.IGNORECASE)

_BLOCK_TAGS: Final = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "blockquote",
        "pre",
        "table",
        "tr",
        "figure",
        "figcaption",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "dl",
        "dt",
        "dd",
        "hr",
    ]
)
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HIDDEN: Final = re.compile(r"[\U000f0000-\U000f007f]")
_SPACES: Final = re.compile(r"[ \t\r\f\v]+")
_BREAKS: Final = re.compile(r"\s*\n\s*(?:\n\s*)+")


def html_to_text(markup: str) -> str:
    """Turn HTML into plain text, one blank line between paragraphs and blocks.

    >>> html_to_text("<p>One <b>two</b></p><p>Three<br>four</p>")
    'One two\\n\\nThree\\nfour'
    """
    from lxml import html as lxml_html

    if not markup.strip():
        return ""
    # lxml refuses control characters; carry them through as private-use stand-ins.
    hidden = _CONTROL.sub(lambda m: chr(0xF0000 + ord(m.group())), markup)
    root = lxml_html.fragment_fromstring(hidden, create_parent="div")
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
            if element.text is not None or len(element):
                element.text = "\n\n" + (element.text or "")
    text = root.text_content()
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = _BREAKS.sub("\n\n", "\n".join(lines)).strip()
    return _HIDDEN.sub(lambda m: chr(ord(m.group()) - 0xF0000), text) if hidden != markup else text


_TRIM: Final = " \t\r\n"


def text_to_html(text: str) -> SafeHTML:
    """Escape plain text as markup, blank lines becoming paragraphs."""
    from newsitem.sanitize import sanitize_html, sanitize_text

    # Only spaces, tabs and newlines are trimmed: other characters are content.
    paragraphs = [p.strip(_TRIM) for p in re.split(r"\n[ \t\r]*\n", text) if p.strip(_TRIM)]
    if len(paragraphs) <= 1:
        return sanitize_text(text.strip(_TRIM))
    return sanitize_html("".join(f"<p>{sanitize_text(p)}</p>" for p in paragraphs))


def plain_or_none(values: Iterable[str | None]) -> str | None:
    """Return the first value that is not blank."""
    for value in values:
        if value is not None and value.strip():
            return value
    return None


def json_copy(value: Any) -> JSONValue:
    """Copy a decoded JSON value (lists and objects are copied, scalars shared)."""
    if isinstance(value, dict):
        return {k: json_copy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_copy(v) for v in value]
    return value  # type: ignore[no-any-return]
