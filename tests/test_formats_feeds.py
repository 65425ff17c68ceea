"""RSS 2.0 and Atom feeds read with feedparser into sanitized briefs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsitem import Author, Brief, ParseError
from newsitem.formats.feeds import read_feed
from newsitem.sanitize import sanitize_html

pytest.importorskip("feedparser")

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
  <title>The Kyiv Independent</title>
  <link>https://kyivindependent.com/</link>
  <description>News from Ukraine</description>
  <language>en-us</language>
  <item>
    <title>WSJ: Xi deepening economic ties with Russia</title>
    <link>https://kyivindependent.com/xi/</link>
    <guid isPermaLink="false">ki-42</guid>
    <pubDate>Wed, 14 Dec 2022 10:00:00 +0200</pubDate>
    <description>&lt;p onclick="x()"&gt;By &lt;a href="/t/"&gt;Xi&lt;/a&gt;&lt;/p&gt;</description>
    <author>desk@kyivindependent.com (News desk)</author>
    <category>China</category>
  </item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Beispiel</title>
  <link href="https://beispiel.de/"/>
  <id>urn:uuid:feed</id>
  <updated>2022-12-14T10:00:00Z</updated>
  <entry>
    <title>Überschrift</title>
    <link href="https://beispiel.de/a"/>
    <id>urn:uuid:a</id>
    <updated>2022-12-14T10:00:00Z</updated>
    <author><name>Erika Mustermann</name></author>
    <content type="html">&lt;p&gt;Text &lt;script&gt;x()&lt;/script&gt;&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_items_become_sanitized_briefs() -> None:
    """An RSS item: title, link, guid, date with offset, author, category, clean summary."""
    feed = read_feed(RSS)
    expected = Brief(
        headline="WSJ: Xi deepening economic ties with Russia",
        id="ki-42",
        url="https://kyivindependent.com/xi/",
        summary=sanitize_html(
            '<p>By <a href="https://kyivindependent.com/t/">Xi</a></p>',
            policy="inline",
        ),
        published=datetime(2022, 12, 14, 10, tzinfo=timezone(timedelta(hours=2))),
        authors=(Author(name="News desk", email="desk@kyivindependent.com"),),
        tags=("China",),
        language="en-US",
    )
    assert (expected,) == feed.items
    assert "The Kyiv Independent" == feed.title
    assert "https://kyivindependent.com/" == feed.home_page_url
    assert "News from Ukraine" == feed.description
    assert "rss20" == feed.extensions["feed:format"]


def test_atom_entries_become_sanitized_briefs() -> None:
    """An Atom entry: its content is sanitized, its updated date read with its zone."""
    feed = read_feed(ATOM)
    (brief,) = feed.items
    assert "Überschrift" == brief.headline
    assert sanitize_html("<p>Text </p>") == brief.body
    assert datetime(2022, 12, 14, 10, tzinfo=UTC) == brief.modified
    assert (Author(name="Erika Mustermann"),) == brief.authors
    assert "Beispiel" == feed.title


def test_not_a_feed_is_an_error() -> None:
    """A document that is no feed is a ParseError, not an empty feed."""
    with pytest.raises(ParseError, match="not an RSS or Atom feed"):
        read_feed("<html><body>hello</body></html>")


def test_unreadable_date_names_the_entry() -> None:
    """A pubDate no reader understands is an error naming the entry."""
    bad = RSS.replace(b"Wed, 14 Dec 2022 10:00:00 +0200", b"someday")
    with pytest.raises(ParseError) as caught:
        read_feed(bad)
    assert "entries[0].published" == caught.value.problems[0][0]
