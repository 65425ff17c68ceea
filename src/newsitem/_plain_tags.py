"""Plain tags: start tags written so that every HTML tokenizer reads them alike.

A tag is plain when its attribute names hold no quote, ``<``, ``>``, ``/``, ``=`` or white
space, and its values are quoted and hold no ``<`` or ``>``: how lxml writes a tree built from
well-formed markup. libxml2 keeps names such as ``=`` from broken markup and writes them back
so that an HTML5 tokenizer reads other attributes out of them; in plain markup a tokenizer
reads exactly the attributes the tree had.

The sanitizer's bounded entry relies on this to know how many attributes an element holds
without tokenizing; the HTML parser uses it to drop the names that would break it.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["is_plain_attribute_name", "is_plain_markup"]

_PLAIN_NAME: Final = r"[^\s\"'<>/=\x00]++"
_PLAIN_VALUE: Final = r"(?:=(?:\"[^\"<>]*+\"|'[^'<>]*+'))?+"
_PLAIN_NAME_PATTERN: Final = re.compile(_PLAIN_NAME)


def is_plain_attribute_name(name: str) -> bool:
    """Whether every HTML tokenizer reads the attribute name ``name`` alike.

    >>> is_plain_attribute_name("data-id"), is_plain_attribute_name('a"b')
    (True, False)
    """
    return _PLAIN_NAME_PATTERN.fullmatch(name) is not None


def _unplain_tag(max_attributes: int) -> re.Pattern[str]:
    """Finds the first ``<`` that does not open a plain start tag (plain names, quoted
    values, at most ``max_attributes`` of them) or an end tag. (``re`` caches it.)"""
    return re.compile(
        rf"<(?![A-Za-z/])|<[A-Za-z][^\s/>]*+"
        rf"(?!(?:\s++{_PLAIN_NAME}{_PLAIN_VALUE}){{0,{max_attributes}}}+\s*+/?>)"
    )


def is_plain_markup(html: str, max_attributes: int) -> bool:
    """Whether every ``<`` in ``html`` opens a plain start tag with at most
    ``max_attributes`` attributes, or an end tag.

    >>> is_plain_markup('<p class="a" title="b">x</p><br>', 32)
    True
    >>> is_plain_markup('<span a ==" x=1">', 32), is_plain_markup("<b x y z>", 2)
    (False, False)
    """
    return _unplain_tag(max_attributes).search(html) is None
