"""Language tags (BCP 47): checked and written in their canonical case once, here."""

from __future__ import annotations

import re

__all__ = ["is_language_tag", "normalize_language"]

# BCP 47 "langtag" production (RFC 5646 section 2.1), plus private use and grandfathered
# irregular tags kept simple: enough to reject what is not a tag, not a registry lookup.
_LANGTAG = re.compile(
    r"""
    (?:
      (?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})
      (?:-(?P<script>[a-z]{4}))?
      (?:-(?P<region>[a-z]{2}|\d{3}))?
      (?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*
      (?:-[\da-wy-z](?:-[a-z\d]{2,8})+)*
      (?:-x(?:-[a-z\d]{1,8})+)?
    |
      x(?:-[a-z\d]{1,8})+
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)


def is_language_tag(value: str) -> bool:
    """Tell whether ``value`` is a well-formed BCP 47 tag in canonical case.

    >>> is_language_tag("en-US"), is_language_tag("en_US"), is_language_tag("en us")
    (True, False, False)
    """
    return _LANGTAG.fullmatch(value) is not None and normalize_language(value) == value


def normalize_language(value: str) -> str:
    """Return the BCP 47 tag for ``value`` in canonical case; ``_`` becomes ``-``.

    >>> normalize_language("EN_us"), normalize_language("zh-hant-tw"), normalize_language("sr-latn")
    ('en-US', 'zh-Hant-TW', 'sr-Latn')

    Raises:
        ValueError: ``value`` is not a well-formed tag.
    """
    text = value.strip().replace("_", "-")
    if not _LANGTAG.fullmatch(text):
        raise ValueError(f"not a BCP 47 language tag: {value!r}")
    parts = text.lower().split("-")
    out = [parts[0]]
    singleton = parts[0] == "x"
    for part in parts[1:]:
        if singleton:
            out.append(part)
        elif len(part) == 1:
            singleton = True
            out.append(part)
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part)
    return "-".join(out)
