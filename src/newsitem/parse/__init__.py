"""Parse downloaded news pages into :class:`~newsitem.models.Page` models.

>>> from newsitem.parse import parse_html
>>> page = parse_html(
...     "<html lang='en'><head><title>Rain - Daily</title></head><body><article>"
...     "<h1>Rain expected</h1><p class='byline'>By Jane Doe and John Roe</p>"
...     "<p>Forecasters expect heavy rain across the region on Tuesday, with storms"
...     " moving in from the west by the afternoon and lasting into the night.</p>"
...     "</article></body></html>",
...     url="https://news.example/rain",
... )
>>> page.brief.headline, [a.name for a in page.brief.authors]
('Rain expected', ['Jane Doe', 'John Roe'])

The parse runs as named stages over one :class:`PageContext` (:func:`default_stages`
lists them); a :class:`SiteProfile` can add, replace or remove stages for its site.

What was dropped and why is reported through a ``notes`` list the caller passes:

>>> notes = []
>>> parse_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", notes=notes).brief
>>> notes[-1].message
'no headline found: the page has no main news item'
"""

from __future__ import annotations

from newsitem.models import Page
from newsitem.parse._context import DateReader, PageContext
from newsitem.parse._notes import ExtractionNote, Notes
from newsitem.parse._options import ParseOptions
from newsitem.parse._page import build_page
from newsitem.parse._registry import (
    AddStage,
    RemoveStage,
    ReplaceStage,
    Stage,
    StageChange,
    StageRegistry,
)
from newsitem.parse._stages import default_stages
from newsitem.parse.profiles import SiteProfile

__all__ = [
    "AddStage",
    "DateReader",
    "ExtractionNote",
    "PageContext",
    "ParseOptions",
    "RemoveStage",
    "ReplaceStage",
    "SiteProfile",
    "Stage",
    "StageChange",
    "StageRegistry",
    "default_stages",
    "parse_html",
]


def parse_html(
    html: str | bytes,
    *,
    url: str | None = None,
    encoding: str | None = None,
    options: ParseOptions | None = None,
    notes: list[ExtractionNote] | None = None,
) -> Page:
    """Parse a downloaded page into a :class:`~newsitem.models.Page`.

    The page's main news item becomes :attr:`Page.brief` (``None`` when the page has
    none, such as a front page); author cards, related blocks and video teasers around it
    become :attr:`Page.blocks`, in page order.

    Args:
        html: The page, as text or as the bytes downloaded. Bytes are decoded by their
            byte-order mark, else ``encoding``, else the charset the page declares (unless
            the bytes are valid UTF-8), else detection.
        url: The URL the page was fetched from; relative links resolve against it (else
            against ``<base href>``, else the canonical link).
        encoding: The charset the transport gave (a WARC record's or HTTP response's
            ``Content-Type`` charset); ignored for ``str`` input and when unknown.
        options: Time zone, reference time, size limit and site profiles.
        notes: A list to which :class:`ExtractionNote` items are appended, saying what was
            dropped and why. Nothing is printed or logged.

    Returns:
        The page.

    Raises:
        HTMLParseError: The input is not HTML or is over the size limit.
        TypeError: ``html`` is neither ``str`` nor ``bytes``.
        ValidationError: The site profile chosen for the page changes a stage there is
            not (or adds one there is).
    """
    collector = Notes()
    try:
        return build_page(
            html, url=url, options=options or ParseOptions(), notes=collector, encoding=encoding
        )
    finally:
        if notes is not None:
            notes.extend(collector.items)
