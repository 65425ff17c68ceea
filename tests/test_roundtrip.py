"""Our own HTML round-trips: parse_html(render_html(page)) == page, through microdata."""

from __future__ import annotations

import enum
import re
from datetime import datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

import attrs
import lxml.html
from hypothesis import given
from hypothesis import strategies as st

import newsitem
from newsitem import Brief, Page, SafeHTML, from_json
from newsitem.parse import parse_html
from newsitem.parse._decode import parse_tree
from newsitem.render import render_html
from newsitem.sanitize import sanitize_html
from tests import strategies
from tests.test_render_html import rich_page

SEED = Path(newsitem.__file__).parent / "examples" / "seed-page.json"

# What HTML cannot carry in text: code points it forbids (which the renderer drops) and
# CR, which every HTML parser reads as LF.
_UNCARRIED = re.compile(
    "[\r\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 17))
    + "]"
)


def _through_lxml(markup: str) -> str:
    """The markup as lxml's parser reads it inside a ``<div>``, written out again."""
    div = parse_tree(f"<div>{markup}</div>").find(".//div")
    parts = [escape(div.text, quote=False)] if div.text else []
    parts.extend(lxml.html.tostring(child, encoding=str, with_tail=True) for child in div)
    return "".join(parts)


def representable(value: Any, policy: str | None = None) -> Any:
    """Bring a model within what HTML can hold, changing nothing else.

    - Plain text: code points HTML forbids (C0/C1 controls but tab, LF and FF;
      noncharacters) and CR become "?": the renderer drops the first, parsers read CR as LF.
    - Markup: the same, then sanitized again with the field's policy (the sanitizer made it;
      only the sanitizer makes SafeHTML). Markup whose tree has a block element inside an
      inline one (the sanitizer writes ``<b><p></p></b>``, as html5 parsers build it) is
      first read once by lxml, whose HTML 4 parser (libxml2) closes the ``<b>`` before the
      ``<p>``: the parser cannot see the tree the sanitizer wrote, only the one lxml builds.
    - Datetimes and durations: whole milliseconds, the finest an HTML ``datetime``
      attribute or duration holds.

    Extensions are left alone: they travel as ASCII JSON, which carries every code point.
    """
    if isinstance(value, enum.Enum):
        return value
    if isinstance(value, SafeHTML):
        markup = sanitize_html(_UNCARRIED.sub("?", value), policy=policy or "body")
        return sanitize_html(_through_lxml(markup), policy=policy or "body")
    if isinstance(value, str):
        return _UNCARRIED.sub("?", value)
    if isinstance(value, datetime):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    if isinstance(value, timedelta):
        millis = round(value / timedelta(milliseconds=1))
        return timedelta(milliseconds=max(1, millis))
    if isinstance(value, tuple):
        return tuple(representable(v, policy) for v in value)
    if attrs.has(type(value)):
        changes = {
            field.name: representable(getattr(value, field.name), field.metadata.get("policy"))
            for field in attrs.fields(type(value))
            if field.name != "extensions"
        }
        return attrs.evolve(value, **changes)
    return value


@st.composite
def representable_pages(draw: st.DrawFn) -> Page:
    """Pages from ``strategies.pages``, brought within what HTML holds by ``representable``."""
    page: Page = representable(draw(strategies.pages))
    return page


html_options = st.fixed_dictionaries(
    {},
    optional={
        "document": st.booleans(),
        "prefix": st.sampled_from(["newsitem", "card", "news-card2"]),
        "heading_level": st.none() | st.integers(1, 6),
        "jsonld": st.booleans(),
        "video_player": st.booleans(),
        "stylesheet": st.booleans(),
        "description_limit": st.integers(1, 200),
        "labels": st.sampled_from(
            [{"read_more": "Weiterlesen", "reading_time": "{minutes} Min. Lesezeit"}, {}]
        ),
    },
)


@given(representable_pages(), html_options)
def test_rendered_pages_parse_back_equal(page: Page, options: dict[str, Any]) -> None:
    """Any page HTML can hold, rendered with any options but sources=False, parses back equal.

    Restricted by :func:`representable` (text HTML cannot carry, sub-millisecond times);
    ``sources=False`` is left out because it leaves the attributions out of the HTML.
    """
    assert page == parse_html(render_html(page, **options))


@given(representable_pages())
def test_hidden_sources_are_the_only_loss(page: Page) -> None:
    """With sources=False the page parses back equal but for its brief's attributions."""
    expected = page
    if page.brief is not None:
        expected = attrs.evolve(page, brief=attrs.evolve(page.brief, attributions=()))
    assert expected == parse_html(render_html(page, sources=False))


def test_seed_page_round_trips() -> None:
    """The seed page (author card, News Feed block, video, two sources) comes back equal."""
    page = from_json(SEED.read_text(encoding="utf-8"))
    assert page == parse_html(render_html(page, document=True))


def test_rich_page_round_trips_with_its_url() -> None:
    """The rich test page parses back equal, also when the caller passes the page URL."""
    page = rich_page()
    page = representable(page)
    assert page == parse_html(render_html(page), url="https://example.com/elsewhere")


def test_brief_alone_comes_back_as_the_page_brief() -> None:
    """A brief rendered on its own parses back as a page holding just that brief."""
    page = representable(rich_page())
    assert isinstance(page.brief, Brief)
    assert Page(brief=page.brief) == parse_html(render_html(page.brief))


def test_without_microdata_the_heuristics_read_the_page() -> None:
    """microdata=False writes no microdata; the parser then reads the page like any other."""
    page = representable(rich_page())
    html = render_html(page, microdata=False)
    assert "itemprop" not in html
    parsed = parse_html(html)
    assert parsed.brief is not None
    assert page.brief is not None
    assert page.brief.headline == parsed.brief.headline
    assert page != parsed  # extensions and private fields cannot come back from the DOM
