"""Helpers for reading and changing a page tree, shared by every extractor.

Text (:func:`text_content`, :func:`normalize_space`, :func:`xpath_text`), what an
element's attributes say (:func:`class_and_id`, :func:`is_hidden`, :func:`search_words`),
where it sits (:func:`is_inside`), and taking it out (:func:`remove_element`).
"""

from __future__ import annotations

import re
from typing import Final

import lxml.etree
import lxml.html

__all__ = [
    "ASCII_LOOKALIKES",
    "class_and_id",
    "is_hidden",
    "is_inside",
    "normalize_space",
    "remove_element",
    "search_words",
    "text_content",
    "xpath_text",
]

# The characters other than ASCII letters that a case-blind regular expression takes for
# an ASCII letter (Python's, with Unicode case folding), and that letter.
ASCII_LOOKALIKES: Final = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_LOOKALIKE = re.compile("[" + "".join(ASCII_LOOKALIKES) + "]")
_UNLOOK: Final = str.maketrans(ASCII_LOOKALIKES)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace into one space and strip the ends (XPath's
    ``normalize-space``).

    >>> normalize_space("  Rain\\n\\t expected ")
    'Rain expected'
    """
    return " ".join(text.split())


def text_content(element: lxml.html.HtmlElement) -> str:
    """The text of ``element`` and everything in it, as ``element.text_content()`` gives
    it, read by the serializer (``text_content()`` evaluates an XPath expression).

    >>> from newsitem.parse._decode import parse_tree
    >>> text_content(parse_tree("<p>Rain <b>and</b> wind</p>tail").find(".//p"))
    'Rain and wind'
    """
    return lxml.etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def xpath_text(root: lxml.html.HtmlElement, path: str | None) -> str | None:
    """The first non-empty text that ``path`` selects under ``root``, whitespace
    normalized: an element's ``datetime`` or ``content`` attribute, else its text; a
    string or attribute result as it is. ``None`` when nothing is selected (or no path
    is given).

    >>> from newsitem.parse._decode import parse_tree
    >>> xpath_text(parse_tree("<p><time datetime='2022-12-14'>Wed</time></p>"), "//time")
    '2022-12-14'
    """
    if path is None:
        return None
    for found in root.xpath(path):
        if isinstance(found, lxml.html.HtmlElement):
            text = found.get("datetime") or found.get("content") or text_content(found)
        else:
            text = str(found)
        text = normalize_space(text)
        if text:
            return text
    return None


def class_and_id(element: lxml.html.HtmlElement) -> str:
    """Return an element's class and id, space-separated."""
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def is_hidden(element: lxml.html.HtmlElement) -> bool:
    """Whether an attribute or inline style hides the element."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def search_words(text: str, words: tuple[str, ...], pattern: re.Pattern[str]) -> bool:
    """Whether the case-blind ``pattern`` matches ``text``, where every match of it holds
    one of ``words`` (lower-case ASCII).

    Text that holds none of the words, once lower-cased (with the letters the expression
    takes for ASCII ones made ASCII), cannot match and is passed over without running
    the expression: most texts are, and a case-blind expression reads text slowly.

    >>> search_words("site-footer", ("footer",), re.compile("footer", re.IGNORECASE))
    True
    >>> search_words("SITE-FOOTER", ("footer",), re.compile("footer", re.IGNORECASE))
    True
    """
    lowered = text.lower()
    if not text.isascii() and _LOOKALIKE.search(text) is not None:
        lowered = text.translate(_UNLOOK).lower()
    if not any(map(lowered.__contains__, words)):
        return False
    return pattern.search(text) is not None


def is_inside(element: lxml.html.HtmlElement, ancestor: lxml.html.HtmlElement) -> bool:
    """Tell whether ``ancestor`` is a proper ancestor of ``element``."""
    node = element.getparent()
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


def remove_element(element: lxml.html.HtmlElement) -> None:
    """Remove an element and its subtree, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
