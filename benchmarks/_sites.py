"""Which site each corpus page comes from, and the half of the sites it belongs to.

Accuracy is judged on sites the rules were not written from. Every corpus page is given a
site (its publisher, or its host) and every site one of two halves by a hash of its name,
so the split is stable, needs no list, and never puts pages of one site in both halves:

- ``"dev"``: the sites rules may be written from (look at these pages' failures);
- ``"held"``: the sites kept out of sight; report these, never tune on them.

Pages of one publisher share a site even across corpora (``cnn`` in readability and in
newspaper4k), so a rule written from one CNN page is not judged on another.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

__all__ = ["HALVES", "half_of", "site_of"]

HALVES = ("dev", "held")

# Host words that are not the site's name.
_HOST_NOISE = re.compile(r"^(?:www\d?|m|mobile|amp|edition|news|blog|blogs|de|en)\.")
# Publishers whose pages are named differently in two corpora.
_ALIASES = {
    "nytimes": "nytimes",
    "newyorktimes": "nytimes",
    "washingtonpost": "wapo",
    "wapo": "wapo",
    "theguardian": "guardian",
    "guardian": "guardian",
    "telegraph": "telegraph",
    "lemonde": "lemonde",
    "bbc": "bbc",
    "cnn": "cnn",
    "wired": "wired",
    "yahoo": "yahoo",
    "thetelegraph": "telegraph",
    "euronewsde": "euronews",
    "euronewsen": "euronews",
    "euronewsfr": "euronews",
    "businessinsiderde": "businessinsider",
    "bbcnews": "bbc",
}


def _normal(name: str) -> str:
    key = re.sub(r"[^a-z0-9]", "", name.lower())
    return _ALIASES.get(key, key)


def _host_site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    while _HOST_NOISE.match(host):
        host = _HOST_NOISE.sub("", host, count=1)
    parts = host.split(".")
    # The registrable name: the label before the public suffix (one or two labels long).
    if len(parts) >= 3 and parts[-2] in {"co", "com", "org", "net", "gov", "ac", "or", "ne"}:
        return _normal(parts[-3])
    return _normal(parts[-2] if len(parts) >= 2 else host)


def site_of(name: str, url: str | None = None, publisher: str | None = None) -> str:
    """The site a corpus page comes from.

    Args:
        name: The page's benchmark name, ``<corpus>/<page>`` (``readability/bbc-1``,
            ``newspaper4k/cnn_001.html``, ``trafilatura/<file>``, ``fundus/<id>``).
        url: The page's own URL when the corpus knows it (``fakehost`` URLs are ignored).
        publisher: The publisher, when the corpus names it (Fundus does).

    Returns:
        A short lower-case site key such as ``"cnn"`` or ``"spiegel"``.
    """
    corpus, _, page = name.partition("/")
    if publisher:
        return _normal(publisher)
    if url and "fakehost" not in url and urlsplit(url).hostname:
        return _host_site(url)
    stem = page.rsplit("/", 1)[-1].removesuffix(".html")
    if corpus == "readability":
        return _normal(re.sub(r"-\d+$", "", stem))
    if corpus == "newspaper4k":
        return _normal(re.sub(r"(?:_\d+|_main_site|_article.*|_test_nlp|\d+)$", "", stem))
    # trafilatura files are named after their host: "spiegel.de.politik.html".
    return _host_site("http://" + stem.split("-")[0])


def half_of(site: str) -> str:
    """``"dev"`` or ``"held"``: the half of the sites ``site`` belongs to (a stable hash)."""
    return HALVES[hashlib.sha256(site.encode()).digest()[0] & 1]
