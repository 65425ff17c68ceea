"""JSON Feed 1.1: the writer's required fields, the reader, round trips."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from hypothesis import assume, given

from newsitem import (
    Author,
    Brief,
    Image,
    JSONParseError,
    RelatedBlock,
    RelatedItem,
    RenderError,
)
from newsitem.formats import Feed
from newsitem.formats.jsonfeed import read_jsonfeed, to_jsonfeed
from newsitem.sanitize import sanitize_html, sanitize_text

from .strategies import briefs

FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Kyiv Independent News Feed",
    "home_page_url": "https://kyivindependent.com/news-feed/",
    "feed_url": "https://kyivindependent.com/feed.json",
    "language": "en_US",
    "authors": [{"name": "News desk", "url": "https://kyivindependent.com/author/desk/"}],
    "next_url": "https://kyivindependent.com/feed.json?page=2",
    "items": [
        {
            "id": "42",
            "url": "https://kyivindependent.com/xi/",
            "title": "WSJ: Xi deepening economic ties with Russia",
            "content_html": '<p>China\'s <a href="/tags/xi/">Xi</a></p><script>x()</script>',
            "summary": "Xi & Putin",
            "image": "https://kyivindependent.com/xi.jpg",
            "date_published": "2022-12-14T10:00:00Z",
            "date_modified": "2022-12-14",
            "authors": [{"name": "Jane Doe", "avatar": "https://kyivindependent.com/jane.png"}],
            "tags": ["China", "Russia"],
            "_acme": {"slot": 3},
        },
        {"id": 7, "content_text": "A note without a title.\n\nSecond paragraph."},
    ],
}


def test_a_feed_reads_into_briefs_and_keeps_its_metadata() -> None:
    """Items become sanitized briefs; the feed's metadata and unknown members are kept."""
    feed = read_jsonfeed(json.dumps(FEED))
    first, second = feed.items
    expected_first = Brief(
        headline="WSJ: Xi deepening economic ties with Russia",
        id="42",
        url="https://kyivindependent.com/xi/",
        body=sanitize_html('<p>China\'s <a href="https://kyivindependent.com/tags/xi/">Xi</a></p>'),
        summary=sanitize_text("Xi & Putin"),
        images=(Image(url="https://kyivindependent.com/xi.jpg"),),
        published=datetime(2022, 12, 14, 10, tzinfo=UTC),
        modified=date(2022, 12, 14),
        authors=(
            Author(name="Jane Doe", avatar=Image(url="https://kyivindependent.com/jane.png")),
        ),
        tags=("China", "Russia"),
        language="en-US",
        extensions={"jsonfeed:_acme": {"slot": 3}},
    )
    assert expected_first == first
    assert "A note without a title." == second.headline
    assert "7" == second.id
    assert "Kyiv Independent News Feed" == feed.title
    assert "en-US" == feed.language
    assert (Author(name="News desk", url="https://kyivindependent.com/author/desk/"),) == (
        feed.authors
    )
    assert {"jsonfeed:next_url": "https://kyivindependent.com/feed.json?page=2"} == dict(
        feed.extensions
    )


def test_written_feed_has_the_required_fields() -> None:
    """version, title and items with ids; authors, content_html and dates are written."""
    brief = Brief(
        headline="H",
        url="https://ex.com/h",
        body=sanitize_html("<p>Body</p>"),
        published=datetime(2022, 12, 14, 10, tzinfo=UTC),
        authors=(Author(name="Jane", url="https://ex.com/jane"),),
    )
    doc = to_jsonfeed([brief], title="Ex", home_page_url="https://ex.com/")
    expected = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Ex",
        "home_page_url": "https://ex.com/",
        "items": [
            {
                "id": "https://ex.com/h",
                "url": "https://ex.com/h",
                "title": "H",
                "content_html": "<p>Body</p>",
                "date_published": "2022-12-14T10:00:00Z",
                "authors": [{"name": "Jane", "url": "https://ex.com/jane"}],
                "_newsitem": {"id": None},
            }
        ],
    }
    assert expected == doc


def test_a_related_block_is_a_feed() -> None:
    """A related block's title becomes the feed title and its items the feed items."""
    block = RelatedBlock(
        title="News Feed",
        items=(RelatedItem(headline="A", url="https://ex.com/a"),),
    )
    doc = to_jsonfeed(block)
    assert "News Feed" == doc["title"]
    assert ["https://ex.com/a"] == [item["id"] for item in doc["items"]]


def test_a_feed_round_trips() -> None:
    """Feed -> JSON Feed -> Feed gives the same feed."""
    feed = read_jsonfeed(FEED)
    assert feed == read_jsonfeed(to_jsonfeed(feed))


@given(briefs)
def test_briefs_round_trip_exactly(brief: Brief) -> None:
    """model -> JSON Feed -> model is the identity: _newsitem carries what JSON Feed cannot."""
    assume(brief.id is not None or brief.url is not None)
    (back,) = read_jsonfeed(json.dumps(to_jsonfeed(brief))).items
    assert brief == back


def test_writer_refusals() -> None:
    """No title, or an item with neither id nor url, is a RenderError."""
    with pytest.raises(RenderError, match="title"):
        to_jsonfeed([])
    with pytest.raises(RenderError, match="id"):
        to_jsonfeed([Brief(headline="H")], title="T")
    with pytest.raises(RenderError):
        to_jsonfeed(Feed())


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ('{"version": "https://jsonfeed.org/version/1.1", "title": "T"}', "$.items"),
        ('{"version": "2", "title": "T", "items": []}', "$.version"),
        ('{"version": "https://jsonfeed.org/version/1.1", "items": [{"title": "x"}]}',
         "$.items[0].id"),
        ('{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "tags": "a"}]}',
         "$.items[0].tags"),
        ('{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", '
         '"date_published": "yesterday-ish"}]}', "$.items[0].date_published"),
        ('{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", '
         '"_newsitem": {"kind": "gossip"}}]}', "$.items[0]._newsitem.kind"),
        ('{"version": "https://jsonfeed.org/version/1.1", "items": [], "items": []}', "$.items"),
    ],
)  # fmt: skip
def test_bad_feeds_are_errors_with_their_path(data: str, path: str) -> None:
    """Missing items, unknown versions, items without ids, wrong types: errors with paths."""
    with pytest.raises(JSONParseError) as caught:
        read_jsonfeed(data)
    assert path in [where for where, _ in caught.value.problems]


def test_markup_the_sanitizer_refuses_is_a_problem_of_its_item() -> None:
    """An untitled item whose content_html nests too deep is a JSONParseError at the item."""
    deep = "<div>" * 300 + "x" + "</div>" * 300
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{"id": "1", "content_html": deep}],
    }
    with pytest.raises(JSONParseError) as caught:
        read_jsonfeed(doc)
    assert ["$.items[0]"] == [where for where, _ in caught.value.problems]


def test_each_problem_is_reported_once() -> None:
    """A bad item url and a bad feed language are each one problem, however many items."""
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "language": "not a tag!",
        "items": [{"id": "1", "url": "ftp://x/y"}, {"id": "2"}, {"id": "3"}],
    }
    with pytest.raises(JSONParseError) as caught:
        read_jsonfeed(doc)
    assert ["$.language", "$.items[0].url"] == [where for where, _ in caught.value.problems]
