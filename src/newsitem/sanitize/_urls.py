"""URLs in attributes: read as a browser reads them, kept only with an allowed scheme."""

from __future__ import annotations

import re
import urllib.parse
from typing import TYPE_CHECKING, Final

from newsitem.errors import SanitizeError

from ._vocabulary import URL_ATTRIBUTES

if TYPE_CHECKING:
    from ._policy import Policy

__all__ = ["check_base_url", "clean_url", "filter_attribute"]

_URL_SCHEME: Final = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_URL_EDGES: Final = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_URL_TAB_NEWLINE: Final = re.compile(r"[\t\n\r]")
# An http(s) URL with no control character or space in it, which the two above leave as it is.
_PLAIN_HTTP_URL: Final = re.compile(r"(https?):[^\x00-\x20]*+")


def clean_url(value: str, schemes: frozenset[str], base_url: str | None) -> str | None:
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


def check_base_url(base_url: str | None) -> None:
    """Refuse a ``base_url`` that is not an absolute http(s) URL."""
    if base_url is None:
        return
    parts = urllib.parse.urlsplit(base_url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        raise SanitizeError(f"base_url: expected an absolute http(s) URL, got {base_url!r}")


def filter_attribute(
    policy: Policy, base_url: str | None, tag: str, name: str, value: str
) -> str | None:
    """The value ``policy`` keeps for attribute ``name``: URLs cleaned, others as they are."""
    if name == "src":
        return clean_url(value, policy.image_schemes, base_url)
    if name in URL_ATTRIBUTES:
        return clean_url(value, policy.link_schemes, base_url)
    return value
