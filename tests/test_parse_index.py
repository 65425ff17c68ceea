"""The page index's class and id keyword search, held to a plain reference."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from newsitem.parse._decode import parse_tree
from newsitem.parse._index import (
    PageIndex,
    _is_word_char,
    _keyword_bits,
    _searchable,
    _value_bits,
)

_BITS = _keyword_bits()
_PIECES = sorted(
    {word for word, _ in _BITS} | {w[:2] for w, _ in _BITS} | {w[1:] for w, _ in _BITS}
)


def _reference(value: str) -> int:
    """Every keyword looked for on its own, at every place it occurs."""
    text = _searchable(value)
    bits = 0
    for (word, whole), bit in _BITS.items():
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if not whole or (
                not (start and _is_word_char(text[start - 1]))
                and not (end < len(text) and _is_word_char(text[end]))
            ):
                bits |= bit
                break
            start = text.find(word, start + 1)
    return bits


_VALUES = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.sampled_from([" ", "-", "_", "1", "x", "İ", "É"])),
    max_size=12,
).map("".join)


@given(st.lists(_VALUES, max_size=20, unique=True))
@example(["ad", "head", "ad-slot", "nav_ads", "author-card", "most-read", "mostread", "x" * 101])
@example(["-ad-", "a-ad-", "ad ad", "İad"])
def test_value_bits_match_each_keyword_looked_for_alone(values: list[str]) -> None:
    """Whatever the values, the joined search finds what each keyword finds alone."""
    assert _value_bits(values) == [_reference(v) for v in values]


_HREF_WORDS = ("/author", "youtu", "dai.ly")


@given(
    st.lists(
        st.lists(
            st.sampled_from(["/Author/", "/AUTHOR", "YouTu", "dai.ly", "İ", "\n", "/", "a", "é"]),
            max_size=6,
        ).map("".join),
        max_size=12,
    )
)
@example(["İİİ", "/AUTHOR/x", "dai.ly", "x\n/author"])
def test_hrefs_with_finds_what_reading_each_href_finds(hrefs: list[str]) -> None:
    """The joined search gives the links whose own href, lower-cased, holds a word."""
    root = parse_tree("<div>x</div>")
    for href in hrefs:
        link = root.makeelement("a", {"href": href})
        root.append(link)
    index = PageIndex(root)
    assert index.hrefs() == [h for h in hrefs]
    expected = [i for i, h in enumerate(hrefs) if any(w in h.lower() for w in _HREF_WORDS)]
    assert index.hrefs_with(_HREF_WORDS) == expected
