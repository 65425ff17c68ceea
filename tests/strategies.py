"""Hypothesis strategies: one for every model (a model is not done without one)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from newsitem import (
    Author,
    AuthorKind,
    Brief,
    BriefKind,
    Image,
    Link,
    Page,
    ReadingTime,
    RelatedBlock,
    RelatedItem,
    SafeHTML,
    SourceAttribution,
    VideoTeaser,
)
from newsitem.sanitize import sanitize_html

# Plain text: any printable Unicode (no lone surrogates, which no encoding can carry),
# never blank.
_chars = st.characters(blacklist_categories=("Cs",))
text = st.text(_chars, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
words = st.text(st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=12)

_label = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=10)
hosts = st.builds(lambda a, b: f"{a}.{b}", _label, st.sampled_from(["com", "org", "ua", "de"]))
paths = st.lists(
    st.text("abcdefghijklmnopqrstuvwxyz0123456789-_.~%", min_size=1, max_size=8), max_size=3
).map(lambda parts: "/" + "/".join(parts))
urls = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}{path}",
    st.sampled_from(["http", "https"]),
    hosts,
    paths,
)

_offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: timezone(timedelta(minutes=m))
)
aware_datetimes = st.datetimes(
    min_value=datetime(1900, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=_offsets,
)
date_values: st.SearchStrategy[date] = st.dates() | aware_datetimes
durations = st.timedeltas(min_value=timedelta(microseconds=1), max_value=timedelta(days=30))

_json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(_chars, max_size=10)
)
json_values: st.SearchStrategy[Any] = st.recursive(
    _json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(_chars, max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
extensions = st.dictionaries(
    st.builds(
        lambda ns, name: f"{ns}:{name}", st.sampled_from(["ninjs", "schema", "x-acme"]), words
    ),
    json_values,
    max_size=3,
)

# Markup built from pieces a sanitizer must handle, then sanitized with the field's policy.
_pieces = st.one_of(
    text,
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<em>",
            "</em>",
            "<strong>",
            "<a href='https://example.com/x'>",
            "</a>",
            "<a href='javascript:alert(1)'>",
            "<img src='https://example.com/i.png' alt='i'>",
            "<script>alert(1)</script>",
            "<h2>",
            "</h2>",
            "<ul><li>",
            "</li></ul>",
            "<br>",
            "&amp;",
            "&lt;",
            "<b onclick='x()'>",
            "</b>",
            "<blockquote>",
            "</blockquote>",
        ]
    ),
)
_raw_markup = st.lists(_pieces, min_size=1, max_size=8).map("".join)


def markup(policy: str) -> st.SearchStrategy[SafeHTML]:
    """Sanitized markup for a field whose policy is ``policy``, never empty."""
    return _raw_markup.map(lambda raw: sanitize_html(raw, policy=policy)).filter(
        lambda html: html.strip() != ""
    )


def _opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _tuples(strategy: st.SearchStrategy[Any], max_size: int = 3) -> st.SearchStrategy[Any]:
    return st.lists(strategy, max_size=max_size).map(tuple)


images = st.builds(
    Image,
    url=urls,
    alt=_opt(st.text(_chars, max_size=20)),
    caption=_opt(text),
    credit=_opt(text),
    width=_opt(st.integers(1, 10_000)),
    height=_opt(st.integers(1, 10_000)),
    extensions=extensions,
)
links = st.builds(Link, url=urls, text=_opt(text))
reading_times = st.builds(ReadingTime, minutes=st.integers(1, 120), text=_opt(text))
attributions = st.builds(
    SourceAttribution,
    name=text,
    url=_opt(urls),
    date_text=_opt(text),
    date=_opt(date_values),
    text=_opt(text),
)
authors = st.builds(
    Author,
    name=text,
    kind=st.sampled_from(AuthorKind),
    url=_opt(urls),
    avatar=_opt(images),
    bio=_opt(markup("inline")),
    role=_opt(text),
    email=_opt(text),
    same_as=_tuples(urls),
    extensions=extensions,
)
related_items = st.builds(
    RelatedItem,
    headline=text,
    summary=_opt(markup("inline")),
    url=_opt(urls),
    published=_opt(date_values),
    image=_opt(images),
    label=_opt(text),
    extensions=extensions,
) | st.builds(RelatedItem, summary=markup("inline"), url=_opt(urls))
related_blocks = st.builds(
    RelatedBlock,
    title=_opt(text),
    items=st.lists(related_items, min_size=1, max_size=3).map(tuple),
    see_all=_opt(links),
    extensions=extensions,
)
_providers = st.sampled_from(["youtube", "vimeo", "dailymotion"])
video_teasers = st.builds(
    lambda provider_id, **kw: VideoTeaser(
        provider=provider_id[0] if provider_id else None,
        video_id=provider_id[1] if provider_id else None,
        **kw,
    ),
    provider_id=_opt(st.tuples(_providers, words)),
    label=_opt(text),
    title=text,
    description=_opt(text),
    url=_opt(urls),
    embed_url=_opt(urls),
    content_url=_opt(urls),
    thumbnail=_opt(images),
    duration=_opt(durations),
    published=_opt(date_values),
    extensions=extensions,
)
briefs = st.builds(
    Brief,
    headline=text,
    id=_opt(text),
    url=_opt(urls),
    kind=st.sampled_from(BriefKind),
    label=_opt(text),
    section=_opt(text),
    summary=_opt(markup("inline")),
    body=_opt(markup("body")),
    published=_opt(date_values),
    modified=_opt(date_values),
    reading_time=_opt(reading_times),
    language=_opt(st.sampled_from(["en", "en-US", "uk", "de-DE", "zh-Hant-TW", "fr"])),
    authors=_tuples(authors, 2),
    images=_tuples(images, 2),
    tags=_tuples(text),
    attributions=_tuples(attributions, 2),
    related=_tuples(related_blocks, 1),
    videos=_tuples(video_teasers, 1),
    extensions=extensions,
)
pages = st.builds(
    Page,
    url=_opt(urls),
    site_name=_opt(text),
    title=_opt(text),
    language=_opt(st.sampled_from(["en", "uk", "de"])),
    brief=_opt(briefs),
    blocks=_tuples(st.one_of(authors, related_blocks, video_teasers), 3),
    extensions=extensions,
)

#: A strategy for every model class that stands as a document of its own.
MODELS: dict[type[Any], st.SearchStrategy[Any]] = {
    Page: pages,
    Brief: briefs,
    Author: authors,
    RelatedBlock: related_blocks,
    RelatedItem: related_items,
    VideoTeaser: video_teasers,
    Image: images,
}
