"""The HTML tree builder's element categories, as both limit scans follow them.

The names and sets follow the HTML standard's tree construction: which elements are void,
special, formatting, which close an open ``<p>``, which bound a scope, and so on.
"""

from __future__ import annotations

import types
from typing import Final

__all__ = [
    "BREAKOUT",
    "CLOSES_P",
    "DD_DT",
    "FORMATTING",
    "HEADINGS",
    "IGNORED",
    "INTEGRATION",
    "ITSELF",
    "LI",
    "MARKERS",
    "MATH_INTEGRATION",
    "RAW_TEXT",
    "RAW_TEXT_OR_PLAINTEXT",
    "SCOPE",
    "SCOPED_END",
    "SPECIAL",
    "SVG_INTEGRATION",
    "TABLE_END",
    "TABLE_PARTS",
    "TABLE_SCOPE",
    "TABLE_SCOPE_OR_MARKER",
    "VOID",
    "P",
]

VOID: Final = frozenset(
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
        "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    }
)  # fmt: skip
RAW_TEXT: Final = frozenset({"iframe", "noembed", "noframes", "style", "textarea", "title", "xmp"})
FORMATTING: Final = frozenset(
    {
        "a",
        "b",
        "big",
        "code",
        "em",
        "font",
        "i",
        "nobr",
        "s",
        "small",
        "strike",
        "strong",
        "tt",
        "u",
    }
)
SPECIAL: Final = frozenset(
    {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound",
        "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption",
        "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li",
        "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes",
        "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search",
        "section", "select", "source", "style", "summary", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr",
        "xmp",
    }
)  # fmt: skip
MARKERS: Final = frozenset({"applet", "caption", "marquee", "object", "td", "th", "template"})
SCOPE: Final = frozenset(
    {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
     "ol", "ul", "button", "select"}
)  # fmt: skip
TABLE_SCOPE: Final = frozenset({"html", "table", "template"})
TABLE_PARTS: Final = frozenset({"caption", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"})
TABLE_END: Final = frozenset({"table", "tbody", "thead", "tfoot", "tr", "caption", "colgroup"})
CLOSES_P: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir",
        "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "li", "dd", "dt", "listing", "main",
        "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table", "ul", "xmp",
        "plaintext",
    }
)  # fmt: skip
#: End tags the tree builder closes by scope; any other end tag stops at a special element.
SCOPED_END: Final = frozenset(
    {
        "address", "applet", "article", "aside", "blockquote", "button", "caption", "center",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "li", "listing", "main", "marquee", "menu", "nav", "object",
        "ol", "p", "pre", "search", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "ul",
    }
)  # fmt: skip
HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BREAKOUT: Final = frozenset(
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt",
        "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
        "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
        "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    }
)  # fmt: skip
SVG_INTEGRATION: Final = frozenset({"foreignobject", "desc", "title"})
MATH_INTEGRATION: Final = frozenset({"mi", "mo", "mn", "ms", "mtext"})
IGNORED: Final = frozenset({"html", "head", "body"})
INTEGRATION: Final = SVG_INTEGRATION | MATH_INTEGRATION
LI: Final = frozenset({"li"})
DD_DT: Final = frozenset({"dd", "dt"})
P: Final = frozenset({"p"})
ITSELF: Final = types.MappingProxyType(
    {name: frozenset({name}) for name in ("a", "nobr", "button")}
)
TABLE_SCOPE_OR_MARKER: Final = TABLE_SCOPE | MARKERS
RAW_TEXT_OR_PLAINTEXT: Final = RAW_TEXT | {"plaintext"}
