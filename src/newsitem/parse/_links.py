"""Links: resolving a page's hrefs to absolute http(s) URLs."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from newsitem.models import is_http_url

__all__ = ["absolute_url"]

# An absolute http(s) URL that urljoin returns as it is: a plain host, no parameters
# (";"), no empty query or fragment, no dot segments (checked apart).
_PLAIN_ABSOLUTE = re.compile(
    r"https?://[A-Za-z0-9.\-]+(?:/[^?#;\s\x00-\x1f\x7f]*)?(?:\?[^#\s\x00-\x1f\x7f]+)?"
    r"(?:#[^\s\x00-\x1f\x7f]+)?\Z"
)
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.\-]+(?=[/?#]|\Z)")


def absolute_url(href: str | None, base_url: str | None) -> str | None:
    """Resolve ``href`` against ``base_url``; ``None`` unless the result is http(s).

    A protocol-relative ``//host/path`` with no base to take a scheme from becomes https.

    >>> absolute_url("/news/xi", "https://example.com/a/b"), absolute_url("#top", None)
    ('https://example.com/news/xi', None)
    """
    if not href:
        return None
    href = href.strip()
    if "/." not in href:  # no dot segments to resolve: plain URLs need no urljoin
        if _PLAIN_ABSOLUTE.match(href):
            return href
        if base_url and href.startswith("/") and not href.startswith("//"):
            origin = _ORIGIN.match(base_url)
            if origin is not None and _PLAIN_ABSOLUTE.match(url := origin.group() + href):
                return url
    url = urljoin(base_url, href) if base_url else href
    if url.startswith("//"):
        url = "https:" + url
    return url if is_http_url(url) else None
