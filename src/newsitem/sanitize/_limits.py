"""Input limits: size, nesting depth and attributes per element, held before any engine.

The full pre-scan (``_prescan``) follows the HTML tokenizer exactly and the tree builder
closely, erring on the deep side: it may refuse markup a browser would nest less deeply,
and is meant never to accept markup a browser would nest more deeply. It is the reference;
quicker ways decide alike where they can: counting start tags with ``str.count`` and
checking every tag's form with one regular expression, or the quick scan
(``_quick_scan``), which follows the tree builder on a list of names where it works as a
plain stack. Where neither can decide, the full pre-scan does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from newsitem.errors import SanitizeError

from ._prescan import NOT_FLAT, Flat, Tree, scan
from ._quick_scan import fits_quickly, follow_quickly, odd_tag

if TYPE_CHECKING:
    from ._policy import Policy

__all__ = ["check_limits", "check_limits_fully", "fits_quickly"]

#: How many times the full pre-scan hands markup back to the quick scan at the most: a few
#: islands of svg in an article are followed quickly around, and markup that would have
#: the two take turns on every tag cannot make the scans cost more than the full one.
_HANDOVERS: Final = 32


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
    if starts + 1 > max_depth:
        return False
    implied = 2 * (html.count("<t") + html.count("<T")) + html.count("<c") + html.count("<C")
    return starts + implied + 1 <= max_depth


def check_limits(html: str, policy: Policy) -> None:
    """Refuse input over ``policy``'s size, depth or attribute limits.

    Markup with too few start tags to nest past the depth limit is only tokenized, for the
    attribute limit, and not even that when a regular expression finds every tag in the
    simple form with few enough attributes. Other markup goes to the quick scan; where that
    gives up, the full pre-scan takes over from there, and hands the markup back once its
    tree is plain again (a few times at most).

    Raises:
        SanitizeError: The input is over one of the limits.
    """
    _check_size(html, policy)
    if _few_start_tags(html, policy.max_depth):
        if odd_tag(policy.max_attributes).search(html) is None:
            return
        if NOT_FLAT.search(html) is None:
            scan(html, Flat(policy))
            return
    source = html.lower() if html.isascii() else html  # see follow_quickly
    names: list[str] = []
    position = 0
    for _ in range(_HANDOVERS):
        given_up = follow_quickly(source, policy, names, position)
        if given_up is None:
            return
        handed_back = scan(html, Tree(policy, names), given_up, hand_back=True)
        if handed_back is None:
            return
        position, names = handed_back
    scan(html, Tree(policy, names), position)


def check_limits_fully(html: str, policy: Policy) -> None:
    """:func:`check_limits` with the full pre-scan only, its tree estimate on every input:
    the reference the quicker ways are held to.

    Raises:
        SanitizeError: The input is over one of the limits.
    """
    _check_size(html, policy)
    scan(html, Tree(policy))


def _check_size(html: str, policy: Policy) -> None:
    if len(html) * 4 <= policy.max_bytes:  # four UTF-8 bytes at most per character
        return
    size = len(html) if html.isascii() else len(html.encode("utf-8", "surrogatepass"))
    if size > policy.max_bytes:
        raise SanitizeError(
            f"markup is {size} bytes, over policy {policy.name!r}'s max_bytes={policy.max_bytes}"
        )
