"""parse_html's contract: input checks, decoding, base URLs, notes, authors, robustness."""

from __future__ import annotations

import html
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta, timezone

import lxml.etree
import lxml.html
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import newsitem
from newsitem import AuthorKind, HTMLParseError, VideoTeaser
from newsitem.errors import SanitizeError, ValidationError
from newsitem.parse import ExtractionNote, ParseOptions, SiteProfile, parse_html
from newsitem.parse._authors import author_kind, split_byline
from newsitem.parse._body import _inner_html, _serialize
from newsitem.parse._decode import decode_html, parse_tree
from newsitem.parse._index import BOILERPLATE, PageIndex
from newsitem.parse._metadata import load_jsonld_text
from newsitem.parse.profiles import find_profile
from newsitem.sanitize import sanitize_html

PARAGRAPH = (
    "Forecasters expect heavy rain across the region on Tuesday, with storms moving in "
    "from the west by the afternoon and lasting well into the night, officials said."
)


def article(head: str = "", body: str = "", *, headline: str = "Rain expected") -> str:
    """A small article page with ``head`` and ``body`` markup added."""
    return (
        f"<html lang='en'><head><title>{headline}</title>{head}</head><body>"
        f"<article><h1>{headline}</h1>{body}<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>"
        "</body></html>"
    )


def test_not_html_is_refused() -> None:
    """Plain text with no tag at all raises HTMLParseError naming the problem."""
    with pytest.raises(HTMLParseError, match="not HTML"):
        parse_html("just some words, no markup")


def test_binary_is_refused() -> None:
    """Bytes holding NULs (an image, a zip) are not HTML."""
    with pytest.raises(HTMLParseError, match="NUL"):
        parse_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00<html>")


def test_size_limit() -> None:
    """A page over ParseOptions.max_chars raises HTMLParseError citing the limit."""
    with pytest.raises(HTMLParseError, match="over the limit"):
        parse_html(article(), options=ParseOptions(max_chars=100))


def test_wrong_type() -> None:
    """Neither str nor bytes is a TypeError."""
    with pytest.raises(TypeError, match="str or bytes"):
        parse_html(12)  # type: ignore[arg-type]


def test_bytes_decoded_by_declared_charset() -> None:
    """A page declaring windows-1251 is decoded with it."""
    html = article(headline="Новини").replace("<head>", "<head><meta charset='windows-1251'>")
    page = parse_html(html.encode("cp1251"))
    assert page.brief is not None
    assert "Новини" == page.brief.headline


def test_bytes_decoded_by_bom_over_declaration() -> None:
    """A UTF-8 byte-order mark wins over a wrong declared charset."""
    html = article(headline="Café crème").replace("<head>", "<head><meta charset='latin-1'>")
    page = parse_html(b"\xef\xbb\xbf" + html.encode("utf-8"))
    assert page.brief is not None
    assert "Café crème" == page.brief.headline


def test_transport_encoding_wins_over_declaration() -> None:
    """The ``encoding`` hint (a WARC's Content-Type charset) beats a wrong <meta charset>."""
    html = article(headline="Новини").replace("<head>", "<head><meta charset='iso-8859-1'>")
    page = parse_html(html.encode("koi8-r"), encoding="KOI8-R")
    assert page.brief is not None
    assert "Новини" == page.brief.headline


def test_byte_order_mark_wins_over_transport_encoding() -> None:
    """A UTF-8 byte-order mark beats the transport's hint."""
    page = parse_html(b"\xef\xbb\xbf" + article(headline="Café").encode(), encoding="cp1252")
    assert page.brief is not None
    assert "Café" == page.brief.headline


def test_unknown_transport_encoding_is_ignored() -> None:
    """An unknown charset label falls through to the page's own declaration."""
    html = article(headline="Новини").replace("<head>", "<head><meta charset='windows-1251'>")
    page = parse_html(html.encode("cp1251"), encoding="x-no-such-charset")
    assert page.brief is not None
    assert "Новини" == page.brief.headline


def test_valid_utf8_wins_over_a_stale_legacy_declaration() -> None:
    """UTF-8 bytes declared as gb2312 (re-encoded, declaration kept) read as UTF-8."""
    html = article(headline="人工智能迈上新台阶").replace(
        "<head>", "<head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
    )
    page = parse_html(html.encode("utf-8"))
    assert page.brief is not None
    assert "人工智能迈上新台阶" == page.brief.headline


def test_undeclared_non_utf8_falls_back_to_windows_1252() -> None:
    """Undeclared bytes that are not UTF-8 read as Windows-1252, as browsers do."""
    page = parse_html(article(headline="Café owners “protest”").encode("cp1252"))
    assert page.brief is not None
    assert "Café owners “protest”" == page.brief.headline


def test_non_utf8_bytes_past_a_hundred_markup_errors_still_read_as_windows_1252() -> None:
    """The parser stops reporting errors after 100, bytes that are not UTF-8 among them:
    after that many, the bytes are checked apart."""
    broken = "<b></i></b>" * 150  # a mismatched end tag each: 150 errors, then the headline
    html = (
        f"<html><head></head><body>{broken}<article><h1>Café owners “protest”</h1>"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"
    )
    page = parse_html(html.encode("cp1252"))
    assert page.brief is not None
    assert "Café owners “protest”" == page.brief.headline


def test_declared_utf8_with_a_stray_byte_keeps_the_rest() -> None:
    """Bytes declared UTF-8 with one invalid byte: that byte is replaced, nothing else."""
    html = article(headline="Café owners").replace("<head>", "<head><meta charset='utf-8'>")
    page = parse_html(html.encode("utf-8").replace(b"owners", b"\xe9owners"))
    assert page.brief is not None
    assert "Café \ufffdowners" == page.brief.headline


def test_utf8_page_whose_first_tag_is_past_64_kilobytes() -> None:
    """The quick check reads 64 KB of bytes; a page whose first tag comes later (but within
    65,536 characters, where the text check looks) is still HTML."""
    prefix = "é" * 33_000  # 66,000 bytes, 33,000 characters
    page = parse_html((prefix + article(headline="Rain expected")).encode("utf-8"))
    assert page.brief is not None
    assert "Rain expected" == page.brief.headline


_MARKUP_BYTES = [
    b"<p>", b"</p>", b"<h1>", b"</h1>", b"<title>", b"</title>", b"\x00",
    b"<meta charset='utf-8'>", b"<meta charset='iso-8859-1'>", b"\xef\xbb\xbf",
    b"<?xml version='1.0'?>", PARAGRAPH.encode(),
]  # fmt: skip
_BYTE_PARTS = st.one_of(
    st.text(max_size=12).map(str.encode),
    st.text(alphabet="éü“”€ž", max_size=6).map(lambda t: t.encode("cp1252", "replace")),
    st.binary(max_size=6),
    st.sampled_from(_MARKUP_BYTES),
)


@given(st.lists(_BYTE_PARTS, max_size=24).map(b"".join))
@example(b"<html><head><meta charset='iso-8859-1'></head><p>ASCII only</p>")
@example(article(headline="Café").encode("cp1252"))
@example(b"\xef\xbb\xbf" + article(headline="Café").encode())
def test_bytes_parse_as_the_text_they_decode_to(data: bytes) -> None:
    """Bytes, however they are read (UTF-8 ones straight by the parser), give the page
    their decoded text gives, or the same error."""
    text, _encoding = decode_html(data)
    try:
        expected: object = parse_html(text)
    except HTMLParseError as exc:
        expected = str(exc)
    try:
        found: object = parse_html(data)
    except HTMLParseError as exc:
        found = str(exc)
    assert found == expected


def test_base_url_from_base_element_then_canonical() -> None:
    """Without url=, links resolve against <base href>, else the canonical link."""
    body = "<p>See <a href='/more'>the report</a> for details on what the forecast says.</p>"
    with_base = article("<base href='https://a.example/news/'>", body)
    page = parse_html(with_base)
    assert page.brief is not None
    assert page.brief.body is not None
    assert 'href="https://a.example/more"' in page.brief.body
    canonical = article("<link rel='canonical' href='https://b.example/x'>", body)
    page = parse_html(canonical)
    assert page.brief is not None
    assert page.brief.body is not None
    assert 'href="https://b.example/more"' in page.brief.body


def test_notes_say_what_was_dropped() -> None:
    """Broken JSON-LD is reported in the notes, and parsing goes on."""
    notes: list[ExtractionNote] = []
    head = '<script type="application/ld+json">{"@type": "NewsArticle", oops}</script>'
    page = parse_html(article(head), notes=notes)
    assert page.brief is not None
    assert any(n.stage == "metadata" and "not JSON" in n.message for n in notes)


def test_notes_keep_only_the_attempt_that_stands() -> None:
    """An article inside a "sidebar" wrapper is found by the second attempt, and the notes
    say so without the first attempt's "no main content" verdict."""
    paragraph = "Storms moved across the region on Tuesday, and the forecasters said so. " * 3
    html = (
        "<html><head><title>Storms cross the region</title></head><body>"
        f"<div class='sidebar widget'><p>{paragraph}</p><p>{paragraph}</p></div>"
        "</body></html>"
    )
    notes: list[ExtractionNote] = []
    page = parse_html(html, url="https://news.example/storms", notes=notes)
    assert page.brief is not None
    assert "Storms moved across the region" in (page.brief.body or "")
    messages = [n.message for n in notes if n.stage == "body"]
    assert ["body found only with boilerplate class names ignored"] == messages


def test_attribute_names_that_tokenizers_read_apart_are_dropped() -> None:
    """libxml2 keeps an attribute named "=" from broken markup and writes it back so that
    an HTML5 tokenizer reads other attributes out of it: such names are dropped, so the
    body neither smuggles a link the page never had nor hides 40 attributes in one."""
    pairs = " ".join(f"x{n}=1" for n in range(40))
    body = (
        '<p>See <a title/ ==" href=https://evil.example/x">this</a> and '
        f'<span a/ ==" {pairs}">that</span>.</p>'
    )
    notes: list[ExtractionNote] = []
    page = parse_html(article(body=body), url="https://news.example/rain", notes=notes)
    assert page.brief is not None
    assert page.brief.body is not None
    assert "evil.example" not in page.brief.body
    assert "x39" not in page.brief.body
    assert ">this</a> and that.</p>" in page.brief.body
    assert not [n for n in notes if "sanitizer refused" in n.message]


def test_element_with_too_many_attributes_keeps_the_allowed_ones() -> None:
    """A lazy image with 32 data attributes keeps its body: only the attributes the body
    policy allows stay on it, its source read from data-src first."""
    data = " ".join(f'data-x{n}="1"' for n in range(31))
    body = f'<figure><img {data} data-src="/img/rain.jpg" alt="Rain"></figure>'
    page = parse_html(article(body=body), url="https://news.example/rain")
    assert page.brief is not None
    assert page.brief.body is not None
    assert '<img alt="Rain" src="https://news.example/img/rain.jpg">' in page.brief.body


def test_front_page_has_no_brief_but_keeps_blocks() -> None:
    """A page of link lists has no main brief; its "Most popular" list is a block."""
    items = "".join(
        f"<li><a href='/story/{i}'>Story number {i} about the city council</a></li>"
        for i in range(4)
    )
    html = (
        "<html><body><nav><a href='/'>Home</a></nav>"
        f"<section><h2>Most popular</h2><ul>{items}</ul></section></body></html>"
    )
    page = parse_html(html, url="https://news.example/")
    assert page.brief is None
    assert ["Most popular"] == [getattr(b, "title", None) for b in page.blocks]
    assert 4 == len(page.blocks[0].items)  # type: ignore[union-attr]


def test_jsonld_wins_over_meta_tags() -> None:
    """JSON-LD headline, authors and dates take precedence over OpenGraph and <meta>."""
    head = (
        '<meta property="og:title" content="OG title">'
        '<meta name="author" content="Meta Person">'
        '<meta property="article:published_time" content="2020-01-01T00:00:00Z">'
        '<script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": ["NewsArticle", "Article"], "headline": "LD headline",'
        ' "datePublished": "2022-12-14T10:00:00+02:00", "dateModified": "2022-12-15",'
        ' "author": [{"@type": "Person", "name": "Jane Doe"}, "John Roe"],}</script>'
    )
    page = parse_html(article(head, headline="Page headline"))
    brief = page.brief
    assert brief is not None
    assert "LD headline" == brief.headline
    assert ["Jane Doe", "John Roe"] == [a.name for a in brief.authors]
    assert datetime(2022, 12, 14, 8, 0, tzinfo=UTC) == brief.published
    assert date(2022, 12, 15) == brief.modified


def test_meta_dates_use_the_default_zone_never_local() -> None:
    """A meta time with no zone takes ParseOptions.default_tz."""
    zone = timezone(timedelta(hours=2))
    head = '<meta property="article:published_time" content="2022-12-14T10:00:00">'
    page = parse_html(article(head), options=ParseOptions(default_tz=zone))
    assert page.brief is not None
    assert datetime(2022, 12, 14, 10, 0, tzinfo=zone) == page.brief.published


def test_byline_in_the_dom() -> None:
    """A DOM byline is split into people, with the date and "By" removed."""
    body = "<p class='byline'>By Jane Doe and John Roe | Updated Dec. 14, 2022</p>"
    page = parse_html(article(body=body))
    assert page.brief is not None
    assert ["Jane Doe", "John Roe"] == [a.name for a in page.brief.authors]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe, John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe, Staff Writer", ["Jane Doe"]),
        ("by JANE DOE | December 14, 2022", ["JANE DOE"]),
        ("Von Anna Müller und Jan Schmidt", ["Anna Müller", "Jan Schmidt"]),
        ("Tom Y. Chang", ["Tom Y. Chang"]),
    ],
)
def test_split_byline(byline: str, names: list[str]) -> None:
    """Bylines split into names without dates, role words or separators."""
    assert names == split_byline(byline)


def test_site_name_is_not_an_author() -> None:
    """The site's own name in a byline is dropped."""
    assert ["Jane Doe"] == split_byline("Jane Doe, Daily Planet", site_name="Daily Planet")


def test_organizations_are_recognised() -> None:
    """News desks and agencies are organizations; names are people."""
    assert AuthorKind.ORGANIZATION == author_kind("Reuters")
    assert AuthorKind.ORGANIZATION == author_kind("The Kyiv Independent news desk")
    assert AuthorKind.PERSON == author_kind("Jane Doe")


def test_broken_jsonld_text_is_repaired() -> None:
    """Trailing commas, raw newlines in strings and a CDATA wrapper are tolerated."""
    text = '//<![CDATA[\n{"headline": "Two\nlines", "author": ["A", "B",],}\n//]]>'
    assert [{"headline": "Two\nlines", "author": ["A", "B"]}] == load_jsonld_text(text)


def test_youtube_iframe_becomes_a_video_teaser() -> None:
    """An embedded YouTube player is a teaser with provider and id."""
    body = '<iframe title="Storm footage" src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'
    page = parse_html(article(body=body))
    videos = [b for b in page.blocks if isinstance(b, VideoTeaser)]
    assert [("youtube", "dQw4w9WgXcQ", "Storm footage")] == [
        (v.provider, v.video_id, v.title) for v in videos
    ]


def test_profile_pins_the_body() -> None:
    """A site profile chosen by host names the body container directly."""
    html = (
        "<html><body><div id='story'><p>Short one.</p><p>Also short but the story.</p></div>"
        f"<div class='other'><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>"
        "<h1>Profiled</h1></body></html>"
    )
    profile = SiteProfile(name="example", hosts=("example.com",), body="//div[@id='story']")
    notes: list[ExtractionNote] = []
    page = parse_html(
        html,
        url="https://www.example.com/a",
        options=ParseOptions(profiles=(profile,)),
        notes=notes,
    )
    assert page.brief is not None
    assert page.brief.body is not None
    assert "Also short but the story." in page.brief.body
    assert "Forecasters" not in page.brief.body
    assert any(n.stage == "profile" for n in notes)


def test_profile_rejects_bad_xpath() -> None:
    """A profile with an invalid XPath fails when it is built, naming the field."""
    with pytest.raises(ValidationError, match=r"SiteProfile\.body"):
        SiteProfile(name="bad", hosts=("example.com",), body="//div[")


def test_most_specific_profile_wins() -> None:
    """Of two matching profiles the one with the longer host applies."""
    broad = SiteProfile(name="broad", hosts=("example.com",))
    narrow = SiteProfile(name="narrow", hosts=("news.example.com",))
    chosen = find_profile("https://news.example.com/x", [broad, narrow])
    assert chosen is not None
    assert "narrow" == chosen.name


def test_deep_nesting_finishes_quickly() -> None:
    """Ten thousand nested divs parse in bounded time without an exception."""
    html = "<html><body>" + "<div>" * 10_000 + PARAGRAPH + "</div>" * 10_000 + "</body></html>"
    start = time.perf_counter()
    parse_html(html)
    assert time.perf_counter() - start < 10


def test_content_nested_past_256_levels_is_kept() -> None:
    """A page nesting 300 wrappers deep keeps its article and everything after it."""
    html = article(body="<div>" * 300 + "<p>Deep words stay.</p>" + "</div>" * 300)
    page = parse_html(html)
    assert page.brief is not None
    assert page.brief.body is not None
    assert "Deep words stay." in page.brief.body
    assert PARAGRAPH in page.brief.body


def test_body_too_deep_for_the_sanitizer_is_flattened() -> None:
    """A body nesting deeper than the sanitizer accepts is flattened, not dropped, with a note."""
    chain = "<div><span>" * 130 + "<b>Deep words stay.</b>" + "</span></div>" * 130
    inner = (
        "<div>" * 40 + f"<p>{PARAGRAPH}</p>" + chain + f"<p>{PARAGRAPH} Again.</p>" + "</div>" * 40
    )
    with pytest.raises(SanitizeError, match="max_depth"):
        sanitize_html(inner)  # as the page nests it, the sanitizer refuses it
    notes: list[ExtractionNote] = []
    page = parse_html(article(body=inner), notes=notes)
    assert page.brief is not None
    assert page.brief.body is not None
    body = page.brief.body
    assert ["Deep words stay.", f"{PARAGRAPH} Again."] == [
        text for text in ("Deep words stay.", f"{PARAGRAPH} Again.") if text in body
    ]
    assert [] == [n for n in notes if "sanitizer refused" in n.message]
    assert 1 == len([n for n in notes if n.stage == "body" and "unwrapped" in n.message])


def test_lists_too_deep_for_the_sanitizer_keep_their_text() -> None:
    """Lists nested 200 deep (no wrapper to unwrap) keep their words as text, with a note."""
    inner = "<ul><li>" * 200 + "Innermost item." + "</li></ul>" * 200
    notes: list[ExtractionNote] = []
    page = parse_html(article(body=inner + f"<p>{PARAGRAPH} Again.</p>"), notes=notes)
    assert page.brief is not None
    assert page.brief.body is not None
    assert "Innermost item." in page.brief.body
    assert f"{PARAGRAPH} Again." in page.brief.body
    assert 1 == len([n for n in notes if n.stage == "body" and "kept as their text" in n.message])


def test_article_inside_an_unclosed_sidebar_is_kept() -> None:
    """An unclosed <aside> that swallows the article keeps the article (noted); teasers go."""
    html = (
        "<html><head><title>Rain expected</title></head><body>"
        "<aside class='sidebar'><ul><li><a href='/a'>Home</a></li><li><a href='/b'>Sport</a>"
        "</li></ul><article><h1>Rain expected</h1>"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH} More.</p><p>{PARAGRAPH} Still more.</p></article>"
        "<aside><article><p>A teaser for another story, short and unrelated to this one.</p>"
        "</article></aside></body></html>"
    )
    notes: list[ExtractionNote] = []
    page = parse_html(html, notes=notes)
    assert page.brief is not None
    assert page.brief.body is not None
    assert f"{PARAGRAPH} Still more." in page.brief.body
    assert "A teaser for another story" not in page.brief.body
    assert ["<aside> kept: it holds the article (an unclosed element?)"] == [
        n.message for n in notes if n.message.startswith("<aside>")
    ]


def test_calls_to_action_and_read_more_lines_leave_the_body() -> None:
    """Short "Read more:" and subscribe/follow/app lines go; prose mentioning them stays."""
    lines = (
        "<p>Read more: <a href='/other'>Storms last year</a></p>"
        "<h3>Mehr zum Thema:</h3>"
        "<p>Zum Newsletter anmelden</p>"
        "<p>Follow The Daily Planet on Twitter and Instagram @planet.</p>"
        "<p>For the latest stories download the Planet apps for iOS and Android.</p>"
        "<p>Was this article helpful?</p>"
        "<p>Jane Doe covers the weather. Follow her on Twitter @janedoe.</p>"
        "<p>Related: <a href='/floods'>Floods in the valley</a></p>"
    )
    page = parse_html(article(body=lines), url="https://planet.example/rain")
    assert page.brief is not None
    assert page.brief.body is not None
    body = page.brief.body
    gone = ["Read more", "Mehr zum Thema", "Newsletter", "on Twitter and", "Planet apps", "helpful"]
    assert [] == [text for text in gone if text in body]
    assert "Follow her on Twitter" in body
    assert "Floods in the valley" in body


def test_page_index_reads_class_words_as_readability_does() -> None:
    """Boilerplate words match inside tokens, "ad" only alone; a likely word redeems a weak one."""
    classes = {
        "ad": True,
        "top-ad": True,
        "x_ad": False,
        "head": False,
        "sidebar": True,
        "sidebar article": False,
        "share article": True,
        "PageSidebarRight": True,
        "s" + "sidebar" * 20: False,  # a token over 100 characters says nothing
    }
    markup = "".join(f"<div class='{name}'>x</div>" for name in classes)
    root = parse_tree(f"<html><body>{markup}</body></html>")
    index = PageIndex(root)
    found = {
        div.get("class"): bool(index.flags.get(div, 0) & BOILERPLATE) for div in root.iter("div")
    }
    assert classes == found


def test_huge_attribute_finishes_quickly() -> None:
    """A 5 MB attribute value does not make parsing crawl."""
    html = article(body=f"<p class='{'x' * 5_000_000}'>{PARAGRAPH}</p>")
    start = time.perf_counter()
    parse_html(html)
    assert time.perf_counter() - start < 10


def test_huge_broken_jsonld_finishes_quickly() -> None:
    """A large, broken JSON-LD script is skipped with a note, in bounded time."""
    script = '<script type="application/ld+json">{"a": [' + "1," * 500_000 + "</script>"
    notes: list[ExtractionNote] = []
    start = time.perf_counter()
    parse_html(article(script), notes=notes)
    assert time.perf_counter() - start < 10
    assert any(n.stage == "metadata" for n in notes)


def test_memory_does_not_grow_across_parses() -> None:
    """Parsing the same page 200 times leaves no growing allocation behind."""
    html = article(body="<p class='byline'>By Jane Doe</p>")
    for _ in range(20):
        parse_html(html)
    tracemalloc.start()
    try:
        for _ in range(50):
            parse_html(html)
        first, _peak = tracemalloc.get_traced_memory()
        for _ in range(150):
            parse_html(html)
        second, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert second - first < 200_000


def _children_html(element: lxml.html.HtmlElement) -> str:
    """An element's content serialized child by child (what _inner_html must equal)."""
    parts = [html.escape(element.text or "", quote=False)]
    parts.extend(
        lxml.etree.tostring(child, method="html", encoding="unicode", with_tail=True)
        for child in element
    )
    return "".join(parts)


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=8)


@given(
    st.sampled_from(["div", "section", "article", "main"]),
    st.dictionaries(st.sampled_from(["class", "id", "data-x", "title"]), _TEXT, max_size=3),
    st.lists(st.tuples(st.sampled_from(["p", "a", "b", "br", "img"]), _TEXT, _TEXT), max_size=4),
    _TEXT,
)
@example("div", {"data-x": "a>b</div>"}, [("p", "x&y", "\xa0")], "<lead>")
def test_inner_html_is_the_content_serialized_child_by_child(
    tag: str, attributes: dict[str, str], children: list[tuple[str, str, str]], lead: str
) -> None:
    """The container serialized whole, less its own tags, is its content as the serializer
    writes it child by child."""
    element = lxml.html.Element(tag, attributes)
    element.text = lead
    for child_tag, text, tail in children:
        child = lxml.etree.SubElement(element, child_tag)
        if child_tag not in ("br", "img"):
            child.text = text
        child.tail = tail
    assert _inner_html(element) == _children_html(element)


def test_inner_html_gives_way_when_the_emptied_copy_is_written_otherwise() -> None:
    """An attribute written without a value (``<section hidden>``) is written ``hidden=""``
    on a copy: the tags cannot be cut off, and the content is serialized child by child."""
    root = parse_tree("<div><section class='a' hidden><p>Text</p> tail</section></div>")
    section = root.find(".//section")
    assert section is not None
    assert _inner_html(section) is None
    assert _serialize([section]) == _children_html(section) == "<p>Text</p> tail"


def test_options_and_notes_are_exported_at_the_top_level() -> None:
    """``newsitem.ParseOptions`` and ``newsitem.ExtractionNote`` are the parser's classes."""
    assert (ParseOptions, ExtractionNote) == (newsitem.ParseOptions, newsitem.ExtractionNote)
    assert {"ExtractionNote", "ParseOptions"} <= set(newsitem.__all__)
