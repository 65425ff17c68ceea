"""Real pages from the shared corpora: none makes parse_html raise; golden pages read right.

The golden expectations were written by hand from the pages themselves (their visible
headline, byline, dateline, first and last paragraph, block headings), not from output.
"""

from __future__ import annotations

import html as html_lib
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from newsitem import Page, RelatedBlock
from newsitem.parse import parse_html

READABILITY = "mozilla-readability/test/test-pages"
NEWSPAPER = "newspaper4k/tests/data/html"
FAKEHOST = "http://fakehost/test/page.html"


def corpus_pages(shared: Path) -> list[Path]:
    """Every HTML page of the three corpora."""
    root = shared / "corpora"
    pages = sorted((root / READABILITY).glob("*/source.html"))
    pages += sorted((root / NEWSPAPER).glob("*.html"))
    pages += sorted((root / "trafilatura" / "tests").glob("*/*.html"))
    return pages


def test_every_corpus_page_parses(shared: Path) -> None:
    """All ~375 corpus pages parse into a Page without an exception."""
    pages = corpus_pages(shared)
    assert len(pages) > 300
    for path in pages:
        page = parse_html(path.read_bytes(), url=FAKEHOST)
        assert isinstance(page, Page), path


def body_text(page: Page) -> str:
    """The brief's body as one line of plain text."""
    assert page.brief is not None
    assert page.brief.body is not None
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", page.brief.body)).split())


def day(value: date | datetime | None) -> date | None:
    """The calendar day of a date or datetime (in its own zone)."""
    return value.date() if isinstance(value, datetime) else value


@pytest.fixture(scope="module")
def cnn(shared: Path) -> Page:
    """CNN's analysis of Alito and Prelogar (newspaper4k corpus)."""
    path = shared / "corpora" / NEWSPAPER / "cnn_001.html"
    url = "https://www.cnn.com/2023/11/06/politics/alito-prelogar-supreme-court-analysis/index.html"
    return parse_html(path.read_bytes(), url=url)


def test_cnn_headline_author_date(cnn: Page) -> None:
    """The h1, the byline "Joan Biskupic" and the Nov. 6, 2023 dateline."""
    assert cnn.brief is not None
    assert (
        "The nonstop sparring match between the conservative justice and liberal Biden "
        "attorney at the Supreme Court"
    ) == cnn.brief.headline
    assert ["Joan Biskupic"] == [a.name for a in cnn.brief.authors]
    assert date(2023, 11, 6) == day(cnn.brief.published)


def test_cnn_body_first_and_last_sentence(cnn: Page) -> None:
    """The body runs from "Justice Samuel Alito is the tip ..." to "won that vote, too." """
    text = body_text(cnn)
    assert "Justice Samuel Alito is the tip of the spear for conservatives" in text[:200]
    assert text.endswith("Prelogar, it turned out, won that vote, too.")


@pytest.fixture(scope="module")
def guardian(shared: Path) -> Page:
    """The Guardian's whale-strandings story (readability corpus)."""
    path = shared / "corpora" / READABILITY / "guardian-1" / "source.html"
    return parse_html(path.read_bytes(), url=FAKEHOST)


def test_guardian_metadata(guardian: Page) -> None:
    """Headline, the byline "Eleanor Ainge Roy" and the 3 January 2019 date."""
    assert guardian.brief is not None
    assert (
        "'What is the sea telling us?': Māori tribes fearful over whale strandings"
        == guardian.brief.headline
    )
    assert ["Eleanor Ainge Roy"] == [a.name for a in guardian.brief.authors]
    assert date(2019, 1, 3) == day(guardian.brief.published)


def test_guardian_body_and_blocks(guardian: Page) -> None:
    """The body ends with "We need to listen." and "Most popular" is a block, not body."""
    text = body_text(guardian)
    assert "Hori Parata was just seven years old" in text[:300]
    assert text.endswith("We need to listen.”")
    titles = [b.title for b in guardian.blocks if isinstance(b, RelatedBlock)]
    assert "Most popular" in titles
    assert "Most popular" not in text


@pytest.fixture(scope="module")
def bbc(shared: Path) -> Page:
    """BBC News's Obama interview story (readability corpus)."""
    path = shared / "corpora" / READABILITY / "bbc-1" / "source.html"
    return parse_html(path.read_bytes(), url=FAKEHOST)


def test_bbc_story(bbc: Page) -> None:
    """Headline, date, first and last paragraph, and the "More on this story" block."""
    assert bbc.brief is not None
    assert "Obama admits US gun laws are his 'biggest frustration'" == bbc.brief.headline
    assert date(2015, 7, 24) == day(bbc.brief.published)
    text = body_text(bbc)
    assert "President Barack Obama has admitted that his failure" in text[:300]
    assert text.endswith("when he travels on to Ethiopia on Sunday.")
    titles = [b.title for b in bbc.blocks if isinstance(b, RelatedBlock)]
    assert "More on this story" in titles
