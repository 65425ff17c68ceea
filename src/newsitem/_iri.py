"""IRIs written as URIs (RFC 3987 section 3.1 to RFC 3986), and the syntax of an absolute URI.

Pages hold IRIs: ``https://de.wikipedia.org/wiki/Bücher``, ``https://bücher.de/``. Formats
whose schemas say ``format: uri`` need them as URIs: non-ASCII characters of the path, query
and fragment percent-encoded as UTF-8, and a non-ASCII host in its IDNA (punycode) form.

>>> iri_to_uri("https://bücher.de/wiki/Bücher?q=ä#Straße")
'https://xn--bcher-kva.de/wiki/B%C3%BCcher?q=%C3%A4#Stra%C3%9Fe'
>>> iri_to_uri("https://example.com/a%20b")  # a URI comes back unchanged
'https://example.com/a%20b'
>>> is_absolute_uri("urn:x:1"), is_absolute_uri("no scheme"), is_absolute_uri("http://a b/")
(True, False, False)
"""

from __future__ import annotations

import ipaddress
import re
from typing import Final

__all__ = ["iri_to_uri", "is_absolute_uri"]

_UNRESERVED: Final = "A-Za-z0-9\\-._~"
_SUB_DELIMS: Final = "!$&'()*+,;="
_PCT: Final = "%[0-9A-Fa-f]{2}"
_PCHAR: Final = f"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
_AUTHORITY: Final = (
    f"(?:(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?"  # userinfo
    f"(?P<host>\\[[^\\]]*\\]|(?:[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT})*)"  # IP-literal or reg-name
    "(?::[0-9]*)?"  # port
)
#: RFC 3986 section 3: scheme ":" hier-part [ "?" query ] [ "#" fragment ].
_URI: Final = re.compile(
    "[A-Za-z][A-Za-z0-9+\\-.]*:"
    f"(?://{_AUTHORITY}(?:/{_PCHAR}*)*|/?(?:{_PCHAR}+(?:/{_PCHAR}*)*)?)"
    f"(?:\\?(?:{_PCHAR}|[/?])*)?"
    f"(?:#(?:{_PCHAR}|[/?])*)?"
)
_IPV_FUTURE: Final = re.compile(f"v[0-9A-Fa-f]+\\.[{_UNRESERVED}{_SUB_DELIMS}:]+")

# RFC 3986 appendix B: the five parts of any reference.
_PARTS: Final = re.compile(
    r"(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?", re.S
)
_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+\-.]*")
# What each part may hold as it is; everything else is percent-encoded.
_KEEP_PATH: Final = re.compile(f"[{_UNRESERVED}{_SUB_DELIMS}:@/]|{_PCT}")
_KEEP_QUERY: Final = re.compile(f"[{_UNRESERVED}{_SUB_DELIMS}:@/?]|{_PCT}")
_KEEP_USERINFO: Final = re.compile(f"[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT}")
_KEEP_HOST: Final = re.compile(f"[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT}")


def is_absolute_uri(text: str) -> bool:
    """Tell whether ``text`` is an absolute URI by the grammar of RFC 3986 (``URI``)."""
    match = _URI.fullmatch(text)
    if match is None:
        return False
    host = match.group("host")
    if host is None or not host.startswith("["):
        return True
    literal = host[1:-1]
    if _IPV_FUTURE.fullmatch(literal):
        return True
    try:
        ipaddress.IPv6Address(literal)
    except ValueError:
        return False
    return "%" not in literal  # a zone id is not part of RFC 3986


def _encode(text: str, keep: re.Pattern[str]) -> str:
    """Percent-encode, as UTF-8, every character ``keep`` does not match."""
    out = []
    index = 0
    while index < len(text):
        kept = keep.match(text, index)
        if kept is not None:
            out.append(kept.group())
            index = kept.end()
            continue
        out.extend(f"%{byte:02X}" for byte in text[index].encode("utf-8", "surrogatepass"))
        index += 1
    return "".join(out)


def _host(host: str) -> str:
    """A reg-name in ASCII: IDNA for non-ASCII labels, percent-encoding where IDNA refuses."""
    if host.startswith("[") or host.isascii():
        return host if host.startswith("[") else _encode(host, _KEEP_HOST)
    labels = []
    for label in host.split("."):
        if label.isascii():
            labels.append(_encode(label, _KEEP_HOST))
            continue
        try:
            labels.append(label.encode("idna").decode("ascii"))
        except UnicodeError:
            labels.append(_encode(label, _KEEP_HOST))
    return ".".join(labels)


def _authority(authority: str) -> str:
    userinfo, at, hostport = authority.rpartition("@")
    host, port = hostport, ""
    if not hostport.endswith("]") and ":" in hostport:
        host, _, port = hostport.rpartition(":")
        port = ":" + port
    return (_encode(userinfo, _KEEP_USERINFO) + at if at else "") + _host(host) + port


def iri_to_uri(iri: str) -> str:
    """Write an IRI as a URI (RFC 3987 section 3.1).

    Characters a URI cannot hold (non-ASCII, spaces, ``<>"{}|\\^```, a ``%`` that starts
    no escape) are percent-encoded as UTF-8 in the user, path, query and fragment; a
    non-ASCII host is written in IDNA, or percent-encoded where IDNA refuses a label.
    Reserved characters stay as they are, so the parts keep their meaning, and a URI
    comes back unchanged.

    Args:
        iri: An IRI or IRI reference.

    Returns:
        The URI (or URI reference, for a reference without a scheme).
    """
    if iri.isascii() and _URI.fullmatch(iri):
        return iri
    match = _PARTS.fullmatch(iri)
    assert match is not None  # every string matches appendix B
    scheme, authority, path, query, fragment = match.groups()
    if scheme is not None and not _SCHEME.fullmatch(scheme):
        return _encode(iri, _KEEP_QUERY)  # no scheme: a reference, never an absolute URI
    out = [] if scheme is None else [scheme + ":"]
    if authority is not None:
        out.append("//" + _authority(authority))
    out.append(_encode(path, _KEEP_PATH))
    if query is not None:
        out.append("?" + _encode(query, _KEEP_QUERY))
    if fragment is not None:
        out.append("#" + _encode(fragment, _KEEP_QUERY))
    return "".join(out)
