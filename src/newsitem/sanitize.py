"""The sanitizer: the one door through which markup enters newsitem.

Everything that ends up as :class:`~newsitem._markup.SafeHTML` went through this module.
A :class:`Policy` says which elements, attributes and URL schemes survive; an engine
(``"nh3"``, the default, or ``"bleach"``) applies it. Both engines sit behind the small
:class:`SanitizerEngine` protocol and nothing outside this module imports either.

>>> from newsitem.sanitize import sanitize_html
>>> sanitize_html('<p onclick="steal()">Hi <a href="javascript:x()">there</a></p>')
SafeHTML('<p>Hi <a rel="noopener noreferrer nofollow">there</a></p>')

Input is checked against the policy's limits (size, nesting depth, attributes per
element) *before* any engine sees it, so a hostile fragment is refused with
:class:`~newsitem.errors.SanitizeError` in bounded time instead of hanging the caller.

.. versionadded:: 0.1
"""

from __future__ import annotations

import functools
import html as _html
import re
import types
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, Protocol, cast

import attrs

from newsitem._markup import SafeHTML, trusted
from newsitem.errors import PolicyError, SanitizeError, UnknownFormatError, ValidationError

__all__ = [
    "BODY_POLICY",
    "ENGINES",
    "INLINE_POLICY",
    "TEXT_POLICY",
    "Policy",
    "SanitizerEngine",
    "get_policy",
    "linkify_text",
    "sanitize_html",
    "sanitize_markdown",
    "sanitize_text",
    "video_player",
    "video_source",
]

# --------------------------------------------------------------------------------------
# Element and attribute vocabularies
# --------------------------------------------------------------------------------------

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
_FORBIDDEN_ATTRIBUTES: Final = types.MappingProxyType(
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

_FORBIDDEN_SCHEMES: Final = frozenset(
    {"javascript", "vbscript", "livescript", "mocha", "data", "blob", "filesystem", "jar"}
)
_SCHEME_NAME: Final = re.compile(r"[a-z][a-z0-9+.\-]*\Z")
_TAG_NAME: Final = re.compile(r"[a-z][a-z0-9]*\Z")
_ATTRIBUTE_NAME: Final = re.compile(r"[a-z][a-z0-9\-]*\Z")

_LINK_REL: Final = "noopener noreferrer nofollow"


# --------------------------------------------------------------------------------------
# Policy
# --------------------------------------------------------------------------------------


def _to_tags(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        raise PolicyError(f"Policy.tags: expected a collection of tag names, got str {value!r}")
    return frozenset(str(tag).lower() for tag in value)


def _to_schemes(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        raise PolicyError(f"URL schemes: expected a collection of names, got str {value!r}")
    return frozenset(str(scheme).lower().rstrip(":") for scheme in value)


def _to_attributes(value: Mapping[str, Iterable[str]]) -> Mapping[str, frozenset[str]]:
    result: dict[str, frozenset[str]] = {}
    for tag in sorted(value, key=str):
        names = value[tag]
        if isinstance(names, str):
            raise PolicyError(
                f"Policy.attributes[{tag!r}]: expected a collection of attribute names, "
                f"got str {names!r}"
            )
        result[str(tag).lower()] = frozenset(str(name).lower() for name in names)
    return types.MappingProxyType(result)


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise PolicyError(f"Policy.{attribute.name}: expected a positive int, got {value!r}")


@attrs.frozen(kw_only=True)
class Policy:
    """What survives sanitizing: elements, attributes, URL schemes and input limits.

    A policy is checked when it is built: one that would let executable content through
    (``svg``, ``math``, ``script`` or another raw-text element, an ``on*`` or ``style``
    attribute, a ``javascript:`` scheme ...) raises :class:`~newsitem.errors.PolicyError`.
    Derive your own from a built-in one with :meth:`derive`, which checks again.

    Attributes:
        name: A label used in error messages.
        tags: Elements kept. Every other element is removed; its text stays, except for
            the elements in :data:`REMOVED_WITH_CONTENT`, which go with their content.
        attributes: Attribute names kept, per element. Attributes listed for an element
            that is not in ``tags`` have no effect.
        link_schemes: URL schemes allowed in ``href`` and ``cite``.
        image_schemes: URL schemes allowed in ``src``.
        user_content: Whether the markup comes from users (comments, bios): links then
            also get ``rel="ugc"``.
        max_bytes: Largest input accepted, in UTF-8 bytes.
        max_depth: Deepest element nesting accepted, as an HTML parser would build it.
        max_attributes: Most attributes accepted on one element.

    >>> from newsitem.sanitize import BODY_POLICY
    >>> bios = BODY_POLICY.derive(name="bio", user_content=True, max_bytes=16_384)
    >>> bios.link_rel
    'noopener noreferrer nofollow ugc'
    >>> BODY_POLICY.derive(tags=BODY_POLICY.tags | {"svg"})
    Traceback (most recent call last):
    ...
    newsitem.errors.PolicyError: policy 'body' allows <svg>, which is never safe: ...
    """

    name: str = "custom"
    tags: frozenset[str] = attrs.field(converter=_to_tags, factory=frozenset)
    attributes: Mapping[str, frozenset[str]] = attrs.field(
        converter=_to_attributes, factory=dict, hash=False
    )
    link_schemes: frozenset[str] = attrs.field(
        converter=_to_schemes, default=frozenset({"http", "https", "mailto"})
    )
    image_schemes: frozenset[str] = attrs.field(
        converter=_to_schemes, default=frozenset({"http", "https"})
    )
    user_content: bool = False
    max_bytes: int = attrs.field(default=1 << 20, validator=_positive)
    max_depth: int = attrs.field(default=256, validator=_positive)
    max_attributes: int = attrs.field(default=32, validator=_positive)

    def __attrs_post_init__(self) -> None:
        for tag in sorted(self.tags):
            if tag in REMOVED_WITH_CONTENT:
                raise PolicyError(
                    f"policy {self.name!r} allows <{tag}>, which is never safe: script, "
                    "style, raw-text, embedding and foreign (svg, math) elements are "
                    "removed with their content"
                )
            if tag not in SAFE_TAGS:
                raise PolicyError(
                    f"policy {self.name!r} allows <{tag}>, which is not a known-safe "
                    f"element; expected one of: {', '.join(sorted(SAFE_TAGS))}"
                )
        for tag, names in self.attributes.items():
            if not _TAG_NAME.match(tag):
                raise PolicyError(f"policy {self.name!r}: {tag!r} is not a tag name")
            for name in sorted(names):
                if name.startswith("on"):
                    raise PolicyError(
                        f"policy {self.name!r} allows the event handler {name!r} on <{tag}>: "
                        "on* attributes run script"
                    )
                if name in _FORBIDDEN_ATTRIBUTES:
                    raise PolicyError(
                        f"policy {self.name!r} allows {name!r} on <{tag}>, which is never "
                        f"safe: {_FORBIDDEN_ATTRIBUTES[name]}"
                    )
                if not _ATTRIBUTE_NAME.match(name) or name.startswith(("xml", "xlink")):
                    raise PolicyError(
                        f"policy {self.name!r}: {name!r} on <{tag}> is not a plain HTML "
                        "attribute name"
                    )
        for field, schemes in (
            ("link_schemes", self.link_schemes),
            ("image_schemes", self.image_schemes),
        ):
            for scheme in sorted(schemes):
                if scheme in _FORBIDDEN_SCHEMES:
                    raise PolicyError(
                        f"policy {self.name!r} allows the {scheme!r} URL scheme in {field}, "
                        "which can run script or smuggle content"
                    )
                if not _SCHEME_NAME.match(scheme):
                    raise PolicyError(
                        f"policy {self.name!r}: {scheme!r} in {field} is not a URL scheme"
                    )
        # Let the default engine reject what it would choke on now, not on first use.
        _run_nh3("", self, None)

    @property
    def link_rel(self) -> str:
        """The ``rel`` value every link gets."""
        return f"{_LINK_REL} ugc" if self.user_content else _LINK_REL

    def derive(self, **changes: Any) -> Policy:
        """Return a copy with ``changes`` applied, checked like a new policy.

        Raises:
            PolicyError: The changed policy would be unsafe.
        """
        return attrs.evolve(self, **changes)


# --------------------------------------------------------------------------------------
# URLs
# --------------------------------------------------------------------------------------

_URL_SCHEME: Final = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_URL_EDGES: Final = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_URL_TAB_NEWLINE: Final = re.compile(r"[\t\n\r]")
# An http(s) URL with no control character or space in it, which the two above leave as it is.
_PLAIN_HTTP_URL: Final = re.compile(r"(https?):[^\x00-\x20]*+")


def _clean_url(value: str, schemes: frozenset[str], base_url: str | None) -> str | None:
    """Return ``value`` as the browser would read it if its scheme is allowed, else None.

    Relative URLs are resolved against ``base_url``, or dropped when there is none.
    """
    plain = _PLAIN_HTTP_URL.fullmatch(value)
    if plain is not None:  # nothing to strip; the scheme is read as it is written
        return value if plain.group(1) in schemes else None
    url = _URL_TAB_NEWLINE.sub("", _URL_EDGES.sub("", value))
    match = _URL_SCHEME.match(url)
    if match is None:
        if base_url is None or not url:
            return None
        url = urllib.parse.urljoin(base_url, url)
        match = _URL_SCHEME.match(url)
        if match is None:  # pragma: no cover - base_url is checked to be absolute
            return None
    return url if match.group(1).lower() in schemes else None


def _check_base_url(base_url: str | None) -> None:
    if base_url is None:
        return
    parts = urllib.parse.urlsplit(base_url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        raise SanitizeError(f"base_url: expected an absolute http(s) URL, got {base_url!r}")


def _filter_attribute(
    policy: Policy, base_url: str | None, tag: str, name: str, value: str
) -> str | None:
    if name == "src":
        return _clean_url(value, policy.image_schemes, base_url)
    if name in URL_ATTRIBUTES:
        return _clean_url(value, policy.link_schemes, base_url)
    return value


# --------------------------------------------------------------------------------------
# Limits: a pre-scan that follows the HTML tokenizer and, roughly, the tree builder
# --------------------------------------------------------------------------------------

_VOID: Final = frozenset(
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
        "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    }
)  # fmt: skip
_RAW_TEXT: Final = frozenset({"iframe", "noembed", "noframes", "style", "textarea", "title", "xmp"})
_FORMATTING: Final = frozenset(
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
_SPECIAL: Final = frozenset(
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
_MARKERS: Final = frozenset({"applet", "caption", "marquee", "object", "td", "th", "template"})
_SCOPE: Final = frozenset(
    {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
     "ol", "ul", "button", "select"}
)  # fmt: skip
_TABLE_SCOPE: Final = frozenset({"html", "table", "template"})
_TABLE_PARTS: Final = frozenset(
    {"caption", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"}
)
_TABLE_END: Final = frozenset({"table", "tbody", "thead", "tfoot", "tr", "caption", "colgroup"})
_CLOSES_P: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir",
        "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "li", "dd", "dt", "listing", "main",
        "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table", "ul", "xmp",
        "plaintext",
    }
)  # fmt: skip
#: End tags the tree builder closes by scope; any other end tag stops at a special element.
_SCOPED_END: Final = frozenset(
    {
        "address", "applet", "article", "aside", "blockquote", "button", "caption", "center",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "li", "listing", "main", "marquee", "menu", "nav", "object",
        "ol", "p", "pre", "search", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BREAKOUT: Final = frozenset(
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt",
        "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
        "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
        "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    }
)  # fmt: skip
_SVG_INTEGRATION: Final = frozenset({"foreignobject", "desc", "title"})
_MATH_INTEGRATION: Final = frozenset({"mi", "mo", "mn", "ms", "mtext"})
_IGNORED: Final = frozenset({"html", "head", "body"})
_INTEGRATION: Final = _SVG_INTEGRATION | _MATH_INTEGRATION
_LI: Final = frozenset({"li"})
_DD_DT: Final = frozenset({"dd", "dt"})
_P: Final = frozenset({"p"})
_ITSELF: Final = {name: frozenset({name}) for name in ("a", "nobr", "button")}
_TABLE_SCOPE_OR_MARKER: Final = _TABLE_SCOPE | _MARKERS
_RAW_TEXT_OR_PLAINTEXT: Final = _RAW_TEXT | {"plaintext"}

_TAG_START: Final = re.compile(r"[A-Za-z][^\t\n\f\r />]*")
_ATTRIBUTE: Final = re.compile(
    r"""([\t\n\f\r /]*)(?:(>)|([^\t\n\f\r />][^\t\n\f\r /=>]*)"""
    r"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*("[^"]*(?:"|\Z)|'[^']*(?:'|\Z)|[^\t\n\f\r >]*))?|\Z)"""
)
_COMMENT_END: Final = re.compile(r"--!?>")
_SCRIPT_DATA: Final = re.compile(r"</script[\t\n\f\r />]|<!--", re.IGNORECASE)
_SCRIPT_ESCAPED: Final = re.compile(r"-->|</script[\t\n\f\r />]|<script[\t\n\f\r />]", re.I)
_SCRIPT_DOUBLE: Final = re.compile(r"-->|</script[\t\n\f\r />]", re.IGNORECASE)


class _Tag:
    """One tag as the HTML tokenizer reads it."""

    __slots__ = ("attributes", "count", "end", "name", "self_closing")

    def __init__(
        self, name: str, attributes: dict[str, str], count: int, end: int, self_closing: bool
    ) -> None:
        self.name = name
        self.attributes = attributes
        self.count = count
        self.end = end
        self.self_closing = self_closing


# A whole tag in the common form: attributes parted by whitespace, values quoted or plain.
# Where it matches, each attribute reads exactly as _ATTRIBUTE reads it (a name ends where
# the tokenizer ends it, a value likewise), so _read_tag takes it in one step; anything
# else (a "/" or "=" out of place, space around "=", an unterminated quote) goes the slow
# way, one attribute at a time.
_SIMPLE_TAG: Final = re.compile(
    r"""([A-Za-z][^\t\n\f\r />]*)"""
    r"""((?:[\t\n\f\r ]+[^\t\n\f\r /=>][^\t\n\f\r /=>]*"""
    r"""(?:="[^"]*"|='[^']*'|=[^\t\n\f\r >"'][^\t\n\f\r >]*)?)*+)"""
    r"""[\t\n\f\r ]*(/?)>"""
)
_SIMPLE_ATTRIBUTE: Final = re.compile(
    r"""[\t\n\f\r ]+[^\t\n\f\r /=>][^\t\n\f\r /=>]*"""
    r"""(?:="[^"]*"|='[^']*'|=[^\t\n\f\r >"'][^\t\n\f\r >]*)?"""
)


def _read_tag(html: str, start: int) -> _Tag | None:
    """Read the tag whose name begins at ``start``; None if the input ends inside it."""
    simple = _SIMPLE_TAG.match(html, start)
    if simple is not None:
        name = simple.group(1).lower()
        if name != "font":  # the one tag whose attribute names the tree builder reads
            listed = simple.group(2)
            count = len(_SIMPLE_ATTRIBUTE.findall(listed)) if listed else 0
            return _Tag(name, {}, count, simple.end(), bool(simple.group(3)))
    name_match = _TAG_START.match(html, start)
    assert name_match is not None
    name = name_match.group().lower()
    attributes: dict[str, str] = {}
    count = 0
    position = name_match.end()
    while True:
        match = _ATTRIBUTE.match(html, position)
        assert match is not None
        if match.group(2):
            self_closing = match.group(1).endswith("/")
            return _Tag(name, attributes, count, match.end(), self_closing)
        if match.group(3) is None or match.end() >= len(html):
            return None  # the input ends inside the tag: the tokenizer drops it
        count += 1
        value = match.group(4) or ""
        attributes.setdefault(match.group(3).lower(), value.strip("\"'"))
        position = match.end()


class _Tree:
    """An estimate of the open-element stack a browser would build, never too shallow."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.stack: list[tuple[str, str, int]] = []  # (name, namespace, pending at push)
        self.pending: list[str] = []  # formatting elements waiting to be reopened

    # -- bookkeeping ------------------------------------------------------------------

    def _depth_check(self) -> None:
        depth = len(self.stack) + len(self.pending)
        if depth > self.policy.max_depth:
            raise SanitizeError(
                f"markup nests deeper than policy {self.policy.name!r} allows "
                f"(max_depth={self.policy.max_depth})"
            )

    def push(self, name: str, namespace: str = "html") -> None:
        self.stack.append((name, namespace, len(self.pending)))
        if len(self.stack) + len(self.pending) > self.policy.max_depth:
            self._depth_check()

    def pop_to(self, index: int) -> None:
        popped = self.stack[index:]
        del self.stack[index:]
        for position, (name, namespace, pending_at_push) in enumerate(popped):
            if namespace != "html":
                continue
            if name in _MARKERS:
                # Closing a marker forgets the formatting elements opened inside it.
                del self.pending[pending_at_push:]
                break
            if position and name in _FORMATTING:
                self.pending.append(name)

    def reconstruct(self) -> None:
        if self.pending:
            names, self.pending = self.pending, []
            for name in names:
                self.push(name)

    def find(self, names: frozenset[str], boundary: frozenset[str]) -> int | None:
        for index in range(len(self.stack) - 1, -1, -1):
            name, namespace, _ = self.stack[index]
            if name in names:
                return index
            if name in boundary or namespace != "html":
                return None
        return None

    def foreign(self) -> bool:
        if not self.stack:
            return False
        name, namespace, _ = self.stack[-1]
        if namespace == "svg":
            return name not in _SVG_INTEGRATION
        if namespace == "math":
            return name not in _MATH_INTEGRATION and name != "annotation-xml"
        return False

    # -- tokens -----------------------------------------------------------------------

    def start(self, tag: _Tag) -> str | None:
        """Process a start tag; return the namespace the element went into, if it did."""
        name = tag.name
        if tag.count > self.policy.max_attributes:
            raise SanitizeError(
                f"an element has more attributes than policy {self.policy.name!r} allows "
                f"(max_attributes={self.policy.max_attributes})"
            )
        if self.foreign():
            breakout = name in _BREAKOUT or (
                name == "font" and {"color", "face", "size"} & tag.attributes.keys()
            )
            if not breakout:
                namespace = self.stack[-1][1]
                self.push(name, namespace)
                if tag.self_closing:
                    self.stack.pop()
                    return None
                return namespace
            while self.foreign():
                self.stack.pop()
        if name in _IGNORED:
            return None
        self.reconstruct()
        if name in {"svg", "math"}:
            self.push(name, name)
            if tag.self_closing:
                self.stack.pop()
                return None
            return name
        if name in {"li", "dd", "dt"}:
            targets = _LI if name == "li" else _DD_DT
            for index in range(len(self.stack) - 1, -1, -1):
                found, namespace, _ = self.stack[index]
                if found in targets:
                    self.pop_to(index)
                    break
                if (found in _SPECIAL and found not in {"address", "div", "p"}) or (
                    namespace != "html"
                ):
                    break
        if name in _CLOSES_P:
            p_index = self.find(_P, _SCOPE)
            if p_index is not None:
                self.pop_to(p_index)
        if name in _HEADINGS and self.stack and self.stack[-1][0] in _HEADINGS:
            self.stack.pop()
        elif name in {"td", "th", "tr", "tbody", "thead", "tfoot"}:
            self._table_start(name)
        elif name == "col" and (not self.stack or self.stack[-1][0] != "colgroup"):
            self.push("colgroup")
        elif name in {"option", "optgroup"} and self.stack and self.stack[-1][0] == "option":
            self.stack.pop()
        elif name in {"a", "nobr", "button"}:
            open_index = self.find(_ITSELF[name], _TABLE_SCOPE_OR_MARKER)
            if open_index is not None:
                self.end_formatting(name, open_index)
        self.push(name)
        if name in _VOID:
            self.stack.pop()
            return None
        return "html"

    def _table_start(self, name: str) -> None:
        closes = {
            "td": {"td", "th"},
            "th": {"td", "th"},
            "tr": {"tr", "td", "th"},
            "tbody": {"tbody", "thead", "tfoot", "tr", "td", "th"},
            "thead": {"tbody", "thead", "tfoot", "tr", "td", "th"},
            "tfoot": {"tbody", "thead", "tfoot", "tr", "td", "th"},
        }[name]
        index = self.find(frozenset(closes), _TABLE_SCOPE)
        if index is not None and any(found == "table" for found, _, _ in self.stack[:index]):
            # pop to the outermost row-group part that the new one closes
            while index > 0 and self.stack[index - 1][0] in closes:
                index -= 1
            self.pop_to(index)
        context = self.find(frozenset({"table", "tbody", "thead", "tfoot", "tr"}), _MARKERS)
        # Outside a table (in a template, say), count the implied parents all the same.
        parent = "table" if context is None else self.stack[context][0]
        if name in {"td", "th"}:
            if parent == "table":
                self.push("tbody")
            if parent != "tr":
                self.push("tr")
        elif name == "tr" and parent == "table":
            self.push("tbody")

    def end_formatting(self, name: str, index: int) -> None:
        if any(
            found in _SPECIAL or namespace != "html"
            for found, namespace, _ in self.stack[index + 1 :]
        ):
            # The adoption agency keeps the block above open: only the element goes.
            del self.stack[index]
        else:
            self.pop_to(index)

    def end(self, name: str) -> None:
        if name == "br":
            # "</br>" is read as "<br>".
            self.reconstruct()
            self.push("br")
            self.stack.pop()
        if name in _IGNORED or name in _VOID or name == "template":
            # html5lib (bleach's parser) ignores "</template>": count templates as unclosed.
            return
        if name in _FORMATTING:
            index = self.find(frozenset({name}), _TABLE_SCOPE_OR_MARKER)
            if index is not None:
                self.end_formatting(name, index)
            elif name in self.pending:
                self.pending.reverse()
                self.pending.remove(name)
                self.pending.reverse()
            return
        if name == "p":
            # "</p>" with no open p makes an empty p element.
            self.push("p")
            self.stack.pop()
        boundary = _TABLE_SCOPE if name in _TABLE_END else _SCOPE
        for index in range(len(self.stack) - 1, -1, -1):
            found, namespace, _ = self.stack[index]
            if found == name:
                if name in _TABLE_PARTS and not any(
                    below in {"table", "template"} for below, _, _ in self.stack[:index]
                ):
                    return  # outside a table, table end tags are ignored
                self.pop_to(index)
                return
            if namespace == "html" and name not in _SCOPED_END and found in _SPECIAL:
                return
            if found in boundary or found in _INTEGRATION:
                return


# A tag name the flat scan cannot take, spelled in any case (without re.IGNORECASE, which
# would read the whole text slowly).
_NOT_FLAT: Final = re.compile(r"<(?:[sS][vV][gG]|[mM][aA][tT][hH]|[sS][eE][lL][eE][cC][tT])")


class _Flat:
    """Stands in for :class:`_Tree` where the markup cannot nest past the depth limit and
    holds no ``<svg>``, ``<math>`` or ``<select>``: only the attribute limit is checked,
    and every element not void or ignored opens in the HTML namespace, as in the tree."""

    __slots__ = ("policy",)

    stack: Final[tuple[tuple[str, str, int], ...]] = ()
    pending: Final[tuple[str, ...]] = ()

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def start(self, tag: _Tag) -> str | None:
        if tag.count > self.policy.max_attributes:
            raise SanitizeError(
                f"an element has more attributes than policy {self.policy.name!r} allows "
                f"(max_attributes={self.policy.max_attributes})"
            )
        return None if tag.name in _IGNORED or tag.name in _VOID else "html"

    def end(self, name: str) -> None:
        pass

    def reconstruct(self) -> None:
        pass

    def foreign(self) -> bool:
        return False


def _cannot_nest_past(html: str, max_depth: int) -> bool:
    """Whether the tree estimate cannot pass ``max_depth`` on ``html``, nor meet foreign
    content or a ``<select>``.

    The estimate's depth (open elements plus formatting elements waiting to reopen) grows
    only when an element opens: one per start tag, plus the ones a table cell or row
    implies (``tbody`` and ``tr``, at most two) or a ``<col>`` (``colgroup``), plus one
    that ``</br>`` or ``</p>`` opens and closes at once. Every tag starts with "<", a cell
    or row with "<t", a column with "<c", so the count of those bounds it.
    """
    bound = (
        html.count("<")
        + 2 * (html.count("<t") + html.count("<T"))
        + html.count("<c")
        + html.count("<C")
        + 1
    )
    return bound <= max_depth and _NOT_FLAT.search(html) is None


def _check_limits(html: str, policy: Policy) -> None:
    """Refuse input over ``policy``'s size, depth or attribute limits.

    The depth estimate follows the HTML tokenizer exactly and the tree builder closely,
    erring on the deep side: it may refuse markup a browser would nest less deeply, and
    is meant never to accept markup a browser would nest more deeply. Markup with too few
    tags to reach the limit is only tokenized, for the attribute limit.
    """
    size = len(html.encode("utf-8", "surrogatepass"))
    if size > policy.max_bytes:
        raise SanitizeError(
            f"markup is {size} bytes, over policy {policy.name!r}'s max_bytes={policy.max_bytes}"
        )
    tree: _Tree | _Flat = (
        _Flat(policy) if _cannot_nest_past(html, policy.max_depth) else _Tree(policy)
    )
    position = 0
    length = len(html)
    while position < length:
        lt = html.find("<", position)
        if lt < 0:
            break
        if lt > position and tree.pending:
            tree.reconstruct()
        following = html[lt + 1 : lt + 2]
        if following.isascii() and following.isalpha():
            tag = _read_tag(html, lt + 1)
            if tag is None:
                return
            namespace = tree.start(tag)
            position = tag.end
            if namespace != "html":
                continue
            if (tag.name in _RAW_TEXT_OR_PLAINTEXT and tag.name != "textarea") and any(
                found == "select" for found, _, _ in tree.stack[:-1]
            ):
                # Parsers disagree on raw text inside <select>; refuse rather than guess.
                raise SanitizeError(f"markup has <{tag.name}> inside <select>, which is refused")
            if tag.name == "plaintext":
                return
            if tag.name == "script":
                position = _skip_script(html, position)
            elif tag.name in _RAW_TEXT:
                closer = re.compile(rf"</{tag.name}[\t\n\f\r />]", re.IGNORECASE)
                found = closer.search(html, position)
                if found is None:
                    return
                position = found.start()
            else:
                continue
            if position >= length:
                return
            tree.end(tag.name)
            closing = _read_tag(html, position + 2)
            if closing is None:
                return
            position = closing.end
        elif following == "/":
            after = html[lt + 2 : lt + 3]
            if after.isascii() and after.isalpha():
                tag = _read_tag(html, lt + 2)
                if tag is None:
                    return
                tree.end(tag.name)
                position = tag.end
            elif after == ">":
                position = lt + 3
            else:
                position = _skip_past(html, lt + 2, ">")
        elif following == "!":
            if html.startswith("<!--", lt):
                if html.startswith(("<!-->", "<!--->"), lt):
                    position = html.index(">", lt) + 1
                    continue
                found_end = _COMMENT_END.search(html, lt + 4)
                position = length if found_end is None else found_end.end()
            elif html.startswith("<![CDATA[", lt) and tree.foreign():
                position = _skip_past(html, lt + 9, "]]>")
            else:
                position = _skip_past(html, lt + 2, ">")
        elif following == "?":
            position = _skip_past(html, lt + 2, ">")
        else:
            position = lt + 1
            tree.reconstruct()


def _skip_past(html: str, start: int, needle: str) -> int:
    found = html.find(needle, start)
    return len(html) if found < 0 else found + len(needle)


def _skip_script(html: str, position: int) -> int:
    """Return where the ``</script`` that ends a script element starts, or the end."""
    state = _SCRIPT_DATA
    while True:
        match = state.search(html, position)
        if match is None:
            return len(html)
        found = match.group().lower()
        if found.startswith("</script"):
            if state is _SCRIPT_DOUBLE:
                state, position = _SCRIPT_ESCAPED, match.end() - 1
                continue
            return match.start()
        if found == "<!--":
            state, position = _SCRIPT_ESCAPED, match.end() - 2
        elif found == "-->":
            state, position = _SCRIPT_DATA, match.end()
        else:  # <script inside an escaped script
            state, position = _SCRIPT_DOUBLE, match.end() - 1


# --------------------------------------------------------------------------------------
# Engines
# --------------------------------------------------------------------------------------


class SanitizerEngine(Protocol):
    """What an engine does: apply a policy to markup that is within the policy's limits.

    An engine returns serialized HTML; :func:`sanitize_html` wraps it as SafeHTML. Engines
    hold no state between calls.
    """

    @property
    def name(self) -> str:
        """The name the engine is registered under."""
        ...  # pragma: no cover

    def clean(self, html: str, policy: Policy, base_url: str | None) -> str:
        """Return ``html`` with everything ``policy`` does not allow removed."""
        ...  # pragma: no cover


def _run_nh3(html: str, policy: Policy, base_url: str | None) -> str:
    import nh3

    try:
        return nh3.clean(
            html,
            tags=set(policy.tags),
            clean_content_tags=set(REMOVED_WITH_CONTENT),
            attributes={tag: set(names) for tag, names in policy.attributes.items()},
            attribute_filter=functools.partial(_filter_attribute, policy, base_url),
            strip_comments=True,
            link_rel=policy.link_rel,
            url_schemes=set(policy.link_schemes | policy.image_schemes),
        )
    except Exception as exc:  # nh3 rejects a configuration with ValueError
        raise PolicyError(f"policy {policy.name!r}: nh3 refused it: {exc}") from exc
    except BaseException as exc:
        # pyo3's PanicException derives from BaseException; never let it reach a caller.
        if type(exc).__name__ != "PanicException":
            raise
        raise SanitizeError(f"nh3 failed on this input under policy {policy.name!r}") from exc


@attrs.frozen
class _Nh3Engine:
    """nh3 (ammonia, html5ever): the default engine."""

    name: str = "nh3"

    def clean(self, html: str, policy: Policy, base_url: str | None) -> str:
        return _run_nh3(html, policy, base_url)


class _BleachFilter:
    """A html5lib token filter run after bleach's own: our URL rules, rel, removals."""

    def __init__(self, source: Iterable[dict[str, Any]], policy: Policy, base_url: str | None):
        self.source = source
        self.policy = policy
        self.base_url = base_url

    def __iter__(self) -> Iterator[dict[str, Any]]:
        removing = 0
        for token in self.source:
            kind = token["type"]
            name = token.get("name")
            if name in REMOVED_WITH_CONTENT:
                if kind == "StartTag":
                    removing += 1
                elif kind == "EndTag":
                    removing -= 1
                continue
            if removing:
                continue
            if kind in {"StartTag", "EmptyTag"}:
                data: dict[tuple[str | None, str], str] = {}
                for key, value in token["data"].items():
                    cleaned = _filter_attribute(
                        self.policy, self.base_url, str(name), key[1], value
                    )
                    if cleaned is not None:
                        data[key] = cleaned
                if name == "a":
                    data[(None, "rel")] = self.policy.link_rel
                token = {**token, "data": data}
            yield token


@attrs.frozen
class _BleachEngine:
    """bleach (html5lib): a second engine, held to the same policy and the same tests.

    bleach's last release is 6.4.0; it receives no security fixes. Prefer ``"nh3"``.
    """

    name: str = "bleach"

    def clean(self, html: str, policy: Policy, base_url: str | None) -> str:
        from bleach.sanitizer import Cleaner

        cleaner = Cleaner(
            # The removed-with-content elements are let through bleach so that our filter
            # sees them and drops them with their content.
            tags=policy.tags | REMOVED_WITH_CONTENT,
            attributes={tag: sorted(names) for tag, names in policy.attributes.items()},
            protocols=policy.link_schemes | policy.image_schemes,
            strip=True,
            strip_comments=True,
            # bleach calls each filter with source=...; the stubs want html5lib's class.
            filters=[
                cast("Any", functools.partial(_BleachFilter, policy=policy, base_url=base_url))
            ],
        )
        return cleaner.clean(html)


ENGINES: Final[Mapping[str, SanitizerEngine]] = types.MappingProxyType(
    {"bleach": _BleachEngine(), "nh3": _Nh3Engine()}
)
"""The sanitizer engines by name."""


def _engine(name: str) -> SanitizerEngine:
    try:
        return ENGINES[name]
    except (KeyError, TypeError):
        raise UnknownFormatError("sanitizer engine", str(name), ENGINES) from None


# --------------------------------------------------------------------------------------
# Built-in policies
# --------------------------------------------------------------------------------------

BODY_POLICY: Final = Policy(
    name="body",
    tags={
        "p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "q", "cite", "figure",
        "figcaption", "img", "table", "caption", "thead", "tbody", "tfoot", "tr", "th",
        "td", "a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "mark", "small",
        "code", "pre", "time", "abbr", "br", "hr",
    },
    attributes={
        "a": {"href", "title", "hreflang"},
        "abbr": {"title"},
        "blockquote": {"cite"},
        "img": {"src", "alt", "title", "width", "height"},
        "ol": {"start", "reversed"},
        "q": {"cite"},
        "td": {"colspan", "rowspan"},
        "th": {"colspan", "rowspan", "scope"},
        "time": {"datetime"},
    },
)  # fmt: skip
"""Article bodies: paragraphs, subheadings, lists, quotes, figures, tables, links."""

INLINE_POLICY: Final = Policy(
    name="inline",
    tags={"a", "em", "strong", "b", "i", "br", "code"},
    attributes={"a": {"href", "title"}},
    max_bytes=64 * 1024,
)
"""Bios, summaries and captions: links and emphasis, no blocks."""

TEXT_POLICY: Final = Policy(name="text", max_bytes=256 * 1024)
"""No markup at all: elements are removed, their text is kept and escaped."""

_POLICIES: Final = types.MappingProxyType(
    {"body": BODY_POLICY, "inline": INLINE_POLICY, "text": TEXT_POLICY}
)


def get_policy(name: str) -> Policy:
    """Return the built-in policy called ``name``: ``"body"``, ``"inline"`` or ``"text"``.

    Raises:
        UnknownFormatError: No built-in policy has that name; the message lists them.

    >>> get_policy("inline").tags == INLINE_POLICY.tags
    True
    """
    try:
        return _POLICIES[name]
    except KeyError:
        raise UnknownFormatError("policy", name, _POLICIES) from None


def _resolve(policy: Policy | str) -> Policy:
    if isinstance(policy, Policy):
        return policy
    if isinstance(policy, str):
        return get_policy(policy)
    raise TypeError(f"policy: expected a Policy or a policy name, got {type(policy).__name__}")


# --------------------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------------------

_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")


def _prepare(text: str, what: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{what}: expected str, got {type(text).__name__}")
    if text.isascii():  # known without a scan: no lone surrogate in it
        return text
    try:  # the encoder refuses a lone surrogate, in a fifth of the regex's time
        text.encode("utf-16-le")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def sanitize_html(
    html: str,
    *,
    policy: Policy | str = "body",
    base_url: str | None = None,
    engine: str = "nh3",
) -> SafeHTML:
    """Return ``html`` with everything ``policy`` does not allow removed.

    Sanitizing is idempotent: sanitizing the result again, with the same arguments,
    returns it unchanged.

    Args:
        html: An HTML fragment, as found inside ``<body>``.
        policy: A :class:`Policy` or the name of a built-in one.
        base_url: The URL of the page the fragment comes from. Relative URLs are resolved
            against it; without it they are dropped.
        engine: ``"nh3"`` (default) or ``"bleach"``.

    Returns:
        The sanitized markup.

    Raises:
        SanitizeError: The input is over one of the policy's limits, or ``base_url`` is
            not an absolute http(s) URL.
        UnknownFormatError: ``policy`` or ``engine`` names nothing known.

    >>> sanitize_html('<img src="/a.png" onerror="x()">', base_url="https://news.example/s/1")
    SafeHTML('<img src="https://news.example/a.png">')
    >>> sanitize_html("<b>bold</b> <em>text</em>", policy="text")
    SafeHTML('bold text')
    """
    chosen = _resolve(policy)
    runner = _engine(engine)
    _check_base_url(base_url)
    text = _prepare(html, "html")
    _check_limits(text, chosen)
    return trusted(runner.clean(text, chosen, base_url))


# An attribute name that reads the same to every HTML tokenizer: no quote, "<", ">", "/",
# "=" or white space in it (libxml2 keeps names such as "=" from broken markup, and writes
# them back so that an HTML5 tokenizer reads other attributes out of them).
_PLAIN_NAME: Final = r"[^\s\"'<>/=\x00]++"
_PLAIN_VALUE: Final = r"(?:=(?:\"[^\"<>]*+\"|'[^'<>]*+'))?+"


_PLAIN_NAME_PATTERN: Final = re.compile(_PLAIN_NAME)


def _is_plain_name(name: str) -> bool:
    """Whether every HTML tokenizer reads the attribute name ``name`` alike."""
    return _PLAIN_NAME_PATTERN.fullmatch(name) is not None


def _unplain_tag(max_attributes: int) -> re.Pattern[str]:
    """Finds the first ``<`` that does not open a plain start tag (plain names, quoted
    values, at most ``max_attributes`` of them) or an end tag. (``re`` caches it.)"""
    return re.compile(
        rf"<(?![A-Za-z/])|<[A-Za-z][^\s/>]*+"
        rf"(?!(?:\s++{_PLAIN_NAME}{_PLAIN_VALUE}){{0,{max_attributes}}}+\s*+/?>)"
    )


def _plain_markup(html: str, max_attributes: int) -> bool:
    """Whether every ``<`` in ``html`` opens a plain start tag with at most
    ``max_attributes`` attributes, or an end tag: how lxml writes a tree built from
    well-formed markup, which every HTML tokenizer then reads alike.

    >>> _plain_markup('<p class="a" title="b">x</p><br>', 32)
    True
    >>> _plain_markup('<span a ==" x=1">', 32), _plain_markup("<b x y z>", 2)
    (False, False)
    """
    return _unplain_tag(max_attributes).search(html) is None


def _sanitize_bounded(
    html: str, *, policy: Policy, base_url: str | None, plain: bool = False
) -> SafeHTML:
    """:func:`sanitize_html` with the nh3 engine, for markup whose nesting its caller has
    bounded.

    For markup serialized from a tree that nests no deeper than half ``policy``'s
    ``max_depth`` (the HTML parser's bodies): when every tag in it is plain (see
    :func:`_plain_markup`), so that it holds no more attributes per element than it shows,
    the depth and attribute pre-scan, a guard against hostile input that costs as much as
    the engine on such markup, is skipped; otherwise it runs as in :func:`sanitize_html`.
    The size limit is checked, and the engine runs exactly as :func:`sanitize_html` runs
    it: what comes out is as safe.

    ``plain`` says the caller has found the markup plain already (with
    ``policy.max_attributes``); otherwise it is checked here.

    Raises:
        SanitizeError: The markup is over one of ``policy``'s limits.
    """
    _check_base_url(base_url)
    text = _prepare(html, "html")
    if len(text) * 4 > policy.max_bytes or not (
        plain or _plain_markup(text, policy.max_attributes)
    ):
        _check_limits(text, policy)
    return trusted(_run_nh3(text, policy, base_url))


def sanitize_text(text: str) -> SafeHTML:
    """Return plain ``text`` as HTML that shows it as it is.

    The result is what :func:`sanitize_html` gives for it under the ``"text"`` policy
    (newlines are normalized as an HTML parser does, NUL characters dropped).

    >>> sanitize_text("Fish & chips <3")
    SafeHTML('Fish &amp; chips &lt;3')
    """
    plain = _prepare(text, "text").replace("\r\n", "\n").replace("\r", "\n").replace("\0", "")
    escaped = _html.escape(plain, quote=False).replace("\xa0", "&nbsp;")
    return trusted(escaped)


_MD_CONTAINERS: Final = re.compile(r"[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))")
_MD_BLOCKS: Final = re.compile(r"\n[ \t]*\n")
_MARKDOWN_MAX_NESTING: Final = 32
_MARKDOWN_BRACKET_BUDGET: Final = 1500**2


def _check_markdown(text: str, policy: Policy) -> None:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > policy.max_bytes:
        raise SanitizeError(
            f"Markdown is {size} bytes, over policy {policy.name!r}'s max_bytes={policy.max_bytes}"
        )
    for line in text.splitlines():
        nesting = 0
        position = 0
        while (match := _MD_CONTAINERS.match(line, position)) and match.end() > position:
            nesting += 1
            position = match.end()
        indent = len(line) - len(line.lstrip(" \t"))
        if nesting + indent // 4 > _MARKDOWN_MAX_NESTING:
            raise SanitizeError(
                f"Markdown nests lists or quotes more than {_MARKDOWN_MAX_NESTING} deep"
            )
    # Python-Markdown's link and inline-HTML patterns take time quadratic in the number
    # of '[' and '<' in one block: bound the sum of the squares.
    cost = sum((block.count("[") + block.count("<")) ** 2 for block in _MD_BLOCKS.split(text))
    if cost > _MARKDOWN_BRACKET_BUDGET:
        raise SanitizeError(
            "Markdown holds too many '[' or '<' in one paragraph to be converted in bounded time"
        )


def sanitize_markdown(
    text: str, *, policy: Policy | str = "body", base_url: str | None = None
) -> SafeHTML:
    """Convert Markdown to HTML with Python-Markdown, then sanitize it.

    Raw HTML in the Markdown is sanitized like any other markup.

    Args:
        text: Markdown source.
        policy: A :class:`Policy` or the name of a built-in one.
        base_url: The URL relative links are resolved against.

    Raises:
        SanitizeError: The source is over the policy's size limit, nests lists or quotes
            too deeply, or holds too many brackets for Python-Markdown to finish quickly.

    >>> print(sanitize_markdown("*Reporter* at [the Times](https://times.example/)"))
    <p><em>Reporter</em> at <a href="https://times.example/" rel="...">the Times</a></p>
    """
    import markdown

    chosen = _resolve(policy)
    source = _prepare(text, "text")
    _check_markdown(source, chosen)
    converter = markdown.Markdown(output_format="html")
    try:
        html = converter.convert(source)
    except RecursionError as exc:
        raise SanitizeError("Markdown nests too deeply to be converted") from exc
    # Markdown output is larger than its source; the source was already held to max_bytes.
    roomy = chosen.derive(max_bytes=chosen.max_bytes * 4)
    return sanitize_html(html, policy=roomy, base_url=base_url)


def linkify_text(
    text: str, *, policy: Policy | str = "body", base_url: str | None = None
) -> SafeHTML:
    """Return plain ``text`` as HTML with its bare URLs turned into links.

    bleach's linkifier finds the URLs; its output is sanitized again with the default
    engine, so links get the policy's ``rel`` and schemes.

    >>> print(linkify_text("More at www.example.com & <elsewhere>"))
    More at <a href="http://www.example.com" rel="...">www.example.com</a> &amp; &lt;elsewhere&gt;
    """
    from bleach.linkifier import Linker

    chosen = _resolve(policy)
    escaped = sanitize_text(text)
    if len(escaped.encode("utf-8")) > chosen.max_bytes:
        raise SanitizeError(f"text is over policy {chosen.name!r}'s max_bytes={chosen.max_bytes}")
    linked = Linker(callbacks=[]).linkify(str(escaped))
    return sanitize_html(linked, policy=chosen, base_url=base_url)


# --------------------------------------------------------------------------------------
# Video players
# --------------------------------------------------------------------------------------


@attrs.frozen
class _Provider:
    name: str
    id_pattern: re.Pattern[str]
    player: Callable[[str], str]
    sandbox: str = "allow-scripts allow-same-origin allow-presentation allow-popups"


_PROVIDERS: Final = types.MappingProxyType(
    {
        "youtube": _Provider(
            "youtube",
            re.compile(r"[A-Za-z0-9_-]{11}\Z"),
            lambda video_id: f"https://www.youtube-nocookie.com/embed/{video_id}",
        ),
        "vimeo": _Provider(
            "vimeo",
            re.compile(r"[0-9]{1,12}\Z"),
            lambda video_id: f"https://player.vimeo.com/video/{video_id}?dnt=1",
        ),
        "dailymotion": _Provider(
            "dailymotion",
            re.compile(r"[A-Za-z0-9]{5,12}\Z"),
            lambda video_id: f"https://geo.dailymotion.com/player.html?video={video_id}",
        ),
    }
)

_YOUTUBE_HOSTS: Final = frozenset(
    {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
     "youtube-nocookie.com", "www.youtube-nocookie.com"}
)  # fmt: skip
_VIMEO_HOSTS: Final = frozenset({"vimeo.com", "www.vimeo.com", "player.vimeo.com"})
_DAILYMOTION_HOSTS: Final = frozenset(
    {"dailymotion.com", "www.dailymotion.com", "geo.dailymotion.com"}
)
_YOUTUBE_PATH: Final = re.compile(r"/(?:embed|shorts|live|v)/([^/?#]+)/?\Z")
_VIMEO_PATH: Final = re.compile(r"/(?:video/|channels/[^/]+/|groups/[^/]+/videos/)?(\d+)/?\Z")
_DAILYMOTION_PATH: Final = re.compile(r"/(?:embed/)?video/([A-Za-z0-9]+)")


def _video_id(provider: str, candidate: str | None, url: str) -> tuple[str, str]:
    if candidate is None or not _PROVIDERS[provider].id_pattern.match(candidate):
        raise ValidationError("url", f"no {provider} video id in {url!r}")
    return provider, candidate


def _first(query: Mapping[str, list[str]], key: str) -> str | None:
    values = query.get(key)
    return values[0] if values else None


def video_source(url: str) -> tuple[str, str]:
    """Return ``(provider, video_id)`` for a YouTube, Vimeo or Dailymotion video URL.

    Watch, share, embed, shorts and player URLs are understood. Only the providers' own
    hosts count: ``youtube.com.evil.example`` is not YouTube.

    Raises:
        ValidationError: The URL is not a video on a known provider's host.

    >>> video_source("https://youtu.be/dQw4w9WgXcQ?t=42")
    ('youtube', 'dQw4w9WgXcQ')
    >>> video_source("https://player.vimeo.com/video/76979871")
    ('vimeo', '76979871')
    """
    if not isinstance(url, str):
        raise ValidationError("url", f"expected str, got {type(url).__name__}")
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise ValidationError("url", f"not a URL: {url!r}") from exc
    host = (parts.hostname or "").rstrip(".")
    if parts.scheme not in {"http", "https"} or parts.username or parts.password or port:
        raise ValidationError("url", f"expected a plain http(s) URL, got {url!r}")
    query = urllib.parse.parse_qs(parts.query)
    path = parts.path
    if host in _YOUTUBE_HOSTS:
        if path in {"/watch", "/watch/"}:
            return _video_id("youtube", _first(query, "v"), url)
        match = _YOUTUBE_PATH.match(path)
        return _video_id("youtube", match and match.group(1), url)
    if host == "youtu.be":
        return _video_id("youtube", path.strip("/") or None, url)
    if host in _VIMEO_HOSTS:
        match = _VIMEO_PATH.match(path)
        return _video_id("vimeo", match and match.group(1), url)
    if host in _DAILYMOTION_HOSTS:
        if path.startswith("/player"):
            return _video_id("dailymotion", _first(query, "video"), url)
        match = _DAILYMOTION_PATH.match(path)
        return _video_id("dailymotion", match and match.group(1), url)
    if host == "dai.ly":
        return _video_id("dailymotion", path.strip("/") or None, url)
    raise ValidationError("url", f"not a video host newsitem embeds: {host!r}")


def video_player(provider: str, video_id: str, *, title: str) -> SafeHTML:
    """Build the ``<iframe>`` player for a video, from the provider's allowlisted URL.

    The frame is sandboxed, lazy-loaded, sends only the origin as referrer and carries a
    ``title`` for screen readers. YouTube is embedded from youtube-nocookie.com, Vimeo
    with ``dnt=1``.

    Raises:
        ValidationError: Unknown provider, an id that is not of the provider's shape, or
            an empty title.

    >>> print(video_player("vimeo", "76979871", title="A <b>"))
    <iframe src="https://player.vimeo.com/video/76979871?dnt=1" title="A &lt;b&gt;" ...></iframe>
    """
    known = _PROVIDERS.get(provider)
    if known is None:
        raise ValidationError(
            "provider", f"expected one of {', '.join(sorted(_PROVIDERS))}, got {provider!r}"
        )
    if not isinstance(video_id, str) or not known.id_pattern.match(video_id):
        raise ValidationError("video_id", f"not a {provider} video id: {video_id!r}")
    if not isinstance(title, str) or not title.strip():
        raise ValidationError("title", "a video player needs a non-empty title")
    attributes = {
        "src": known.player(video_id),
        "title": title.strip(),
        "sandbox": known.sandbox,
        "allow": "accelerometer; clipboard-write; encrypted-media; gyroscope; "
        "picture-in-picture; fullscreen",
        "allowfullscreen": "",
        "referrerpolicy": "strict-origin-when-cross-origin",
        "loading": "lazy",
    }
    rendered = " ".join(f'{key}="{_html.escape(value)}"' for key, value in attributes.items())
    return trusted(f"<iframe {rendered}></iframe>")
