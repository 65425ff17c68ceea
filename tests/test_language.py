"""BCP 47 language tags (newsitem._language)."""

from __future__ import annotations

import pytest

from newsitem._language import is_language_tag, normalize_language


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("en_US", "en-US"),
        ("en-us", "en-US"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("de-CH-1996", "de-CH-1996"),
        ("x-private", "x-private"),
        ("en-x-Acme", "en-x-acme"),
        (" uk ", "uk"),
    ],
)
def test_tags_are_normalised_to_canonical_case(given: str, expected: str) -> None:
    """Underscores become hyphens, and each subtag takes its canonical case."""
    assert expected == normalize_language(given)
    assert is_language_tag(expected)


@pytest.mark.parametrize("bad", ["", "e", "en-", "en us", "123", "en--US", "toolonglanguage"])
def test_malformed_tags_are_refused(bad: str) -> None:
    """Strings that are not BCP 47 tags raise ValueError."""
    assert not is_language_tag(bad)
    with pytest.raises(ValueError, match="not a BCP 47 language tag"):
        normalize_language(bad)
