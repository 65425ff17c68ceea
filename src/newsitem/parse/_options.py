"""How :func:`~newsitem.parse.parse_html` reads a page: :class:`ParseOptions`."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Final

import attrs

from newsitem.parse.profiles import SiteProfile

__all__ = ["ParseOptions"]

_DEFAULT_MAX_CHARS: Final = 20_000_000


@attrs.frozen(kw_only=True)
class ParseOptions:
    """How :func:`~newsitem.parse.parse_html` reads a page.

    Args:
        default_tz: The zone of a time the page writes without one. Never the machine's
            local zone. ``None`` drops such times (with a note) instead of guessing.
        reference: When the page was fetched (timezone-aware): the year of a date written
            without one, and the point "3 hours ago" counts back from.
        dayfirst: How to read ambiguous all-number dates (``03/04/2022``).
        max_chars: The largest page accepted, in characters after decoding.
        profiles: Site profiles to choose from by URL host, tried before installed ones.
        use_installed_profiles: Whether profiles published through the
            ``newsitem.profiles`` entry-point group are used.
        find_blocks: Whether related blocks, author cards and video teasers are read
            (``False`` leaves the ``blocks`` stage out).
    """

    default_tz: tzinfo | None = UTC
    reference: datetime | None = None
    dayfirst: bool | None = None
    max_chars: int = _DEFAULT_MAX_CHARS
    profiles: tuple[SiteProfile, ...] = ()
    use_installed_profiles: bool = True
    find_blocks: bool = True
