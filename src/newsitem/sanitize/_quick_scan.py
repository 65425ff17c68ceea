"""The quick scan: the tags a regular expression reads, followed on a list of names.

It follows the tree builder only where it works as a plain stack (each start tag opens
one element, or a table part with the ones it implies; each end tag closes what the tree
builder closes; no formatting element is left waiting to be reopened). There its stack is
exactly the full pre-scan's; anywhere else it gives up and the full pre-scan decides.
"""

from __future__ import annotations

import re
import types
from typing import TYPE_CHECKING, Final

from ._tree_builder import (
    CLOSES_P,
    DD_DT,
    FORMATTING,
    HEADINGS,
    IGNORED,
    INTEGRATION,
    ITSELF,
    LI,
    MARKERS,
    RAW_TEXT,
    SCOPE,
    SCOPED_END,
    SPECIAL,
    TABLE_END,
    TABLE_PARTS,
    TABLE_SCOPE,
    TABLE_SCOPE_OR_MARKER,
    VOID,
    P,
)

if TYPE_CHECKING:
    from ._policy import Policy

__all__ = ["fits_quickly", "follow_quickly", "odd_tag"]

_NAME: Final = r"[A-Za-z][^\t\n\f\r />]*+"
_SPACE: Final = r"[\t\n\f\r ]"


# The full pre-scan's reading of an attribute in the simple form, with every part
# possessive, which reads the same: each part ends where the next cannot begin.
_QUICK_ATTRIBUTE: Final = (
    r"""[\t\n\f\r ]++[^\t\n\f\r /=>]++"""
    r"""(?:="[^"]*+"|='[^']*+'|=[^\t\n\f\r >"'][^\t\n\f\r >]*+)?+"""
)


def odd_tag(max_attributes: int) -> re.Pattern[str]:
    """Finds the first start tag that the flat scan cannot take (``svg``, ``math``,
    ``select``), or not in the simple form, or with more than ``max_attributes``
    attributes, or what reads as one inside a comment or raw text (``re`` caches it)."""
    return re.compile(
        rf"<(?:[sS][vV][gG]|[mM][aA][tT][hH]|[sS][eE][lL][eE][cC][tT]"
        rf"|{_NAME}(?!(?:{_QUICK_ATTRIBUTE}){{0,{max_attributes}}}+{_SPACE}*+/?>))"
    )


def _tokens(max_attributes: int) -> re.Pattern[str]:
    """Reads what the tokenizer reads at each ``<`` (``re`` caches it).

    Group 1 is the name of a start tag in the simple form (as the full pre-scan's
    ``_SIMPLE_TAG`` reads it) with at most ``max_attributes`` attributes; group 2 is set
    when text and an end tag of the same name follow (a leaf element, read in one match);
    group 3 is the name of an end tag in the simple form; group 4 the character after a
    ``<`` that opens anything else, where the quick scan gives up. A match with no group
    is a comment, a bogus comment or a ``<`` that is text. (One branch that starts with
    ``<`` lets ``re`` skip from one ``<`` to the next.)
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
_RAW_TEXT_OR_SCRIPT: Final = RAW_TEXT | {"script"}


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
        (_IGNORE, IGNORED),
        (_LIST_ITEM, LI | DD_DT),
        (_CLOSES_P_CODE, CLOSES_P),
        (_HEADING, HEADINGS),
        (_TABLE_PART, frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"})),
        (_COLUMN, frozenset({"col"})),
        (_OPTION, frozenset({"option", "optgroup"})),
        (_ITSELF_CODE, frozenset(ITSELF)),
        (_VOID_CODE, VOID),
    )
)
#: What an end tag asks of the tree builder, by name; names not listed close by scope.
_END_CODES: Final = _codes(
    (
        (_IGNORE, IGNORED | VOID | {"template"}),
        (_BREAK, frozenset({"br"})),
        (_FORMATTING_CODE, FORMATTING),
        (_P_CODE, P),
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
_END_ASKS: Final = IGNORED | VOID | TABLE_PARTS | {"template", "p"}
#: Start tags that only open an element when no element of the name they map to is open.
_GUARDS: Final = types.MappingProxyType(
    {**{name: "p" for name in _CLOSES_P_ONLY}, **{name: name for name in ITSELF}}
)
_CELLS: Final = frozenset({"td", "th"})
_ROW_GROUPS: Final = frozenset({"tbody", "thead", "tfoot"})


def fits_quickly(html: str, policy: Policy) -> bool:
    """Whether the quick scan follows ``html`` to its end within ``policy``'s depth and
    attribute limits; False when it gives up, and the full pre-scan must decide."""
    return follow_quickly(html.lower() if html.isascii() else html, policy, []) is None


def follow_quickly(source: str, policy: Policy, stack: list[str], position: int = 0) -> int | None:
    """Follow ``source`` from ``position`` on, with ``stack`` the open elements' names
    there; return None at its end, or where the quick scan gives up.

    ``source`` is the markup, lower-cased whole if it is ASCII (quicker than tag by tag;
    other markup cannot be, as lower-casing could turn text into a tag name: KELVIN SIGN
    becomes "k"). Where it gives up (a formatting element would wait to be reopened,
    foreign content, ``<select>``, raw text holding markup, a tag not in the simple form,
    or the depth limit), ``stack`` is as it was before that tag, and the full pre-scan can
    take over from there.
    """
    max_depth = policy.max_depth
    lowered = source.isascii()
    push, pop = stack.append, stack.pop
    for match in _tokens(policy.max_attributes).finditer(source, position):
        kind = match.lastindex
        if kind is None:  # a comment, or a "<" that is text
            continue
        if kind == 3:
            name = match[3] if lowered else match[3].lower()
            if stack and stack[-1] == name:
                if name not in _END_ASKS or (name in TABLE_PARTS and "table" in stack):
                    pop()
                    continue
                if name == "p" and len(stack) < max_depth:  # "</p>" opens a p, for a moment
                    pop()
                    continue
        elif kind == 4:
            return match.start()
        else:
            name = match[1] if lowered else match[1].lower()
            guard = _GUARDS.get(name)
            opens = name not in _START_ASKS or (guard is not None and guard not in stack)
            if kind == 2:  # a leaf: the element opens and closes
                if opens and name not in _END_ASKS:
                    if len(stack) >= max_depth:
                        return match.start()
                    continue
                if opens and name == "p":
                    if len(stack) + 2 > max_depth:  # "</p>" opens a p, for a moment
                        return match.start()
                    continue
            elif opens or _in_row_or_group(name, stack):
                if len(stack) >= max_depth:
                    return match.start()
                push(name)
                continue
            elif name in _VOID_ONLY:
                if len(stack) >= max_depth:
                    return match.start()
                continue
            elif name in _RAW_TEXT_OR_SCRIPT:
                return match.start()  # raw text that holds markup
        saved = stack[:]
        if not _follow_tag(name, kind, stack, max_depth):
            stack[:] = saved
            return match.start()
    return None


def _in_row_or_group(name: str, stack: list[str]) -> bool:
    """Whether ``name`` is a cell opening in a row of a row group of a table, or a row
    in a row group of a table: where it only opens (see :func:`_open_table_part`)."""
    if name in _CELLS:
        return len(stack) >= 3 and stack[-1] == "tr" and _in_row_group(stack, -2)
    return name == "tr" and len(stack) >= 2 and _in_row_group(stack, -1)


def _in_row_group(stack: list[str], index: int) -> bool:
    return stack[index] in _ROW_GROUPS and stack[index - 1] == "table"


def _follow_tag(name: str, kind: int, stack: list[str], max_depth: int) -> bool:
    """Follow a start tag (``kind`` 1), a leaf (2) or an end tag (3) that asks more of the
    tree builder than to open or close the element on top."""
    if kind != 3:
        if not _open(name, stack, max_depth):
            return False
        if kind == 1:
            return True
    return _close_tag(name, stack, max_depth)


def _open(name: str, stack: list[str], max_depth: int) -> bool:
    """Follow a start tag of ``name``."""
    code = _START_CODES.get(name, 0)
    if code & _GIVE_UP:
        return False
    if code & _IGNORE:
        return True
    if code and not _prepare_start(name, code, stack):
        return False
    if code & _VOID_CODE:
        return len(stack) < max_depth  # a void element opens and closes at once
    stack.append(name)
    return len(stack) <= max_depth


def _close_tag(name: str, stack: list[str], max_depth: int) -> bool:
    """Follow an end tag of ``name``."""
    code = _END_CODES.get(name, 0)
    if code & (_BREAK | _P_CODE) and len(stack) >= max_depth:
        return False  # "</br>" and "</p>" open an element, for a moment
    if code & (_IGNORE | _BREAK):
        return True
    if stack and stack[-1] == name:
        if name not in TABLE_PARTS or "table" in stack or "template" in stack:
            stack.pop()
        return True
    return name not in stack or _close(name, code, stack)


def _prepare_start(name: str, code: int, stack: list[str]) -> bool:
    """Close, as the full scan does, what a start tag of ``name`` closes, and open the
    elements it implies; False if that would leave a formatting element to reopen."""
    if code & _LIST_ITEM:
        targets = LI if name == "li" else DD_DT
        for index in range(len(stack) - 1, -1, -1):
            found = stack[index]
            if found in targets:
                if not _pop_to(stack, index):
                    return False
                break
            if found in SPECIAL and found not in {"address", "div", "p"}:
                break
    if code & _CLOSES_P_CODE and "p" in stack:
        p_index = _find(stack, P, SCOPE)
        if p_index is not None and not _pop_to(stack, p_index):
            return False
    if code & _HEADING:
        if stack and stack[-1] in HEADINGS:
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
        open_index = _find(stack, ITSELF[name], TABLE_SCOPE_OR_MARKER)
        if open_index is not None:
            return _close_formatting(stack, open_index)
    return True


def _open_table_part(name: str, stack: list[str]) -> bool:
    """What :meth:`Tree._table_start` does, on the quick scan's stack."""
    closes = _TABLE_CLOSES[name]
    index = _find(stack, closes, TABLE_SCOPE)
    if index is not None and "table" in stack[:index]:
        while index > 0 and stack[index - 1] in closes:
            index -= 1
        if not _pop_to(stack, index):
            return False
    context = _find(stack, _TABLE_CONTEXT, MARKERS)
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
    """What :meth:`Tree.end` does for an end tag of ``name``, an open element not on
    top; False if that would leave a formatting element to reopen."""
    if code & _FORMATTING_CODE:
        index = _find(stack, frozenset({name}), TABLE_SCOPE_OR_MARKER)
        return index is None or _close_formatting(stack, index)
    boundary = TABLE_SCOPE if name in TABLE_END else SCOPE
    for index in range(len(stack) - 1, -1, -1):
        found = stack[index]
        if found == name:
            if name in TABLE_PARTS and not {"table", "template"} & set(stack[:index]):
                return True
            return _pop_to(stack, index)
        if (name not in SCOPED_END and found in SPECIAL) or found in boundary:
            return True
        if found in INTEGRATION:
            return True
    return True


def _close_formatting(stack: list[str], index: int) -> bool:
    """What :meth:`Tree.end_formatting` does on the quick scan's stack."""
    if any(found in SPECIAL for found in stack[index + 1 :]):
        del stack[index]
        return True
    return _pop_to(stack, index)


def _pop_to(stack: list[str], index: int) -> bool:
    """Close ``stack[index:]``, unless a formatting element among them would wait to be
    reopened (the full scan reopens them; the quick scan gives up instead)."""
    for position in range(index, len(stack)):
        name = stack[position]
        if name in MARKERS:
            break
        if position > index and name in FORMATTING:
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
