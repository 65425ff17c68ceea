"""The plain-text renderer: what a reader sees, in order, with no markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from newsitem import (
    Author,
    Brief,
    Page,
    RelatedBlock,
    RelatedItem,
    RenderError,
    from_dict,
    to_dict,
)
from newsitem.render import html_to_text, render_text
from newsitem.sanitize import sanitize_html
from tests import strategies

#: Interface words on the seed page that are not content (see docs/rendering.md).
CHROME = {"Avatar", "Show More"}


def is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    """Tell whether every needle appears in haystack, in order."""
    rest = iter(haystack)
    return all(any(needle == line for line in rest) for needle in needles)


def test_seed_text_content_in_order(seed_page: Page, shared: Path) -> None:
    """Every content line a reader saw on the seed page comes out, in the same order."""
    seen = (shared / "seed" / "000_04c2af0b4b9033b1.txt").read_text(encoding="utf-8")
    expected = [line.strip() for line in seen.splitlines() if line.strip()]
    content = [line for line in expected if line not in CHROME]
    assert 17 == len(content)  # label, headline, time, 5 paragraphs, card 3, block 4, video 2
    lines = render_text(seed_page, links="none").splitlines()
    assert is_subsequence(content, lines), "\n".join(lines)
    assert not any(word in lines for word in CHROME)


def test_seed_text_starts_as_the_reader_saw_it(seed_page: Page) -> None:
    """The text opens with label, headline and reading time, each its own paragraph."""
    text = render_text(seed_page)
    assert text.startswith(
        "News Feed\n\n"
        "WSJ: China’s leader Xi deepening economic ties with Putin’s Russia despite public distance"
        "\n\n1 min read\n\nChina's President Xi Jinping has instructed"
    )


def test_page_prints_no_byline_beside_the_author_card(seed_page: Page) -> None:
    """The desk's card is on the page, so its name is printed once, by the card."""
    text = render_text(seed_page)
    assert 1 == text.count("The Kyiv Independent news desk")
    assert "By The Kyiv Independent" not in text


def test_brief_alone_prints_its_byline(seed_page: Page) -> None:
    """Without the page and its card, the brief credits the desk in its meta line."""
    assert seed_page.brief is not None
    assert "\n\nBy The Kyiv Independent news desk · 1 min read\n\n" in render_text(seed_page.brief)


def test_links_inline_by_default(seed_page: Page) -> None:
    """By default a link is written as 'text (url)'."""
    text = render_text(seed_page)
    assert "\nRead more (https://kyivindependent.com/author/kyiv-independent-news-desk/)\n" in text


def test_links_as_numbered_references(seed_page: Page) -> None:
    """links='references' numbers each URL once and lists them at the end."""
    text = render_text(seed_page, links="references")
    assert "\nRead more [1]\n" in text
    assert text.endswith("\n\n[1] https://kyivindependent.com/author/kyiv-independent-news-desk/\n")


def test_width_wraps_but_never_breaks_words(seed_page: Page) -> None:
    """With width=50 no line is longer than 50 unless it is one unbreakable word."""
    text = render_text(seed_page, width=50)
    long_lines = [line for line in text.splitlines() if len(line) > 50]
    assert all(" " not in line for line in long_lines)
    assert "News Feed\n\nWSJ: China’s leader Xi deepening economic ties\nwith" in text


def test_body_structure_reads_as_text() -> None:
    """Headings, lists, nested lists, quotes, breaks and links become readable text."""
    body = sanitize_html(
        "<h2>Context</h2><p>One<br>two <a href='https://example.com/r'>report</a></p>"
        "<ul><li>apples</li><li>pears<ol><li>green</li><li>red</li></ol></li></ul>"
        "<ol start='3'><li>third</li></ol>"
        "<blockquote><p>Said one.</p><p>Said two.</p></blockquote>",
        policy="body",
    )
    expected = (
        "H\n\nContext\n\nOne\ntwo report (https://example.com/r)\n\n"
        "• apples\n• pears\n  1. green\n  2. red\n\n"
        "3. third\n\n"
        "> Said one.\n>\n> Said two.\n"
    )
    assert expected == render_text(Brief(headline="H", body=body))


def test_quotes_and_lists_wrap_with_their_prefixes() -> None:
    """Wrapped list items indent under their bullet and quoted lines keep '> '."""
    body = sanitize_html(
        "<ul><li>alpha beta gamma delta epsilon zeta eta theta</li></ul>"
        "<blockquote>iota kappa lambda mu nu xi omicron pi rho</blockquote>",
        policy="body",
    )
    expected = (
        "• alpha beta gamma delta epsilon\n  zeta eta theta\n\n"
        "> iota kappa lambda mu nu xi\n> omicron pi rho\n"
    )
    assert expected == html_to_text(body, width=34)


def test_controls_and_bidi_overrides_are_stripped() -> None:
    """Control characters and bidi embeddings, overrides and isolates do not reach the text."""
    brief = Brief(headline="Safe\u202e txt.exe\x00\x1b[31m", label="A\u2066B\u2069\tC")
    assert "AB C\n\nSafe txt.exe[31m\n" == render_text(brief)


def test_legitimate_angle_brackets_stay() -> None:
    """A '<' that is text (a plain field, or &lt; in markup) stays as '<'."""
    body = sanitize_html("<p>x &lt; y &amp; <b>bold</b></p>", policy="body")
    assert "a < b\n\nx < y & bold\n" == render_text(Brief(headline="a < b", body=body))


def test_sources_and_images_options(seed_page: Page) -> None:
    """sources=True lists the attributions; images=True writes alt text as [Avatar]."""
    text = render_text(seed_page, sources=True, images=True)
    assert "\n\nSources: Wall Street Journal (Dec. 14); Vedomosti\n\n" in text
    assert "\n\n[Avatar]\n\nThe Kyiv Independent news desk\n\n" in text


def test_related_items_with_headlines_link_them() -> None:
    """A related item's headline carries its link; a summary-only item gets 'Read more'."""
    block = RelatedBlock(
        title="More",
        items=(
            RelatedItem(headline="One", url="https://example.com/1"),
            RelatedItem(
                summary=sanitize_html("Two.", policy="inline"), url="https://example.com/2"
            ),
        ),
    )
    expected = "More\n\nOne (https://example.com/1)\n\nTwo.\n\nRead more (https://example.com/2)\n"
    assert expected == render_text(block)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"width": 5}, "width: expected None or an int of at least 20, got 5"),
        ({"links": "footnotes"}, "links: expected 'inline', 'references' or 'none'"),
        ({"sources": "yes"}, "sources: expected True or False"),
    ],
)
def test_bad_options_are_refused(options: dict[str, Any], message: str) -> None:
    """Invalid option values raise RenderError saying which option and what was expected."""
    with pytest.raises(RenderError, match=message):
        render_text(Author(name="A"), **options)


# --- text never contains markup -------------------------------------------------------------

_MARKUP_KEYS = {"body", "summary", "bio"}


def _without_text_angles(value: Any, key: str | None = None) -> Any:
    """Replace every '<' that is text: in plain strings, and as &lt; in markup strings."""
    if isinstance(value, dict):
        return {k: _without_text_angles(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_text_angles(v, key) for v in value]
    if isinstance(value, str):
        return value.replace("&lt;", "‹") if key in _MARKUP_KEYS else value.replace("<", "‹")
    return value


@given(strategies.pages)
def test_text_never_contains_markup(page: Page) -> None:
    """With no '<' in any text, the output has no '<' at all: no tag leaks from markup."""
    clean = from_dict(_without_text_angles(to_dict(page)), Page)
    for links in ("inline", "references", "none"):
        text = render_text(clean, links=links, sources=True, images=True, width=40)
        assert "<" not in text


@given(strategies.briefs)
def test_text_has_no_controls_or_overrides(brief: Brief) -> None:
    """Whatever a brief holds, its text has no control character but newlines, no bidi override."""
    text = render_text(brief, links="references")
    bad = [ch for ch in text if (ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F]
    bad += [ch for ch in text if "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069"]
    assert [] == bad
