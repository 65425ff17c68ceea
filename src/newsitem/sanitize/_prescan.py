"""The full pre-scan: the HTML tokenizer, exactly, and an estimate of the tree builder's
open-element stack that is never too shallow."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from newsitem.errors import SanitizeError

from ._tree_builder import (
    BREAKOUT,
    CLOSES_P,
    DD_DT,
    FORMATTING,
    HEADINGS,
    IGNORED,
    INTEGRATION,
    ITSELF,
    LI,
    MARKERS,
    MATH_INTEGRATION,
    RAW_TEXT,
    RAW_TEXT_OR_PLAINTEXT,
    SCOPE,
    SCOPED_END,
    SPECIAL,
    SVG_INTEGRATION,
    TABLE_END,
    TABLE_PARTS,
    TABLE_SCOPE,
    TABLE_SCOPE_OR_MARKER,
    VOID,
    P,
)

if TYPE_CHECKING:
    from ._policy import Policy

__all__ = ["NOT_FLAT", "Flat", "Tree", "scan"]

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


class Tree:
    """An estimate of the open-element stack a browser would build, never too shallow."""

    def __init__(self, policy: Policy, names: list[str] | None = None) -> None:
        """Start with the HTML elements ``names`` open, none waiting to be reopened."""
        self.policy = policy
        # (name, namespace, pending at push)
        self.stack: list[tuple[str, str, int]] = [(name, "html", 0) for name in names or ()]
        self.pending: list[str] = []  # formatting elements waiting to be reopened

    def names(self) -> list[str] | None:
        """The open elements' names, if they are all HTML elements but ``<select>`` (in
        which raw text is refused) and none waits to be reopened: where a plain stack of
        names can follow the tree builder. Else None."""
        if self.pending or any(
            namespace != "html" or name == "select" for name, namespace, _ in self.stack
        ):
            return None
        return [name for name, _, _ in self.stack]

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
            if name in MARKERS:
                # Closing a marker forgets the formatting elements opened inside it.
                del self.pending[pending_at_push:]
                break
            if position and name in FORMATTING:
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
            return name not in SVG_INTEGRATION
        if namespace == "math":
            return name not in MATH_INTEGRATION and name != "annotation-xml"
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
            breakout = name in BREAKOUT or (
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
        if name in IGNORED:
            return None
        self.reconstruct()
        if name in {"svg", "math"}:
            self.push(name, name)
            if tag.self_closing:
                self.stack.pop()
                return None
            return name
        if name in {"li", "dd", "dt"}:
            targets = LI if name == "li" else DD_DT
            for index in range(len(self.stack) - 1, -1, -1):
                found, namespace, _ = self.stack[index]
                if found in targets:
                    self.pop_to(index)
                    break
                if (found in SPECIAL and found not in {"address", "div", "p"}) or (
                    namespace != "html"
                ):
                    break
        if name in CLOSES_P:
            p_index = self.find(P, SCOPE)
            if p_index is not None:
                self.pop_to(p_index)
        if name in HEADINGS and self.stack and self.stack[-1][0] in HEADINGS:
            self.stack.pop()
        elif name in {"td", "th", "tr", "tbody", "thead", "tfoot"}:
            self._table_start(name)
        elif name == "col" and (not self.stack or self.stack[-1][0] != "colgroup"):
            self.push("colgroup")
        elif name in {"option", "optgroup"} and self.stack and self.stack[-1][0] == "option":
            self.stack.pop()
        elif name in {"a", "nobr", "button"}:
            open_index = self.find(ITSELF[name], TABLE_SCOPE_OR_MARKER)
            if open_index is not None:
                self.end_formatting(name, open_index)
        self.push(name)
        if name in VOID:
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
        index = self.find(frozenset(closes), TABLE_SCOPE)
        if index is not None and any(found == "table" for found, _, _ in self.stack[:index]):
            # pop to the outermost row-group part that the new one closes
            while index > 0 and self.stack[index - 1][0] in closes:
                index -= 1
            self.pop_to(index)
        context = self.find(frozenset({"table", "tbody", "thead", "tfoot", "tr"}), MARKERS)
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
            found in SPECIAL or namespace != "html"
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
        if name in IGNORED or name in VOID or name == "template":
            # html5lib (bleach's parser) ignores "</template>": count templates as unclosed.
            return
        if name in FORMATTING:
            index = self.find(frozenset({name}), TABLE_SCOPE_OR_MARKER)
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
        boundary = TABLE_SCOPE if name in TABLE_END else SCOPE
        for index in range(len(self.stack) - 1, -1, -1):
            found, namespace, _ = self.stack[index]
            if found == name:
                if name in TABLE_PARTS and not any(
                    below in {"table", "template"} for below, _, _ in self.stack[:index]
                ):
                    return  # outside a table, table end tags are ignored
                self.pop_to(index)
                return
            if namespace == "html" and name not in SCOPED_END and found in SPECIAL:
                return
            if found in boundary or found in INTEGRATION:
                return


# A tag name the flat scan cannot take, spelled in any case (without re.IGNORECASE, which
# would read the whole text slowly).
NOT_FLAT: Final = re.compile(r"<(?:[sS][vV][gG]|[mM][aA][tT][hH]|[sS][eE][lL][eE][cC][tT])")


class Flat:
    """Stands in for :class:`Tree` where the markup cannot nest past the depth limit and
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
        return None if tag.name in IGNORED or tag.name in VOID else "html"

    def end(self, name: str) -> None:
        pass

    def reconstruct(self) -> None:
        pass

    def foreign(self) -> bool:
        return False


def scan(
    html: str, tree: Tree | Flat, position: int = 0, *, hand_back: bool = False
) -> tuple[int, list[str]] | None:
    """The full pre-scan, following ``tree`` (or, where it cannot nest past the depth
    limit, ``Flat``) through the tokens of ``html`` from ``position`` on.

    Returns:
        None at the end of ``html``; with ``hand_back``, after the first end tag that
        leaves ``tree`` plain (see :meth:`Tree.names`), the position after it and the open
        elements' names.

    Raises:
        SanitizeError: The markup is over one of the limits.
    """
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
                return None
            namespace = tree.start(tag)
            position = tag.end
            if namespace != "html":
                continue
            if (tag.name in RAW_TEXT_OR_PLAINTEXT and tag.name != "textarea") and any(
                found == "select" for found, _, _ in tree.stack[:-1]
            ):
                # Parsers disagree on raw text inside <select>; refuse rather than guess.
                raise SanitizeError(f"markup has <{tag.name}> inside <select>, which is refused")
            if tag.name == "plaintext":
                return None
            if tag.name == "script":
                position = _skip_script(html, position)
            elif tag.name in RAW_TEXT:
                closer = re.compile(rf"</{tag.name}[\t\n\f\r />]", re.IGNORECASE)
                found = closer.search(html, position)
                if found is None:
                    return None
                position = found.start()
            else:
                continue
            if position >= length:
                return None
            tree.end(tag.name)
            closing = _read_tag(html, position + 2)
            if closing is None:
                return None
            position = closing.end
            if hand_back and isinstance(tree, Tree) and (names := tree.names()) is not None:
                return position, names
        elif following == "/":
            after = html[lt + 2 : lt + 3]
            if after.isascii() and after.isalpha():
                tag = _read_tag(html, lt + 2)
                if tag is None:
                    return None
                tree.end(tag.name)
                position = tag.end
                if hand_back and isinstance(tree, Tree) and (names := tree.names()) is not None:
                    return position, names
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
    return None


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
