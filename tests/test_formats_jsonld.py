"""schema.org JSON-LD: the blocks of real pages, tolerance, the writer, round trips."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from lxml import html

from newsitem import (
    Author,
    AuthorKind,
    Brief,
    BriefKind,
    Image,
    JSONParseError,
    Link,
    ReadingTime,
    RelatedBlock,
    RelatedItem,
    RenderError,
    VideoTeaser,
    from_json,
)
from newsitem._datevalues import parse_date
from newsitem.formats._common import html_to_text, text_to_html
from newsitem.formats.jsonld import read_jsonld, to_jsonld
from newsitem.sanitize import sanitize_text

from .conftest import shared_params
from .strategies import briefs

ARTICLE_TYPES = {
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
    "OpinionNewsArticle", "LiveBlogPosting", "ReviewNewsArticle", "BackgroundNewsArticle",
    "TechArticle", "ScholarlyArticle", "Report", "SatiricalArticle", "SocialMediaPosting",
}  # fmt: skip


def _pages(shared: Path) -> list[str]:
    root = shared / "corpora"
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.htm*"))


def _blocks(path: Path) -> list[str]:
    tree = html.fromstring(path.read_bytes())
    return [s.text_content() for s in tree.xpath('//script[@type="application/ld+json"]')]


def _decoded(text: str) -> Any:
    text = text.strip()
    for start, end in (("<![CDATA[", "]]>"), ("<!--", "-->")):
        if text.startswith(start) and text.endswith(end):
            text = text[len(start) : -len(end)]
    try:
        return json.loads(text)
    except ValueError:
        return None


def _article_nodes(doc: Any) -> list[dict[str, Any]]:
    """Top-level and @graph nodes typed as an article, found without the reader."""
    nodes = doc if isinstance(doc, list) else [doc]
    out = []
    for node in nodes:
        if not isinstance(node, dict):
            continue
        candidates = [node, *node.get("@graph", [])] if "@graph" in node else [node]
        for candidate in candidates:
            types = candidate.get("@type")
            types = types if isinstance(types, list) else [types]
            if ARTICLE_TYPES & {t for t in types if isinstance(t, str)}:
                out.append(candidate)
    return out


def _names(doc: Any, value: Any) -> list[str]:
    """Author names of a node, following @id references inside the block."""
    index: dict[str, dict[str, Any]] = {}
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("@id"), str) and len(node) > 1:
                index.setdefault(node["@id"], node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    names = []
    for author in value if isinstance(value, list) else [value]:
        if isinstance(author, dict) and set(author) == {"@id"}:
            author = index.get(author["@id"], author)
        name = author.get("name") if isinstance(author, dict) else author
        if isinstance(name, str) and name.strip():
            names.append(name)
    return names


PAGES_WITH_JSONLD = shared_params(
    lambda shared: [p for p in _pages(shared) if _blocks(shared / "corpora" / p)]
)


@pytest.mark.parametrize("page", PAGES_WITH_JSONLD)
def test_every_article_block_of_the_corpora_reads(shared: Path, page: str) -> None:
    """Each article block reads into a brief with the block's headline, dates and authors."""
    for text in _blocks(shared / "corpora" / page):
        doc = _decoded(text)
        if doc is None:
            with pytest.raises(JSONParseError):
                read_jsonld(text)
            continue
        found = [m for m in read_jsonld(text) if isinstance(m, Brief)]
        nodes = [n for n in _article_nodes(doc) if n.get("headline") or n.get("name")]
        assert len(nodes) <= len(found)
        by_headline = {b.headline: b for b in found}
        for node in nodes:
            headline = node.get("headline") or node.get("name")
            headline = headline[0] if isinstance(headline, list) else headline
            brief = by_headline[headline]
            if isinstance(node.get("datePublished"), str) and node["datePublished"].strip():
                assert parse_date(node["datePublished"]) == brief.published
            if isinstance(node.get("dateModified"), str) and node["dateModified"].strip():
                assert parse_date(node["dateModified"]) == brief.modified
            expected = _names(doc, node.get("author") or node.get("creator") or [])
            assert expected == [a.name for a in brief.authors]


def _read_page(shared: Path, name: str) -> list[Any]:
    path = shared / "corpora/mozilla-readability/test/test-pages" / name / "source.html"
    out: list[Any] = []
    for text in _blocks(path):
        out.extend(read_jsonld(text, base_url="http://fakehost/test/page.html"))
    return out


def test_aclu_article_reads_as_the_page_shows_it(shared: Path) -> None:
    """The ACLU block: http context, a zone-less time (read as UTC), a date-only modified."""
    (brief,) = _read_page(shared, "aclu")
    assert "Facebook Is Tracking Me Even Though I’m Not on Facebook" == brief.headline
    assert datetime(2018, 4, 5, 6, 0, tzinfo=UTC) == brief.published
    assert date(2018, 4, 11) == brief.modified
    assert "en-US" == brief.language
    assert BriefKind.ARTICLE == brief.kind
    assert ("Daniel Kahn Gillmor",) == tuple(a.name for a in brief.authors)
    # The block's articleBody is HTML although schema.org says text: it is sanitized.
    assert brief.body.startswith("<p>I don't use Facebook.")


def test_context_object_page_gives_two_videos_and_the_article(shared: Path) -> None:
    """A @context given as an object with @vocab; two VideoObjects stand on their own."""
    models = _read_page(shared, "schema-org-context-object")
    videos = [m for m in models if isinstance(m, VideoTeaser)]
    (brief,) = [m for m in models if isinstance(m, Brief)]
    assert [
        "South Korean president apologizes for martial law order",
        "Protesters erupt in South Korea to impeach president over martial law attempt",
    ] == [v.title for v in videos]
    assert timedelta(minutes=4, seconds=19) == videos[0].duration
    expected = "South Korean president’s impeachment fails after ruling party lawmakers walk out"
    assert expected == brief.headline
    assert datetime(2024, 12, 6, 22, 0, 40, tzinfo=UTC) == brief.published
    assert ["Stella Kim", "Jennifer Jett"] == [a.name for a in brief.authors]


def test_reading_time_phrase_in_time_required(shared: Path) -> None:
    """gitlab-blog writes timeRequired as "5 min read": kept as a stated reading time."""
    briefs_found = [m for m in _read_page(shared, "gitlab-blog") if isinstance(m, Brief)]
    assert ReadingTime(minutes=5, text="5 min read") == briefs_found[0].reading_time


# --- tolerance ---------------------------------------------------------------------------

GRAPH = {
    "@context": "http://schema.org",
    "@graph": [
        {"@type": "WebSite", "@id": "https://ex.com/#site", "name": "Ex"},
        {"@type": "Person", "@id": "https://ex.com/#jane", "name": "Jane Doe",
         "url": "https://ex.com/jane", "sameAs": "https://social.ex/jane"},
        {"@type": "WebPage", "@id": "https://ex.com/a", "mainEntity": {"@id": "https://ex.com/a#art"}},
        {"@type": ["NewsArticle", "Article"], "@id": "https://ex.com/a#art",
         "headline": ["Xi deepens ties"], "author": {"@id": "https://ex.com/#jane"},
         "datePublished": "2022-12-14T10:00:00+02:00", "keywords": "Russia, China",
         "image": {"@type": "ImageObject", "url": "/a.jpg", "width": "800"},
         "video": {"@id": "#v"}, "inLanguage": "en_US"},
        {"@type": "VideoObject", "@id": "#v", "name": "Clip", "duration": "PT1M33S"},
    ],
}  # fmt: skip


def test_graph_references_types_and_scalars_are_followed() -> None:
    """@graph, @id references, two @types, a list for a scalar and the reverse, relative URLs."""
    (brief,) = read_jsonld(GRAPH, base_url="https://ex.com/a")
    expected = Brief(
        headline="Xi deepens ties",
        kind=BriefKind.NEWS,
        published=datetime(2022, 12, 14, 10, tzinfo=timezone(timedelta(hours=2))),
        language="en-US",
        tags=("Russia", "China"),
        authors=(
            Author(name="Jane Doe", url="https://ex.com/jane", same_as=("https://social.ex/jane",)),
        ),
        images=(Image(url="https://ex.com/a.jpg", width=800),),
        videos=(VideoTeaser(title="Clip", duration=timedelta(seconds=93)),),
    )
    assert expected == brief


def test_https_context_and_arrays_of_nodes() -> None:
    """A top-level array of nodes with an https context reads like a graph."""
    doc = [
        {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "A"},
        {"@context": "https://schema.org", "@type": "Organization", "name": "Org"},
    ]
    assert [Brief(headline="A", kind=BriefKind.BLOG)] == read_jsonld(json.dumps(doc))


def test_live_blog_updates_become_a_related_block() -> None:
    """A LiveBlogPosting's updates are kept as a related block named "Updates"."""
    doc = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Live",
        "liveBlogUpdate": [
            {"@type": "BlogPosting", "headline": "Update 1", "datePublished": "2022-12-14"},
        ],
    }
    (brief,) = read_jsonld(doc)
    assert BriefKind.LIVE_BLOG == brief.kind
    expected = RelatedBlock(
        title="Updates", items=(RelatedItem(headline="Update 1", published=date(2022, 12, 14)),)
    )
    assert (expected,) == brief.related


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ('{"@type": "NewsArticle", "datePublished": "2022-12-14"}', "$"),
        ('{"@type": "NewsArticle", "headline": "H", "datePublished": "soon"}', "$.datePublished"),
        ('{"@type": "NewsArticle", "headline": "H", "inLanguage": "no such"}', "$.inLanguage"),
        ('{"@type": "NewsArticle", "headline": "H", "headline": "I"}', "$.headline"),
        ('{"@type": "NewsArticle", "headline": NaN}', "$"),
        ('"just a string"', "$"),
    ],
)
def test_bad_input_is_an_error_with_its_path(data: str, path: str) -> None:
    """No headline, unreadable dates or languages, duplicate keys, NaN, a scalar: errors."""
    with pytest.raises(JSONParseError) as caught:
        read_jsonld(data)
    assert path in [where for where, _ in caught.value.problems]


# --- writing -----------------------------------------------------------------------------


def _seed_page() -> Any:
    return from_json(
        (Path(__file__).parents[1] / "src/newsitem/examples/seed-page.json").read_text()
    )


def test_seed_page_gets_googles_recommended_properties() -> None:
    """The seed brief: NewsArticle, headline, dates with offsets, author Organization with url."""
    brief = attrs.evolve(
        _seed_page().brief,
        published=datetime(2022, 12, 14, 18, 30, tzinfo=timezone(timedelta(hours=2))),
        images=(Image(url="https://kyivindependent.com/content/images/xi.jpg"),),
    )
    doc = to_jsonld(brief)
    assert "https://schema.org" == doc["@context"]
    assert "NewsArticle" == doc["@type"]
    assert brief.headline == doc["headline"]
    assert "2022-12-14T18:30:00+02:00" == doc["datePublished"]
    assert [
        {"@type": "ImageObject", "url": "https://kyivindependent.com/content/images/xi.jpg"}
    ] == (doc["image"])
    assert [
        {
            "@type": "Organization",
            "name": "The Kyiv Independent news desk",
            "url": "https://kyivindependent.com/author/kyiv-independent-news-desk/",
        }
    ] == doc["author"]
    assert doc["articleBody"].startswith("China's President Xi Jinping has instructed")
    assert "\n\nThe bilateral trade relationship" in doc["articleBody"]
    assert "<p>" not in doc["articleBody"]


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        (BriefKind.REPORTAGE, "ReportageNewsArticle"),
        (BriefKind.LIVE_BLOG, "LiveBlogPosting"),
        (BriefKind.OPINION, "OpinionNewsArticle"),
        (BriefKind.ANALYSIS, "AnalysisNewsArticle"),
        (BriefKind.BLOG, "BlogPosting"),
        (BriefKind.ARTICLE, "Article"),
    ],
)
def test_kind_chooses_the_type(kind: BriefKind, schema_type: str) -> None:
    """Brief.kind picks the schema.org article type."""
    assert schema_type == to_jsonld(Brief(headline="H", kind=kind))["@type"]


def test_videos_and_related_blocks_sit_in_the_graph() -> None:
    """Videos become VideoObject nodes, related blocks ItemLists, referenced from the article."""
    brief = Brief(
        headline="H",
        videos=(VideoTeaser(title="Clip", embed_url="https://www.youtube.com/embed/x"),),
        related=(
            RelatedBlock(
                title="News Feed",
                items=(RelatedItem(summary=sanitize_text("Russia has ...")),),
                see_all=Link(url="https://ex.com/news"),
            ),
        ),
    )
    doc = to_jsonld(brief)
    article, video, item_list = doc["@graph"]
    assert [{"@id": "_:video-0"}] == article["video"]
    assert [{"@id": "_:related-0"}] == article["hasPart"]
    expected_video = {
        "@id": "_:video-0", "@type": "VideoObject", "name": "Clip",
        "embedUrl": "https://www.youtube.com/embed/x",
    }  # fmt: skip
    assert expected_video == video
    expected_list = {
        "@id": "_:related-0", "@type": "ItemList", "name": "News Feed", "url": "https://ex.com/news",
        "itemListElement": [
            {"@type": "ListItem", "position": 1,
             "item": {"@type": "Article", "description": "Russia has ..."}},
        ],
    }  # fmt: skip
    assert expected_list == item_list
    assert brief == read_jsonld(doc)[0]


def test_a_page_is_a_graph_with_its_blocks() -> None:
    """The seed page: a WebPage, its article, the author card, the related block, the video."""
    doc = to_jsonld(_seed_page())
    types = [node["@type"] for node in doc["@graph"]]
    assert ["WebPage", "NewsArticle", "Organization", "ItemList", "VideoObject"] == types
    assert {"@type": "WebSite", "name": "The Kyiv Independent"} == doc["@graph"][0]["isPartOf"]


def test_unknown_object_is_refused() -> None:
    """Only models can be written."""
    with pytest.raises(RenderError):
        to_jsonld("headline")


def _text(markup: Any) -> str:
    return "" if markup is None else html_to_text(markup)


def _retext(markup: Any) -> Any:
    """Markup as JSON-LD gives it back: its text, escaped again; None when it has no text."""
    text = _text(markup)
    return text_to_html(text) if text.strip() else None


def _project(brief: Brief) -> Brief:
    """The brief as far as JSON-LD holds it; markup compared as text."""

    def image(i: Image | None) -> Image | None:
        return None if i is None else attrs.evolve(i, extensions={})

    return attrs.evolve(
        brief,
        label=None,
        summary=None,
        body=None,
        reading_time=None
        if brief.reading_time is None
        else ReadingTime(minutes=brief.reading_time.minutes),
        authors=tuple(
            attrs.evolve(a, bio=None, extensions={}, avatar=image(a.avatar)) for a in brief.authors
        ),
        images=tuple(image(i) for i in brief.images),
        attributions=tuple(attrs.evolve(s, date_text=None) for s in brief.attributions),
        videos=tuple(
            attrs.evolve(v, extensions={}, thumbnail=image(v.thumbnail)) for v in brief.videos
        ),
        related=tuple(
            attrs.evolve(
                b,
                extensions={},
                see_all=None if b.see_all is None else Link(url=b.see_all.url),
                items=tuple(
                    attrs.evolve(i, summary=_retext(i.summary), extensions={}, image=image(i.image))
                    for i in b.items
                    if i.headline is not None or _retext(i.summary) is not None
                ),
            )
            for b in brief.related
            if any(i.headline is not None or _retext(i.summary) is not None for i in b.items)
        ),
    )


@given(briefs)
def test_written_jsonld_reads_back(brief: Brief) -> None:
    """model -> JSON-LD -> model keeps every field JSON-LD holds (markup as text)."""
    (back,) = read_jsonld(json.dumps(to_jsonld(brief)))
    assert _project(brief) == _project(back)
    assert _text(brief.summary) == _text(back.summary)
    assert _text(brief.body) == _text(back.body)
    assert [_text(a.bio) for a in brief.authors] == [_text(a.bio) for a in back.authors]


def test_author_kinds_survive() -> None:
    """A Person stays a person and an Organization an organization."""
    brief = Brief(
        headline="H",
        authors=(Author(name="A"), Author(name="Desk", kind=AuthorKind.ORGANIZATION)),
    )
    assert brief.authors == read_jsonld(to_jsonld(brief))[0].authors
