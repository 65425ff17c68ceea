"""The word pre-checks that spare the case-blind expressions most texts."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsitem.parse import _body, _labels, _published
from newsitem.parse._tree import ASCII_LOOKALIKES, search_words

PAIRS = [
    (_body._CALL_TO_ACTION_WORDS, _body._CALL_TO_ACTION),
    (_body._POSITIVE_WORDS, _body._POSITIVE),
    (_body._NEGATIVE_WORDS, _body._NEGATIVE),
    (_labels._KICKER_WORDS, _labels._KICKER_CLASS),
    (_published._DATE_WORDS, _published._DATE_CLASS),
]


def test_lookalikes_are_every_character_a_case_blind_expression_takes_for_ascii() -> None:
    """No other character outside ASCII matches an ASCII letter case-blind."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {
        chr(code): chr(code).lower()
        for code in range(128, sys.maxunicode + 1)
        if letter.fullmatch(chr(code))
    }
    assert set(found) == set(ASCII_LOOKALIKES)
    for char, ascii_letter in ASCII_LOOKALIKES.items():
        assert re.fullmatch(ascii_letter, char, re.IGNORECASE)


def _pieces(words: tuple[str, ...], pattern: re.Pattern[str]) -> list[str]:
    """The words, the pattern's literal runs, and their spellings with lookalikes."""
    runs = set(words) | set(re.findall(r"[^\W\d_]{2,}(?: [^\W\d_]+)*", pattern.pattern))
    spelled = {
        run.replace(ascii_letter, char)
        for run in runs
        for char, ascii_letter in ASCII_LOOKALIKES.items()
    }
    return sorted(runs | spelled | {run.upper() for run in runs})


@pytest.mark.parametrize(("words", "pattern"), PAIRS, ids=lambda v: getattr(v, "pattern", "")[:20])
@given(data=st.data())
def test_search_words_says_what_the_expression_says(
    words: tuple[str, ...], pattern: re.Pattern[str], data: st.DataObject
) -> None:
    """Over texts made of the expression's own words (in any case, with lookalikes), the
    pre-check never turns away a text the expression matches."""
    pieces = _pieces(words, pattern)
    text = data.draw(
        st.lists(
            st.one_of(st.sampled_from(pieces), st.sampled_from([" ", "-", "“", "é", ": ", "x"])),
            max_size=8,
        ).map("".join)
    )
    assert search_words(text, words, pattern) == (pattern.search(text) is not None)


@pytest.mark.parametrize(
    "line",
    [
        "Crédits photos : Bestimage",
        "CRÉDIT PHOTO: AFP",
        "War der Artikel nützlich?",
        "Rejoignez notre canal de Telegram",
        "Follow ſtate news on Twitter",
    ],
)
def test_calls_to_action_outside_ascii_are_found(line: str) -> None:
    """Lines the expression matches that hold letters outside ASCII pass the pre-check."""
    assert _body._CALL_TO_ACTION.search(line) is not None
    assert _body._calls_to_action(line)
