"""The microdata reader: generic schema.org items, real pages, and newsitem's own pages."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from newsitem import AuthorKind, BriefKind
from newsitem.parse import parse_html
from newsitem.parse._decode import parse_tree
from newsitem.parse._microdata import find_items, read_microdata_brief, read_own_page
from newsitem.parse._notes import Notes

ARTICLE = """<html><body>
<div itemscope itemtype="https://schema.org/OpinionNewsArticle">
  <h1 itemprop="headline">  Rain   expected </h1>
  <p>By <span itemprop="author" itemscope itemtype="http://schema.org/Person">
     <a itemprop="url" href="/authors/jane"><span itemprop="name">Jane Doe</span></a></span>
     and <span itemprop="author">Weather Desk</span></p>
  <time itemprop="datePublished" datetime="2022-12-14T10:05:00Z">Dec 14</time>
  <meta itemprop="dateModified" content="2022-12-15">
  <meta itemprop="keywords" content="weather, rain,storms">
  <meta itemprop="articleSection" content="Local">
  <div itemprop="articleBody"><p>Heavy rain <script>x()</script>on <b>Tuesday</b>.</p></div>
</div>
</body></html>"""


def no_dates(text: str) -> None:
    """A date reader for pages whose dates are all ISO 8601."""
    raise AssertionError(f"unexpected non-ISO date {text!r}")


def test_generic_article_fields() -> None:
    """A hand-written microdata article: cleaned text, kinds, authors, dates, split keywords."""
    brief = read_microdata_brief(
        parse_tree(ARTICLE), base_url="https://news.example/rain", read_date=no_dates, notes=Notes()
    )
    assert brief is not None
    assert "Rain expected" == brief.headline
    assert BriefKind.OPINION == brief.kind
    assert ["Jane Doe", "Weather Desk"] == [a.name for a in brief.authors]
    assert "https://news.example/authors/jane" == brief.authors[0].url
    assert datetime(2022, 12, 14, 10, 5, tzinfo=UTC) == brief.published
    assert date(2022, 12, 15) == brief.modified
    assert ("weather", "rain", "storms") == brief.tags
    assert "Local" == brief.section
    assert "<p>Heavy rain on <b>Tuesday</b>.</p>" == brief.body


def test_items_nest_and_follow_itemref() -> None:
    """Nested items stay out of their parent's properties; itemref pulls properties in."""
    root = parse_tree(
        '<div itemscope itemtype="https://schema.org/Person" itemref="extra">'
        '<span itemprop="name">Jane</span>'
        '<div itemprop="worksFor" itemscope itemtype="https://schema.org/Organization">'
        '<span itemprop="name">Desk</span></div></div>'
        '<p id="extra" itemprop="jobTitle">Reporter</p>'
    )
    (person,) = find_items(root)
    assert ["name", "worksFor", "jobTitle"] == [name for name, _, _ in person.pairs]
    (org,) = person.items("worksFor")
    assert ("Organization",) == org.types


def test_foreign_webpage_is_not_taken_for_newsitem_output() -> None:
    """A site's own "x-page" WebPage item with other content is not read as newsitem's page."""
    root = parse_tree(
        '<div class="site-page" itemscope itemtype="https://schema.org/WebPage">'
        "<main><h1>Hello</h1></main></div>"
    )
    assert read_own_page(root, base_url=None, read_date=no_dates, notes=Notes()) is None


def test_taz_microdata_article(shared: Path) -> None:
    """taz.de marks its article up with microdata only: headline and one (repeated) author."""
    html = (shared / "corpora/trafilatura/tests/eval/taz.de.siemens.html").read_bytes()
    page = parse_html(html, url="https://taz.de/Siemens-und-die-Kohlemine-Adani/!5655255/")
    assert page.brief is not None
    assert "Kaeser verarscht Neubauer" == page.brief.headline
    assert [("Ingo Arzt", AuthorKind.PERSON)] == [(a.name, a.kind) for a in page.brief.authors]
