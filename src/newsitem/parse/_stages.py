"""The built-in stages of a parse, and :func:`default_stages`, the registry that runs them.

Each stage does one thing to the :class:`~newsitem.parse.PageContext`; the order matters
where a stage changes the tree: blocks are read before they are taken out of it, and
the text's dates before the boilerplate goes. The stages a site profile pins with an
XPath (headline, authors, label, dates, body) take it as a field.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Final

import attrs
import lxml.html

from newsitem._language import normalize_language
from newsitem._markup import SafeHTML
from newsitem.errors import NewsitemError, SanitizeError
from newsitem.formats.jsonld import read_jsonld
from newsitem.models import Author, Brief, BriefKind, RelatedBlock, VideoTeaser
from newsitem.parse._attributions import find_attributions
from newsitem.parse._authors import (
    find_author_cards,
    find_byline,
    make_authors,
    split_byline,
    structured_authors,
    with_card_authors,
)
from newsitem.parse._blocks import find_related_blocks, holds_article, read_author_card
from newsitem.parse._body import Body, extract_body, strip_never_content
from newsitem.parse._context import PageContext
from newsitem.parse._decode import parse_tree
from newsitem.parse._headline import choose_headline, h1_texts, strip_site
from newsitem.parse._images import find_images
from newsitem.parse._index import PageIndex
from newsitem.parse._labels import breadcrumb_section, find_kicker, find_reading_time
from newsitem.parse._microdata import read_microdata_brief, read_own_page
from newsitem.parse._notes import Notes
from newsitem.parse._published import find_marked_date, settle_published, url_date
from newsitem.parse._registry import Stage, StageRegistry
from newsitem.parse._textdates import find_text_date
from newsitem.parse._tree import normalize_space, remove_element, xpath_text
from newsitem.parse._videos import find_videos, teaser_from_og
from newsitem.parse.profiles import SiteProfile
from newsitem.sanitize import get_policy, sanitize_bounded_html, sanitize_text

__all__ = [
    "ApplyProfile",
    "FindAuthors",
    "FindBody",
    "FindDates",
    "FindHeadline",
    "FindLabel",
    "check_own_page",
    "default_stages",
    "find_blocks",
    "find_fallback_date",
    "find_source_attributions",
    "find_text_dates",
    "make_brief",
    "read_language",
    "read_reading_time",
    "read_structured_data",
    "remove_blocks",
    "stages_for",
    "strip_boilerplate",
]

_BETWEEN_BLOCKS = re.compile(r">\s*\n\s*<")
# og:type values that make a page an article even without a body.
_ARTICLE_OG: Final = frozenset({"article", "news", "blog", "video.other", "newsarticle"})


def check_own_page(context: PageContext) -> None:
    """``own_page``: a page drawn by newsitem's HTML renderer is read from its microdata
    alone, exactly; it ends the parse."""
    context.page = read_own_page(
        context.root,
        base_url=context.base_url,
        read_date=context.read_date,
        notes=context.notes,
        index=context.index,
    )


@attrs.frozen(kw_only=True)
class ApplyProfile:
    """``profile``: note the site profile, and remove the elements its ``drop`` XPaths
    select (the index is built again, so that no later stage finds them).

    Args:
        name: The profile's name.
        drop: XPaths of elements to remove.
    """

    name: str
    drop: tuple[str, ...] = ()

    def __call__(self, context: PageContext) -> None:
        """Apply the profile to the context's tree."""
        context.notes.add("profile", f"site profile {self.name!r} applied")
        if not self.drop:
            return
        for path in self.drop:
            for element in context.root.xpath(path):
                if isinstance(element, lxml.html.HtmlElement):
                    remove_element(element)
        context.index = PageIndex(context.root)


def read_structured_data(context: PageContext) -> None:
    """``structured``: the article of the JSON-LD (else of the microdata), and the
    JSON-LD's videos."""
    nodes: list[Brief | VideoTeaser | Author | RelatedBlock] = []
    for value in context.meta.jsonld:
        try:
            nodes.extend(read_jsonld(value, base_url=context.base_url))
        except NewsitemError as exc:
            context.notes.add("metadata", f"JSON-LD node not read: {exc}")
    structured = next((node for node in nodes if isinstance(node, Brief)), None)
    if structured is None:
        structured = read_microdata_brief(
            context.root,
            base_url=context.base_url,
            read_date=context.read_date,
            notes=context.notes,
            index=context.index,
        )
    context.structured = structured
    context.videos = [node for node in nodes if isinstance(node, VideoTeaser)]


@attrs.frozen(kw_only=True)
class FindHeadline:
    """``headline``: the profile's headline element, else the structured headline, an
    ``<h1>`` or the ``<title>`` (see :func:`choose_headline`), its site part dropped.

    Args:
        xpath: The site profile's headline XPath, if any.
    """

    xpath: str | None = None

    def __call__(self, context: PageContext) -> None:
        """Set the context's headline."""
        meta, site_name = context.meta, context.site_name
        h1s = h1_texts(context.index)
        pinned = xpath_text(context.root, self.xpath)
        if pinned:
            headline: str | None = strip_site(pinned, site_name, h1s)
        else:
            structured = context.structured.headline if context.structured else meta.headline
            title = meta.document_title
            headline = choose_headline(
                strip_site(structured, site_name, h1s) if structured else None,
                h1s,
                strip_site(title, site_name, h1s) if title else None,
                site_name,
            )
        context.headline = normalize_space(headline) or None if headline else None


def find_blocks(context: PageContext) -> None:
    """``blocks``: author cards, related blocks and video teasers, in page order; the
    ``og:video`` teaser becomes the brief's video when the JSON-LD names none and no
    teaser shows the same video."""
    root, index, notes = context.root, context.index, context.notes
    blocks = context.blocks
    for card in find_author_cards(root, index=index):
        author = read_author_card(card, base_url=context.base_url, site_name=context.site_name)
        if author is not None:
            blocks.append((card, author))
    blocks.extend(
        find_related_blocks(
            root,
            base_url=context.base_url,
            page_url=context.url,
            read_date=context.read_date,
            notes=notes,
            index=index,
        )
    )
    blocks.extend(
        find_videos(
            root, base_url=context.base_url, read_date=context.read_date, notes=notes, index=index
        )
    )
    if context.meta.og_videos and not context.videos:
        teaser = teaser_from_og(context.meta.og_videos[0], context.base_url, notes)
        if teaser is not None and not any(
            isinstance(block, VideoTeaser) and block.video_id == teaser.video_id and block.video_id
            for _, block in blocks
        ):
            context.videos.append(teaser)
    if len(blocks) > 1:
        order = index.position
        blocks.sort(key=lambda pair: order.get(pair[0], len(order)))


@attrs.frozen(kw_only=True)
class FindAuthors:
    """``authors``: the structured authors, else the profile's byline element, the
    metadata's authors or the byline the page shows; URLs filled in from author cards
    (whose authors stand in when nothing else names one).

    Args:
        xpath: The site profile's byline XPath, if any.
    """

    xpath: str | None = None

    def __call__(self, context: PageContext) -> None:
        """Set the context's authors."""
        cards = [block for _, block in context.blocks if isinstance(block, Author)]
        context.authors = with_card_authors(self._named(context), cards)

    def _named(self, context: PageContext) -> tuple[Author, ...]:
        """The authors the page names, from the first source that names any."""
        if context.structured is not None and context.structured.authors:
            return structured_authors(context.structured.authors)
        pinned = xpath_text(context.root, self.xpath)
        if pinned:
            authors = make_authors(split_byline(pinned, site_name=None), {}, context.base_url)
            if authors:
                return authors
        names, urls = find_byline(context.root, site_name=None, index=context.index)
        meta = context.meta
        if meta.authors:
            named = [name for value in meta.authors for name in split_byline(value, site_name=None)]
            named_urls = dict(urls)
            if len(meta.author_urls) == len(named):
                named_urls.update(zip(named, meta.author_urls, strict=True))
            authors = make_authors(named, named_urls, context.base_url)
            if authors:
                return authors
        return make_authors(names, urls, context.base_url)


@attrs.frozen(kw_only=True)
class FindLabel:
    """``label``: the kicker (the profile's element, else a short labelled element above
    the ``<h1>``) and the section (structured, metadata, else the breadcrumb trail); the
    section is the label when there is no kicker.

    Args:
        xpath: The site profile's kicker XPath, if any.
    """

    xpath: str | None = None

    def __call__(self, context: PageContext) -> None:
        """Set the context's label and section."""
        headline = context.headline
        label = xpath_text(context.root, self.xpath) or find_kicker(context.index, headline)
        section = (
            (context.structured.section if context.structured else None)
            or context.meta.section
            or breadcrumb_section(context.index, headline)
        )
        if label is None:
            label, section = section, None
        elif section == label:
            section = None
        context.label, context.section = label, section


def read_reading_time(context: PageContext) -> None:
    """``reading_time``: a short element such as "3 min read"."""
    context.reading_time = find_reading_time(context.index)


def remove_blocks(context: PageContext) -> None:
    """``block_removal``: take the blocks' elements out of the tree, so that the body
    does not hold them, except a wrapper that holds the article too."""
    for element, _block in context.blocks:
        if element.tag != "a" and not holds_article(element):
            remove_element(element)


@attrs.frozen(kw_only=True)
class FindDates:
    """``dates``: published and modified from the structured data, the profile's date
    element or the metadata, the published one settled against every date the
    metadata writes.

    Args:
        xpath: The site profile's date XPath, if any.
    """

    xpath: str | None = None

    def __call__(self, context: PageContext) -> None:
        """Set the context's published and modified dates."""
        structured, meta, read_date = context.structured, context.meta, context.read_date
        published = structured.published if structured else None
        modified = structured.modified if structured else None
        if published is None and self.xpath is not None:
            pinned = xpath_text(context.root, self.xpath)
            published = read_date(pinned) if pinned else None
        if published is None and meta.published:
            published = read_date(meta.published)
        if modified is None and meta.modified:
            modified = read_date(meta.modified)
        context.published = settle_published(published, modified, meta.dates)
        context.modified = modified


def find_text_dates(context: PageContext) -> None:
    """``text_dates``: without a published date, the one in the URL, else one written in
    the page text (read before the boilerplate that may hold it goes)."""
    if context.published is not None:
        return
    context.url_date = url_date(context.url or context.base_url)
    if context.url_date is None:
        context.text_date = find_text_date(context.root, context.read_date)


def strip_boilerplate(context: PageContext) -> None:
    """``boilerplate``: take out of the tree what is never content (scripts, navigation,
    forms, hidden elements, elements whose class or id names boilerplate)."""
    strip_never_content(context.root, index=context.index, notes=context.notes)


def find_fallback_date(context: PageContext) -> None:
    """``fallback_date``: without a published date, an element marked as a date, else the
    URL's date, else the text's."""
    if context.published is None:
        context.published = (
            find_marked_date(context.root, context.read_date)
            or context.url_date
            or context.text_date
        )


@attrs.frozen(kw_only=True)
class FindBody:
    """``body``: the main content (the profile's container, else the best-scored one),
    cleaned and sanitized; when none is found, the page is parsed again and stripped by
    tag only (a "widget" wrapper may hold the article).

    Args:
        xpath: The site profile's body container XPath, if any.
    """

    xpath: str | None = None

    def __call__(self, context: PageContext) -> None:
        """Set the context's body and its container."""
        found = self._extract(context)
        context.container = found.container
        if found.markup is not None:
            context.body = _sanitize_body(
                found.markup, base_url=context.base_url, notes=context.notes
            )

    def _extract(self, context: PageContext) -> Body:
        first = Notes()  # kept only if this first attempt stands
        found = extract_body(
            context.root, headline=context.headline, notes=first, container_xpath=self.xpath
        )
        if found.markup is None:
            second = Notes()
            retry = parse_tree(context.source)
            strip_never_content(retry, by_class=False, notes=second)
            found = extract_body(retry, headline=context.headline, notes=second)
            if found.markup is not None:
                first = second
                first.add("body", "body found only with boilerplate class names ignored")
        context.notes.extend(first)
        return found


def _sanitize_body(markup: str, *, base_url: str | None, notes: Notes) -> SafeHTML | None:
    """The body's markup sanitized with the body policy; ``None`` when the sanitizer
    refuses it or nothing is left."""
    tidy = _BETWEEN_BLOCKS.sub(">\n<", markup.strip())
    try:
        body = sanitize_bounded_html(tidy, policy=get_policy("body"), base_url=base_url)
    except SanitizeError as exc:
        notes.add("body", f"body dropped: the sanitizer refused it ({exc})")
        return None
    return body if body.strip() else None


def find_source_attributions(context: PageContext) -> None:
    """``attributions``: the sources the body credits ("according to X"), their dates
    read relative to the published date."""
    if context.body is None or context.container is None:
        return
    published = context.published
    reference = published if isinstance(published, datetime) else context.read_date.reference
    if isinstance(published, date) and not isinstance(published, datetime):
        reference = datetime(published.year, published.month, published.day, 23, 59, tzinfo=UTC)
    read_date = attrs.evolve(context.read_date, reference=reference, notes=Notes())
    context.attributions = tuple(
        find_attributions(context.container, base_url=context.base_url, read_date=read_date)
    )


def read_language(context: PageContext) -> None:
    """``language``: the metadata's language, when it is a BCP 47 tag."""
    value = context.meta.language
    if not value:
        return
    try:
        context.language = normalize_language(value.split(",")[0].strip())
    except (NewsitemError, ValueError):
        context.notes.add("metadata", f"language {value!r} is not a BCP 47 tag; dropped")


def make_brief(context: PageContext) -> None:
    """``brief``: the main news item, when there is a headline and a body or the page
    says it is an article (structured data, ``og:type``)."""
    meta, structured, headline = context.meta, context.structured, context.headline
    articleish = structured is not None or (meta.og_type or "") in _ARTICLE_OG
    if not headline or (context.body is None and not articleish):
        if headline is None:
            message = "no headline found: the page has no main news item"
        else:
            message = "no article body and no article metadata: no main news item"
        context.notes.add("body", message)
        return
    summary = structured.summary if structured and structured.summary else None
    if summary is None and meta.description:
        summary = sanitize_text(meta.description)
    context.brief = Brief(
        headline=headline,
        url=context.page_url,
        kind=structured.kind if structured else BriefKind.NEWS,
        label=context.label,
        section=context.section,
        summary=summary,
        body=context.body,
        published=context.published,
        modified=context.modified,
        reading_time=context.reading_time,
        language=context.language,
        authors=context.authors,
        images=find_images(meta.images, context.container, context.base_url),
        tags=tuple(tag for tag in meta.tags if tag.strip())[:50],
        attributions=context.attributions,
        videos=tuple(context.videos),
    )


def _entries(profile: SiteProfile | None) -> list[tuple[str, Stage, float]]:
    """The built-in stages, with their priorities; pinned by ``profile``'s XPaths."""
    entries: list[tuple[str, Stage, float]] = [
        ("own_page", check_own_page, 170),
        ("structured", read_structured_data, 150),
        ("headline", FindHeadline(xpath=profile.headline if profile else None), 140),
        ("blocks", find_blocks, 130),
        ("authors", FindAuthors(xpath=profile.authors if profile else None), 120),
        ("label", FindLabel(xpath=profile.label if profile else None), 110),
        ("reading_time", read_reading_time, 100),
        ("block_removal", remove_blocks, 90),
        ("dates", FindDates(xpath=profile.published if profile else None), 80),
        ("text_dates", find_text_dates, 70),
        ("boilerplate", strip_boilerplate, 60),
        ("fallback_date", find_fallback_date, 50),
        ("body", FindBody(xpath=profile.body if profile else None), 40),
        ("attributions", find_source_attributions, 30),
        ("language", read_language, 20),
        ("brief", make_brief, 10),
    ]
    if profile is not None:
        entries.append(("profile", ApplyProfile(name=profile.name, drop=profile.drop), 160))
    return entries


_DEFAULT_STAGES: Final = StageRegistry(_entries(None))


def default_stages() -> StageRegistry:
    """Return the built-in stages, as they run on a page no site profile applies to.

    A page a profile applies to also runs a ``profile`` stage (priority 160, after
    ``own_page``), and the stages whose part the profile pins read its XPaths; then
    the profile's own stage changes apply.

    >>> stages = default_stages()
    >>> [(name, stages.priority(name)) for name in stages.names()][:5]
    [('own_page', 170), ('structured', 150), ('headline', 140), ('blocks', 130), ('authors', 120)]
    """
    return _DEFAULT_STAGES


def stages_for(profile: SiteProfile | None) -> StageRegistry:
    """Return the stages of a page ``profile`` applies to (the default ones for ``None``).

    Raises:
        ValidationError: One of the profile's stage changes names a stage there is not
            (or adds one there is).
    """
    if profile is None:
        return _DEFAULT_STAGES
    return profile.change_stages(StageRegistry(_entries(profile)))
