"""Input limits: size, nesting depth and attributes per element, held before any engine.

Two scans decide alike. The full pre-scan follows the HTML tokenizer exactly and the tree
builder closely, erring on the deep side: it may refuse markup a browser would nest less
deeply, and is meant never to accept markup a browser would nest more deeply. The quick
scan takes the tags a regular expression reads out of the markup and follows the same tree
builder only where it works as a plain stack (each start tag opens one element, or a
table part with the ones it implies; each end tag closes the element on top; an element
closes early only from the top, so no formatting element waits to be reopened). There it
holds exactly the full scan's stack; anywhere else it gives up and the full scan decides.
"""

from __future__ import annotations

import re
import types
from typing import TYPE_CHECKING, Final

from newsitem.errors import SanitizeError

if TYPE_CHECKING:
    from ._policy import Policy

__all__ = ["check_limits", "check_limits_fully", "fits_quickly"]

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


def _few_start_tags(html: str, max_depth: int) -> bool:
    """Whether ``html`` has too few start tags for the tree estimate to pass ``max_depth``.

    The estimate's depth (open elements plus formatting elements waiting to reopen) grows
    only when an element opens: one per start tag, plus the ones a table cell or row
    implies (``tbody`` and ``tr``, at most two) or a ``<col>`` (``colgroup``), plus one
    that ``</br>`` or ``</p>`` opens and closes at once. Every start tag begins with a "<"
    not followed by "/", a cell or row with "<t", a column with "<c", so the count of
    those bounds it; three per start tag bounds it without counting the cells.
    """
    starts = html.count("<") - html.count("</")
    if 3 * starts + 1 <= max_depth:
        return True
    implied = 2 * (html.count("<t") + html.count("<T")) + html.count("<c") + html.count("<C")
    return starts + implied + 1 <= max_depth


def check_limits(html: str, policy: Policy) -> None:
    """Refuse input over ``policy``'s size, depth or attribute limits.

    Markup with too few start tags to nest past the depth limit is only tokenized, for the
    attribute limit, and not even that when a regular expression finds every tag in the
    simple form with few enough attributes. Other markup goes to the quick scan, and where
    that gives up, to the full pre-scan.

    Raises:
        SanitizeError: The input is over one of the limits.
    """
    _check_size(html, policy)
    if _few_start_tags(html, policy.max_depth):
        if _odd_tag(policy.max_attributes).search(html) is None:
            return
        if _NOT_FLAT.search(html) is None:
            _scan(html, _Flat(policy))
            return
    if not fits_quickly(html, policy):
        _scan(html, _Tree(policy))


def check_limits_fully(html: str, policy: Policy) -> None:
    """:func:`check_limits` with the full pre-scan only, its tree estimate on every input:
    the reference the quicker ways are held to.

    Raises:
        SanitizeError: The input is over one of the limits.
    """
    _check_size(html, policy)
    _scan(html, _Tree(policy))


def _check_size(html: str, policy: Policy) -> None:
    if len(html) * 4 <= policy.max_bytes:  # four UTF-8 bytes at most per character
        return
    size = len(html) if html.isascii() else len(html.encode("utf-8", "surrogatepass"))
    if size > policy.max_bytes:
        raise SanitizeError(
            f"markup is {size} bytes, over policy {policy.name!r}'s max_bytes={policy.max_bytes}"
        )


def _scan(html: str, tree: _Tree | _Flat) -> None:
    """The full pre-scan, following ``tree`` (or, where it cannot nest past the depth
    limit, ``_Flat``) through every token of ``html``."""
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
# The quick scan
# --------------------------------------------------------------------------------------

_NAME: Final = r"[A-Za-z][^\t\n\f\r />]*+"
_SPACE: Final = r"[\t\n\f\r ]"


# _SIMPLE_ATTRIBUTE with every part possessive, which reads the same: each part ends where
# the next cannot begin.
_QUICK_ATTRIBUTE: Final = (
    r"""[\t\n\f\r ]++[^\t\n\f\r /=>]++"""
    r"""(?:="[^"]*+"|='[^']*+'|=[^\t\n\f\r >"'][^\t\n\f\r >]*+)?+"""
)


def _odd_tag(max_attributes: int) -> re.Pattern[str]:
    """Finds the first start tag that the flat scan cannot take (see :data:`_NOT_FLAT`),
    or not in the simple form, or with more than ``max_attributes`` attributes, or what
    reads as one inside a comment or raw text (``re`` caches it)."""
    return re.compile(
        rf"<(?:[sS][vV][gG]|[mM][aA][tT][hH]|[sS][eE][lL][eE][cC][tT]"
        rf"|{_NAME}(?!(?:{_QUICK_ATTRIBUTE}){{0,{max_attributes}}}+{_SPACE}*+/?>))"
    )


def _tokens(max_attributes: int) -> re.Pattern[str]:
    """Reads what the tokenizer reads at each ``<`` (``re`` caches it).

    Group 1 is the name of a start tag in the form :data:`_SIMPLE_TAG` reads, with at most
    ``max_attributes`` attributes; group 2 is set when text and an end tag of the same name
    follow (a leaf element, read in one match); group 3 is the name of an end tag in the
    simple form; group 4 the character after a ``<`` that opens anything else, where the
    quick scan gives up. A match with no group is a comment, a bogus comment or a ``<``
    that is text. (One branch that starts with ``<`` lets ``re`` skip from one ``<`` to
    the next.)
    """
    return re.compile(
        rf"<(?:({_NAME})(?:{_QUICK_ATTRIBUTE}){{0,{max_attributes}}}+{_SPACE}*+/?>"
        rf"(?:[^<]*+(</)\1{_SPACE}*+/?>)?+"
        rf"|/({_NAME})(?:{_QUICK_ATTRIBUTE})*+{_SPACE}*+/?>"
        r"|!--(?:-?>|[\s\S]*?--!?>|[\s\S]*+)"
        r"|/(?![A-Za-z])[^>]*+>?|\?[^>]*+>?|!(?!--)[^>]*+>?"
        r"|(?![A-Za-z/!?])|(?=([A-Za-z/!?])))"
    )


_GIVE_UP: Final = 1  # foreign content, <plaintext>, <select>: left to the full scan
_IGNORE: Final = 2  # elements the tree builder never opens or never closes
_LIST_ITEM: Final = 4
_CLOSES_P_CODE: Final = 8
_HEADING: Final = 16
_TABLE_PART: Final = 32
_COLUMN: Final = 64
_OPTION: Final = 128
_ITSELF_CODE: Final = 256
_VOID_CODE: Final = 512
_FORMATTING_CODE: Final = 1024
_P_CODE: Final = 2048
_BREAK: Final = 4096
_RAW: Final = 8192  # raw text: read only as a leaf, its text up to its end tag
_RAW_TEXT_OR_SCRIPT: Final = _RAW_TEXT | {"script"}


def _codes(groups: tuple[tuple[int, frozenset[str]], ...]) -> types.MappingProxyType[str, int]:
    codes: dict[str, int] = {}
    for code, names in groups:
        for name in names:
            codes[name] = codes.get(name, 0) | code
    return types.MappingProxyType(codes)


#: What a start tag asks of the tree builder, by name; names not listed only open.
_START_CODES: Final = _codes(
    (
        (_GIVE_UP, frozenset({"plaintext", "svg", "math", "select"})),
        (_RAW, _RAW_TEXT_OR_SCRIPT),
        (_IGNORE, _IGNORED),
        (_LIST_ITEM, _LI | _DD_DT),
        (_CLOSES_P_CODE, _CLOSES_P),
        (_HEADING, _HEADINGS),
        (_TABLE_PART, frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"})),
        (_COLUMN, frozenset({"col"})),
        (_OPTION, frozenset({"option", "optgroup"})),
        (_ITSELF_CODE, frozenset(_ITSELF)),
        (_VOID_CODE, _VOID),
    )
)
#: What an end tag asks of the tree builder, by name; names not listed close by scope.
_END_CODES: Final = _codes(
    (
        (_IGNORE, _IGNORED | _VOID | {"template"}),
        (_BREAK, frozenset({"br"})),
        (_FORMATTING_CODE, _FORMATTING),
        (_P_CODE, _P),
    )
)
_START_ASKS: Final = frozenset(_START_CODES)
#: Start tags that only open an element, when no <p> is open...
_CLOSES_P_ONLY: Final = frozenset(
    name for name, code in _START_CODES.items() if code == _CLOSES_P_CODE
)
#: ... and void elements that only open and close at once.
_VOID_ONLY: Final = frozenset(name for name, code in _START_CODES.items() if code == _VOID_CODE)
#: End tags that may not simply close the element on top when it has their name.
_END_ASKS: Final = _IGNORED | _VOID | _TABLE_PARTS | {"template", "p"}


def fits_quickly(html: str, policy: Policy) -> bool:
    """Whether the quick scan finds ``html`` within ``policy``'s depth and attribute
    limits; False when it finds it over them or gives up, and the full scan must decide.

    The stack of names it keeps is the full scan's stack as long as no formatting element
    waits to be reopened and no foreign or raw-text content comes: it gives up before
    either could happen, and on every ``<`` that opens a tag not in the simple form with
    at most ``max_attributes`` attributes.
    """
    max_depth = policy.max_depth
    stack: list[str] = []
    push, pop = stack.append, stack.pop
    # ASCII markup is lower-cased whole, quicker than tag by tag; other markup cannot be,
    # as lower-casing could turn text into a tag name (KELVIN SIGN becomes "k").
    lowered = html.isascii()
    source = html.lower() if lowered else html
    for start, closed, end, other in _tokens(policy.max_attributes).findall(source):
        if start:
            if not lowered:
                start = start.lower()
            if start not in _START_ASKS:
                push(start)
                if len(stack) > max_depth:
                    return False
            elif start in _VOID_ONLY:
                if len(stack) >= max_depth:
                    return False  # a void element opens and closes at once
            elif (start in _CLOSES_P_ONLY and "p" not in stack) or (
                start in _ITSELF and start not in stack
            ):
                push(start)
                if len(stack) > max_depth:
                    return False
            elif (start in _RAW_TEXT_OR_SCRIPT and not closed) or not _start(
                start, stack, max_depth
            ):
                return False  # raw text holding markup, or more than one element opens
            if not closed:
                continue
            end = start
        elif not end:
            if other:
                return False
            continue
        elif not lowered:
            end = end.lower()
        if (
            stack
            and stack[-1] == end
            and (end not in _END_ASKS or (end == "p" and len(stack) < max_depth))
        ):
            pop()
        elif not _end(end, stack, max_depth):
            return False
    return True


def _start(name: str, stack: list[str], max_depth: int) -> bool:
    """Follow a start tag that asks more of the tree builder than to open an element."""
    code = _START_CODES[name]
    if code & _GIVE_UP:
        return False
    if code & _IGNORE:
        return True
    if not _prepare_start(name, code, stack):
        return False
    if code & _VOID_CODE:
        return len(stack) < max_depth  # a void element opens and closes at once
    stack.append(name)
    return len(stack) <= max_depth


def _end(name: str, stack: list[str], max_depth: int) -> bool:
    """Follow an end tag that does not simply close the element on top."""
    code = _END_CODES.get(name, 0)
    if code & (_BREAK | _P_CODE) and len(stack) >= max_depth:
        return False  # "</br>" and "</p>" open an element, for a moment
    if code & (_IGNORE | _BREAK):
        return True
    if stack and stack[-1] == name:
        if name not in _TABLE_PARTS or "table" in stack or "template" in stack:
            stack.pop()
        return True
    return name not in stack or _close(name, code, stack)


def _prepare_start(name: str, code: int, stack: list[str]) -> bool:
    """Close, as the full scan does, what a start tag of ``name`` closes, and open the
    elements it implies; False if that would leave a formatting element to reopen."""
    if code & _LIST_ITEM:
        targets = _LI if name == "li" else _DD_DT
        for index in range(len(stack) - 1, -1, -1):
            found = stack[index]
            if found in targets:
                if not _pop_to(stack, index):
                    return False
                break
            if found in _SPECIAL and found not in {"address", "div", "p"}:
                break
    if code & _CLOSES_P_CODE and "p" in stack:
        p_index = _find(stack, _P, _SCOPE)
        if p_index is not None and not _pop_to(stack, p_index):
            return False
    if code & _HEADING:
        if stack and stack[-1] in _HEADINGS:
            stack.pop()
    elif code & _TABLE_PART:
        return _open_table_part(name, stack)
    elif code & _COLUMN:
        if not stack or stack[-1] != "colgroup":
            stack.append("colgroup")
    elif code & _OPTION:
        if stack and stack[-1] == "option":
            stack.pop()
    elif code & _ITSELF_CODE and name in stack:
        open_index = _find(stack, _ITSELF[name], _TABLE_SCOPE_OR_MARKER)
        if open_index is not None:
            return _close_formatting(stack, open_index)
    return True


def _open_table_part(name: str, stack: list[str]) -> bool:
    """What :meth:`_Tree._table_start` does, on the quick scan's stack."""
    closes = _TABLE_CLOSES[name]
    index = _find(stack, closes, _TABLE_SCOPE)
    if index is not None and "table" in stack[:index]:
        while index > 0 and stack[index - 1] in closes:
            index -= 1
        if not _pop_to(stack, index):
            return False
    context = _find(stack, _TABLE_CONTEXT, _MARKERS)
    parent = "table" if context is None else stack[context]
    if name in {"td", "th"}:
        if parent == "table":
            stack.append("tbody")
        if parent != "tr":
            stack.append("tr")
    elif name == "tr" and parent == "table":
        stack.append("tbody")
    return True


def _close(name: str, code: int, stack: list[str]) -> bool:
    """What :meth:`_Tree.end` does for an end tag of ``name``, an open element not on
    top; False if that would leave a formatting element to reopen."""
    if code & _FORMATTING_CODE:
        index = _find(stack, frozenset({name}), _TABLE_SCOPE_OR_MARKER)
        return index is None or _close_formatting(stack, index)
    boundary = _TABLE_SCOPE if name in _TABLE_END else _SCOPE
    for index in range(len(stack) - 1, -1, -1):
        found = stack[index]
        if found == name:
            if name in _TABLE_PARTS and not {"table", "template"} & set(stack[:index]):
                return True
            return _pop_to(stack, index)
        if (name not in _SCOPED_END and found in _SPECIAL) or found in boundary:
            return True
        if found in _INTEGRATION:
            return True
    return True


def _close_formatting(stack: list[str], index: int) -> bool:
    """What :meth:`_Tree.end_formatting` does on the quick scan's stack."""
    if any(found in _SPECIAL for found in stack[index + 1 :]):
        del stack[index]
        return True
    return _pop_to(stack, index)


def _pop_to(stack: list[str], index: int) -> bool:
    """Close ``stack[index:]``, unless a formatting element among them would wait to be
    reopened (the full scan reopens them; the quick scan gives up instead)."""
    for position in range(index, len(stack)):
        name = stack[position]
        if name in _MARKERS:
            break
        if position > index and name in _FORMATTING:
            return False
    del stack[index:]
    return True


def _find(stack: list[str], names: frozenset[str], boundary: frozenset[str]) -> int | None:
    for index in range(len(stack) - 1, -1, -1):
        found = stack[index]
        if found in names:
            return index
        if found in boundary:
            return None
    return None


_TABLE_CLOSES: Final = types.MappingProxyType(
    {
        "td": frozenset({"td", "th"}),
        "th": frozenset({"td", "th"}),
        "tr": frozenset({"tr", "td", "th"}),
        "tbody": frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}),
        "thead": frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}),
        "tfoot": frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}),
    }
)
_TABLE_CONTEXT: Final = frozenset({"table", "tbody", "thead", "tfoot", "tr"})
