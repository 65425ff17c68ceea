"""Element, attribute and URL-scheme vocabularies that every policy is checked against."""

from __future__ import annotations

import re
import types
from typing import Final

__all__ = [
    "ATTRIBUTE_NAME",
    "FORBIDDEN_ATTRIBUTES",
    "FORBIDDEN_SCHEMES",
    "LINK_REL",
    "REMOVED_WITH_CONTENT",
    "SAFE_TAGS",
    "SCHEME_NAME",
    "TAG_NAME",
    "URL_ATTRIBUTES",
]

#: Elements removed together with everything inside them, whatever the policy.
REMOVED_WITH_CONTENT: Final = frozenset(
    {
        "applet", "embed", "frame", "frameset", "iframe", "math", "noembed", "noframes",
        "noscript", "object", "plaintext", "script", "select", "style", "svg", "template",
        "textarea", "title", "xmp",
    }
)  # fmt: skip

#: Elements a policy may allow: inert HTML elements with no script, style or raw-text
#: content model (ammonia's default set plus the few news markup needs).
SAFE_TAGS: Final = frozenset(
    {
        "a", "abbr", "acronym", "address", "article", "aside", "b", "bdi", "bdo",
        "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "data",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "img",
        "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "rp", "rt", "rtc", "ruby",
        "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr",
    }
)  # fmt: skip

#: Attributes whose value is a URL, and so is checked against the policy's schemes.
URL_ATTRIBUTES: Final = frozenset({"href", "src", "cite"})

#: Attributes no policy may allow, with the reason the error gives.
FORBIDDEN_ATTRIBUTES: Final = types.MappingProxyType(
    {
        "style": "CSS can hide, overlay or exfiltrate",
        "srcdoc": "it holds a whole document",
        "target": "it opens windows the page does not control",
        "formaction": "it submits forms to any URL",
        "action": "it submits forms to any URL",
        "rel": "the policy sets rel on links itself",
        "id": "ids let content clobber the host page's globals",
        "name": "names let content clobber the host page's globals",
        "srcset": "its URLs are not checked",
        "ping": "its URLs are not checked",
        "background": "its URLs are not checked",
        "poster": "its URLs are not checked",
        "longdesc": "its URLs are not checked",
        "usemap": "it reaches outside the fragment",
        "is": "it upgrades elements into the host page's custom elements",
        "autofocus": "it steals focus from the host page",
    }
)

FORBIDDEN_SCHEMES: Final = frozenset(
    {"javascript", "vbscript", "livescript", "mocha", "data", "blob", "filesystem", "jar"}
)
SCHEME_NAME: Final = re.compile(r"[a-z][a-z0-9+.\-]*\Z")
TAG_NAME: Final = re.compile(r"[a-z][a-z0-9]*\Z")
ATTRIBUTE_NAME: Final = re.compile(r"[a-z][a-z0-9\-]*\Z")

LINK_REL: Final = "noopener noreferrer nofollow"
