"""What the stages of one parse share: :class:`PageContext`, and :class:`DateReader`."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

import attrs
import lxml.html

from newsitem._datevalues import parse_date
from newsitem._markup import SafeHTML
from newsitem.errors import ParseError
from newsitem.models import (
    Author,
    Block,
    Brief,
    Page,
    ReadingTime,
    SourceAttribution,
    VideoTeaser,
)
from newsitem.parse._index import PageIndex
from newsitem.parse._metadata import Metadata
from newsitem.parse._notes import Notes
from newsitem.parse._tree import normalize_space

__all__ = ["DateReader", "PageContext"]


@attrs.frozen(kw_only=True)
class DateReader:
    """Reads the date strings of one page as :class:`~newsitem.parse.ParseOptions` say.

    A string it cannot read gives ``None`` and a note (stage ``"dates"``) saying why.

    Args:
        default_tz: The zone of a time written without one (``None``: such times are
            not read).
        reference: When the page was fetched: the year of a date written without one,
            and the point "3 hours ago" counts back from.
        dayfirst: How to read ambiguous all-number dates.
        notes: Receives a note for each string not read.
    """

    default_tz: tzinfo | None
    reference: datetime | None
    dayfirst: bool | None
    notes: Notes

    def __call__(self, text: str) -> date | datetime | None:
        """Read one date string (its first 200 characters, whitespace normalized)."""
        text = normalize_space(text)
        if not text:
            return None
        try:
            return parse_date(
                text[:200],
                default_tz=self.default_tz,
                reference=self.reference,
                dayfirst=self.dayfirst,
            )
        except ParseError as exc:
            self.notes.add("dates", f"date {text[:60]!r} not read: {exc}")
            return None


@attrs.define(kw_only=True, eq=False)
class PageContext:
    """One page being parsed: the page as read, and what each stage has found so far.

    :func:`~newsitem.parse.parse_html` reads the page into a tree, indexes it, reads its
    metadata and makes the context; then each stage reads the fields earlier stages
    wrote and writes its own (:func:`~newsitem.parse.default_stages` lists the stages,
    and the attributes below name the stage that writes each). A stage that sets
    :attr:`page` ends the parse: that page is the result. Otherwise, once every stage
    has run, the :class:`~newsitem.models.Page` is made of :attr:`page_url`,
    :attr:`site_name`, :attr:`language`, :attr:`brief`, :attr:`blocks` and the
    ``<title>`` (unless it is the headline).

    Stages change the tree in place (they take blocks and boilerplate out of it);
    :attr:`index` is built before any of that and keeps the removed elements.

    Attributes:
        url: The URL the page was fetched from, as given.
        root: The page's tree.
        source: What the tree was parsed from (the ``body`` stage parses it again when
            the first tree yields no body).
        index: What the class and id of each element say, and where each sits.
        meta: What the ``<head>`` and the page's metadata say.
        base_url: What relative links resolve against.
        page_url: The page's canonical http(s) URL, else ``url``.
        site_name: The publication's name (the metadata's, else the site profile's).
        notes: Receives the notes of the parse.
        read_date: Reads a date string (notes the ones it cannot read).
        page: A finished page that ends the parse (``own_page``).
        structured: The article of the page's structured data, JSON-LD else microdata
            (``structured``).
        videos: The brief's videos: JSON-LD ``VideoObject`` (``structured``), else the
            ``og:video`` teaser (``blocks``).
        headline: The headline (``headline``).
        blocks: Author cards, related blocks and video teasers, each with the element
            it was read from, in page order (``blocks``).
        authors: The brief's authors (``authors``).
        label: The kicker, else the section (``label``).
        section: The section, when the label is the kicker (``label``).
        reading_time: The reading time the page shows (``reading_time``).
        published: The publication date (``dates``, ``fallback_date``).
        modified: The date of the last change (``dates``).
        url_date: A date in the URL, when no structured one was found (``text_dates``).
        text_date: A date written in the page text, when neither a structured one nor
            one in the URL was found (``text_dates``).
        body: The sanitized body (``body``).
        container: The element that holds the body (``body``).
        attributions: The sources the body credits (``attributions``).
        language: The page's language as a BCP 47 tag (``language``).
        brief: The page's main news item (``brief``).
    """

    url: str | None
    root: lxml.html.HtmlElement
    source: str | bytes
    index: PageIndex
    meta: Metadata
    base_url: str | None
    page_url: str | None
    site_name: str | None
    notes: Notes
    read_date: DateReader
    page: Page | None = None
    structured: Brief | None = None
    videos: list[VideoTeaser] = attrs.Factory(list)
    headline: str | None = None
    blocks: list[tuple[lxml.html.HtmlElement, Block]] = attrs.Factory(list)
    authors: tuple[Author, ...] = ()
    label: str | None = None
    section: str | None = None
    reading_time: ReadingTime | None = None
    published: date | datetime | None = None
    modified: date | datetime | None = None
    url_date: date | None = None
    text_date: date | datetime | None = None
    body: SafeHTML | None = None
    container: lxml.html.HtmlElement | None = None
    attributions: tuple[SourceAttribution, ...] = ()
    language: str | None = None
    brief: Brief | None = None
