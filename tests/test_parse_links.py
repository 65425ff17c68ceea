"""The URL helpers' quick paths give exactly what the slow, general path gives."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from hypothesis import example, given
from hypothesis import strategies as st

from newsitem.models import is_http_url
from newsitem.parse._links import absolute_url


def _general_is_http_url(value: str) -> bool:
    if not value or any(c.isspace() or ord(c) < 0x20 or c == "\x7f" for c in value):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _general_absolute_url(href: str | None, base_url: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    url = urljoin(base_url, href) if base_url else href
    if url.startswith("//"):
        url = "https:" + url
    return url if _general_is_http_url(url) else None


_PIECES = st.sampled_from(
    ["http://", "https://", "HTTPS://", "//", "news.example", "a.b", "-", ".", "..", "/",
     "./", "../", "/.", "?", "#", ";", "=", "&", "@", ":", ":80", ":99999", "[::1]", "x",
     "%2e", " ", "\t", "é", "q=1", "user@", "javascript:", "mailto:"]
)  # fmt: skip
_URLS = st.lists(_PIECES, max_size=8).map("".join)
_BASES = st.one_of(
    _URLS,
    st.none(),
    st.sampled_from(["https://news.example/a/b", "http://news.example/", "https://x.example"]),
)


@given(_URLS)
@example("https://news.example/a?")
@example("https://news.example/a#")
@example("https://news.example:99999/")
def test_is_http_url_quick_path_agrees(url: str) -> None:
    """is_http_url's quick test never answers differently from a full urlsplit."""
    assert _general_is_http_url(url) == is_http_url(url)


@given(_URLS, _BASES)
@example("https://news.example/a/../b", "https://news.example/")
@example("https://news.example/a;p", None)
@example("https://news.example/a?#f", None)
@example("https://news.example", "https://news.example/a/b")
@example("/a/../b", "https://news.example/x/y")
@example("/a?", "https://news.example/x")
@example("/a", "https://user@news.example/x")
def test_absolute_url_quick_path_agrees(href: str, base: str | None) -> None:
    """absolute_url returns, for every href and base, what urljoin and the full check give."""
    assert _general_absolute_url(href, base) == absolute_url(href, base)
