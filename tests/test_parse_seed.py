"""The hand-written Kyiv Independent news-feed page parses into the seed example."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import newsitem
from newsitem import Author, Page, RelatedBlock, VideoTeaser
from newsitem.parse import parse_html

FIXTURE = Path(newsitem.__file__).parent / "examples" / "seed-page.html"
SEED_JSON = Path(newsitem.__file__).parent / "examples" / "seed-page.json"
URL = (
    "https://kyivindependent.com/"
    "wsj-chinas-leader-xi-deepening-economic-ties-with-putins-russia-despite-public-distance/"
)


@pytest.fixture(scope="module")
def parsed() -> Page:
    """The fixture page, parsed from its bytes."""
    return parse_html(FIXTURE.read_bytes(), url=URL)


@pytest.fixture(scope="module")
def seed() -> Page:
    """The hand-written native example of the seed page."""
    page = newsitem.from_json(SEED_JSON.read_text())
    assert isinstance(page, Page)
    return page


def test_page_fields_match_the_seed(parsed: Page, seed: Page) -> None:
    """URL, site name and language are those of the seed example."""
    assert (seed.url, seed.site_name, seed.language) == (
        parsed.url,
        parsed.site_name,
        parsed.language,
    )


def test_brief_headline_label_reading_time(parsed: Page, seed: Page) -> None:
    """Kicker, headline and the stated reading time come out as the reader sees them."""
    assert seed.brief is not None
    assert parsed.brief is not None
    assert seed.brief.headline == parsed.brief.headline
    assert seed.brief.label == parsed.brief.label
    assert seed.brief.reading_time == parsed.brief.reading_time


def test_body_is_the_five_paragraphs(parsed: Page, seed: Page) -> None:
    """The body is exactly the article's paragraphs: no share bar, no newsletter box."""
    assert seed.brief is not None
    assert parsed.brief is not None
    assert seed.brief.body == parsed.brief.body


def test_authors_and_attributions(parsed: Page, seed: Page) -> None:
    """The byline is the news desk (an organization); WSJ and Vedomosti are cited sources."""
    assert seed.brief is not None
    assert parsed.brief is not None
    assert seed.brief.authors == parsed.brief.authors
    assert seed.brief.attributions == parsed.brief.attributions


def test_published_date(parsed: Page) -> None:
    """The publication date is read from the page's article:published_time."""
    assert parsed.brief is not None
    assert parsed.brief.published is not None
    assert date(2022, 12, 14) == parsed.brief.published.date()  # type: ignore[union-attr]


def test_author_card_block(parsed: Page, seed: Page) -> None:
    """The author card keeps avatar (alt "Avatar"), bio and the "Read more" profile URL."""
    expected = [b for b in seed.blocks if isinstance(b, Author)]
    assert expected == [b for b in parsed.blocks if isinstance(b, Author)]


def test_news_feed_block(parsed: Page, seed: Page) -> None:
    """The "News Feed" block holds the three summaries, in order, with their links."""
    (expected,) = [b for b in seed.blocks if isinstance(b, RelatedBlock)]
    (actual,) = [b for b in parsed.blocks if isinstance(b, RelatedBlock)]
    assert expected.title == actual.title
    assert [i.summary for i in expected.items] == [i.summary for i in actual.items]
    assert [
        "https://kyivindependent.com/russia-has-accumulated-around-200-troops-within-pokrovsk/",
        "https://kyivindependent.com/shortages-of-basics-make-holding-back-russia-difficult/",
        "https://kyivindependent.com/russia-faces-increase-in-arson-of-infrastructure/",
    ] == [i.url for i in actual.items]


def test_video_teaser_without_show_more(parsed: Page, seed: Page) -> None:
    """The "Video" teaser keeps its whole description; "Show More" is not data."""
    expected = [b for b in seed.blocks if isinstance(b, VideoTeaser)]
    assert expected == [b for b in parsed.blocks if isinstance(b, VideoTeaser)]


def test_blocks_in_page_order(parsed: Page, seed: Page) -> None:
    """Blocks come in page order: author card, news feed, video."""
    assert [type(b) for b in seed.blocks] == [type(b) for b in parsed.blocks]
