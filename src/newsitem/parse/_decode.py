"""Turn a downloaded page into an lxml tree: bytes into text, text into the tree.

:func:`read_tree` is the one entry: it decides how the page is read (as UTF-8 bytes
handed to the parser, or decoded to text first), checks that it is HTML under the size
limit, and parses it.

Bytes are decoded by their byte-order mark, then by the transport's hint (a WARC's or
HTTP response's ``Content-Type`` charset), then by the charset the document declares
(``<meta charset>``, ``<meta http-equiv="Content-Type">`` or an XML declaration) within its
first few kilobytes, then by detection: UTF-8 when the bytes are valid UTF-8, else
Windows-1252, which is what browsers assume for undeclared Western pages. A page that
declares a legacy charset but whose non-ASCII bytes are all valid UTF-8 is read as UTF-8:
such a page was re-encoded without its declaration being updated (valid UTF-8 by chance
is vanishingly rare in legacy-encoded text).
"""

from __future__ import annotations

import codecs
import re
from typing import Final, NamedTuple

import lxml.etree
import lxml.html

from newsitem.errors import HTMLParseError
from newsitem.parse._notes import Notes

__all__ = [
    "SourceTree",
    "check_html",
    "decode_html",
    "parse_tree",
    "read_tree",
    "surely_html",
    "utf8_expected",
]

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PRESCAN: Final = 4096
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_:.+-]+)""",
    re.IGNORECASE,
)
_LOOKS_LIKE_HTML = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|span|a|h[1-6]"
    r"|table|ul|ol|script|link|!--)[\s>/]",
    re.IGNORECASE,
)
# Labels browsers treat as another encoding (WHATWG Encoding Standard).
_ALIASES: Final = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                   "us-ascii": "cp1252", "ascii": "cp1252", "x-sjis": "shift_jis",
                   "gb2312": "gb18030", "gbk": "gb18030", "unicode": "utf-8",
                   "utf-16": "utf-8", "utf-32": "utf-8"}  # fmt: skip


def _codec_for(label: str) -> str | None:
    name = _ALIASES.get(label.lower(), label.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _named_codec(data: bytes, hint: str | None) -> tuple[str | None, bool]:
    """The codec the transport's ``hint`` names (and ``True``), else the one the page
    declares in its first bytes (and ``False``); ``None`` when neither names a known one."""
    if hint:
        codec = _codec_for(hint.strip().strip("\"'"))
        if codec is not None:
            return codec, True
    match = _DECLARED.search(data[:_PRESCAN])
    if match is None:
        return None, False
    return _codec_for((match.group(1) or match.group(2)).decode("ascii", "replace")), False


def decode_html(data: bytes, *, hint: str | None = None) -> tuple[str, str]:
    """Decode page bytes; return the text and the name of the encoding used.

    Args:
        data: The page bytes.
        hint: A charset label from the transport, used after the byte-order mark and
            before the page's own declaration; an unknown label is ignored.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    codec, given = _named_codec(data, hint)
    if codec is not None:
        # A legacy declaration on bytes that are all valid UTF-8: read as UTF-8.
        if not given and codec != "utf-8" and not data.isascii():
            try:
                return data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        return data.decode(codec, errors="replace"), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def utf8_expected(data: bytes, *, hint: str | None = None) -> bool:
    """Whether :func:`decode_html` reads ``data`` as UTF-8, without a byte-order mark, when
    it is valid UTF-8: then a parser may read the bytes themselves.

    >>> utf8_expected("<meta charset=utf-8><p>café".encode()), utf8_expected(b"<p>plain")
    (True, True)
    >>> utf8_expected(b"<meta charset=iso-8859-1><p>plain"), utf8_expected(b"<p>", hint="latin1")
    (False, False)
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    codec, given = _named_codec(data, hint)
    if codec is None:
        return True
    return codec == "utf-8" or (not given and not data.isascii())


def surely_html(data: bytes, *, max_chars: int) -> bool:
    """Whether :func:`check_html` passes the text of ``data``, known from its first 64 KB
    when ``data`` is valid UTF-8 (``False``: not known so; decode it and check the text).

    Its first 4,096 characters and a prefix of its first 65,536 are read exactly; what
    holds in them holds in the text (which has no more characters than ``data`` bytes).

    >>> surely_html("<p>café</p>".encode(), max_chars=100), surely_html(b"<p>", max_chars=2)
    (True, False)
    """
    if len(data) > max_chars:
        return False
    # Read first as far as the NUL check looks (at most one character is cut at the end),
    # and only if need be as far as the tag search looks.
    head = data[: 4 * _PRESCAN + 4].decode("utf-8", "ignore")
    if "\x00" in head[:_PRESCAN]:
        return False
    if _LOOKS_LIKE_HTML.search(head) is not None:
        return True
    return _LOOKS_LIKE_HTML.search(data[:65536].decode("utf-8", "ignore")) is not None


def check_html(text: str, *, max_chars: int) -> None:
    """Refuse text that is over the size limit or that is not HTML at all.

    Raises:
        HTMLParseError: saying which of the two it is.
    """
    if len(text) > max_chars:
        raise HTMLParseError(
            f"page of {len(text):,} characters is over the limit of {max_chars:,}"
            " (ParseOptions.max_chars)"
        )
    if "\x00" in text[:_PRESCAN]:
        raise HTMLParseError("input is not HTML: it holds NUL bytes (binary data?)")
    if not _LOOKS_LIKE_HTML.search(text[:65536]):
        stripped = text.lstrip()[:40]
        raise HTMLParseError(f"input is not HTML: no HTML tag found (starts with {stripped!r})")


# libxml2 reports no more than this many errors in a document: past it, a byte sequence
# that is not UTF-8 may go unreported.
_MAX_REPORTED: Final = 100
_INVALID_ENCODING: Final = lxml.etree.ErrorTypes.ERR_INVALID_ENCODING


def parse_tree(text: str | bytes) -> lxml.html.HtmlElement:
    """Parse HTML into an lxml tree, comments and processing instructions dropped.

    Args:
        text: The page as text, or as UTF-8 bytes (parsed as such whatever the page
            declares; libxml2 then reads them without converting a Python string).

    Raises:
        HTMLParseError: lxml could not build a document from it.
        UnicodeDecodeError: ``text`` is bytes that are not valid UTF-8 (libxml2 checks
            them as it reads them, as strictly as Python's decoder).
    """
    # huge_tree: libxml2 otherwise stops at 256 levels of nesting and drops the rest of the
    # page, the article included; the size limit is ParseOptions.max_chars.
    parser = lxml.html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
        huge_tree=True,
        encoding="utf-8" if isinstance(text, bytes) else None,
    )
    # Every element an HtmlElement, by a lookup inside lxml: lxml.html's default lookup
    # calls a Python function for each element.
    parser.set_element_class_lookup(
        lxml.etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    if isinstance(text, str) and text.startswith("<?xml"):
        text = re.sub(r"^<\?xml[^>]*>", "", text)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise HTMLParseError(f"input is not HTML: {exc}") from None
    if root is None:
        raise HTMLParseError("input is not HTML: the parser found no document")
    if isinstance(text, bytes):
        log = parser.error_log
        if len(log) >= _MAX_REPORTED:  # an invalid sequence may have gone unreported
            text.decode("utf-8")
        elif any(entry.type == _INVALID_ENCODING for entry in log):
            raise UnicodeDecodeError("utf-8", text, 0, len(text), "not valid UTF-8")
    return root


class SourceTree(NamedTuple):
    """A page's tree, and what it was parsed from (to parse it again, untouched)."""

    root: lxml.html.HtmlElement
    source: str | bytes


def read_tree(html: str | bytes, *, max_chars: int, hint: str | None, notes: Notes) -> SourceTree:
    """Read a downloaded page into its tree.

    Bytes that would be read as UTF-8 (see :func:`utf8_expected`) are parsed as they are,
    the parser checking that they are UTF-8, so that they are not decoded twice; bytes
    that are not UTF-8 after all, or whose first 64 KB do not show HTML, are decoded and
    checked as text first, as any other page.

    Args:
        html: The page, as text or bytes.
        max_chars: The largest page accepted, in characters after decoding.
        hint: The charset the transport gave, if any (see :func:`decode_html`).
        notes: Receives a note naming the encoding used.

    Raises:
        HTMLParseError: The input is not HTML or is over the size limit.
        TypeError: ``html`` is neither ``str`` nor ``bytes``.
    """
    if isinstance(html, bytes | bytearray) and len(html) <= max_chars * 4:
        data = bytes(html)
        if (
            utf8_expected(data, hint=hint)
            and not data.startswith(b"<?xml")
            and surely_html(data, max_chars=max_chars)
        ):
            try:
                root = parse_tree(data)
            except UnicodeDecodeError:
                pass  # not UTF-8 after all: decoded below as decode_html decides
            else:
                notes.add("decode", "decoded as utf-8")
                return SourceTree(root, data)
    text, source = _decode_source(html, max_chars=max_chars, hint=hint, notes=notes)
    check_html(text, max_chars=max_chars)
    return SourceTree(parse_tree(source), source)


def _decode_source(
    html: str | bytes, *, max_chars: int, hint: str | None, notes: Notes
) -> tuple[str, str | bytes]:
    """The page's text, and what to parse: the bytes themselves when they are the text's
    clean UTF-8 (no byte-order mark, nothing replaced), else the text."""
    if isinstance(html, str):
        return html, html
    if not isinstance(html, bytes | bytearray):
        raise TypeError(f"html: expected str or bytes, got {type(html).__name__}")
    if len(html) > max_chars * 4:
        raise HTMLParseError(
            f"page of {len(html):,} bytes is over the limit (ParseOptions.max_chars)"
        )
    data = bytes(html)
    text, encoding = decode_html(data, hint=hint)
    notes.add("decode", f"decoded as {encoding}")
    clean = encoding == "utf-8" and not data.startswith(codecs.BOM_UTF8) and "\ufffd" not in text
    return text, data if clean and not text.startswith("<?xml") else text
