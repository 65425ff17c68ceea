"""Small tree and URL helpers the page scans share."""

from __future__ import annotations

from urllib.parse import urljoin

import lxml.html

from newsitem.models import is_http_url

__all__ = ["absolute_url", "is_inside"]


def absolute_url(href: str | None, base_url: str | None) -> str | None:
    """Resolve ``href`` against ``base_url``; ``None`` unless the result is http(s).

    A protocol-relative ``//host/path`` with no base to take a scheme from becomes https.

    >>> absolute_url("/news/xi", "https://example.com/a/b"), absolute_url("#top", None)
    ('https://example.com/news/xi', None)
    """
    if not href:
        return None
    href = href.strip()
    url = urljoin(base_url, href) if base_url else href
    if url.startswith("//"):
        url = "https:" + url
    return url if is_http_url(url) else None


def is_inside(element: lxml.html.HtmlElement, ancestor: lxml.html.HtmlElement) -> bool:
    """Tell whether ``ancestor`` is a proper ancestor of ``element``."""
    node = element.getparent()
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False
