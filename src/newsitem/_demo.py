"""The demo: a page parsed, what was found on it told in a few lines, and three files written.

The seed page (shipped in ``newsitem/examples/``) is the default; ``newsitem demo PAGE.html``
does the same for any saved page.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any, Final, TextIO

import lxml.html

from newsitem.converter import from_json
from newsitem.models import (
    Author,
    Brief,
    Page,
    RelatedBlock,
    RelatedItem,
    SourceAttribution,
    VideoTeaser,
)
from newsitem.parse import ExtractionNote, parse_html
from newsitem.render import render

__all__ = [
    "DEMO_DIRECTORY",
    "DEMO_FILES",
    "SEED_URL",
    "load_seed_page",
    "parse_seed_page",
    "run_demo",
    "summarize",
]

#: Where the seed page was published (the example's stand-in for its canonical URL).
SEED_URL = (
    "https://kyivindependent.com/"
    "wsj-chinas-leader-xi-deepening-economic-ties-with-putins-russia-despite-public-distance/"
)

#: Where the demo writes its files unless told otherwise (relative to the working directory).
DEMO_DIRECTORY: Final = Path("newsitem-demo")

#: The files the demo writes: name, render format and options, and what a reader finds there.
DEMO_FILES: Final[tuple[tuple[str, str, tuple[tuple[str, Any], ...], str], ...]] = (
    ("card.html", "html", (("document", True),), "the page as HTML cards, a whole document"),
    ("page.txt", "text", (), "the page as plain text"),
    ("page.json", "json", (("indent", 2),), "native JSON (newsitem.from_json reads it back)"),
)

_WIDTH: Final = 88  # the summary's lines wrap here; a URL is never broken
_LABEL: Final = 12  # the width of the label column
_MAX_ITEMS: Final = 3  # related items listed per block; the rest are counted


def _example(name: str) -> str:
    return resources.files("newsitem").joinpath(f"examples/{name}").read_text("utf-8")


def load_seed_page() -> Page:
    """Load the seed page as hand-written native JSON shipped with the package.

    >>> load_seed_page().brief.label
    'News Feed'
    """
    return from_json(_example("seed-page.json"), Page)


def parse_seed_page(notes: list[ExtractionNote] | None = None) -> Page:
    """Parse the seed page's HTML shipped with the package; the body is sanitized on the way.

    >>> parse_seed_page().brief.reading_time.text
    '1 min read'
    """
    return parse_html(_example("seed-page.html"), url=SEED_URL, notes=notes)


def _field(label: str, *values: str) -> list[str]:
    """``label`` in the first column, each value wrapped in the second; URLs stay whole."""
    lines: list[str] = []
    for value in values:
        lines += textwrap.wrap(
            value,
            _WIDTH,
            initial_indent=" " * _LABEL,
            subsequent_indent=" " * _LABEL,
            break_long_words=False,
            break_on_hyphens=False,
        )
    if lines:
        lines[0] = f"{label:<{_LABEL - 1}} {lines[0][_LABEL:]}"
    return lines


def _start(text: str, room: int = _WIDTH - _LABEL - 5) -> str:
    """``text`` quoted, cut after the last whole word that fits in ``room`` characters."""
    kept = ""
    for word in text.split():
        if len(kept) + len(word) + 1 > room:
            return f"“{kept}…”"
        kept = f"{kept} {word}" if kept else word
    return f"“{kept}”"


def _plain(markup: str) -> str:
    return str(lxml.html.fragment_fromstring(markup, create_parent="div").text_content())


def _brief_lines(brief: Brief) -> Iterator[str]:
    yield from _field("headline", brief.headline)
    if brief.label:
        yield from _field("label", brief.label)
    if brief.published is not None:
        when = brief.published
        shown = when.isoformat(" ", "minutes") if isinstance(when, datetime) else when.isoformat()
        yield from _field("published", shown)
    given = brief.reading_time
    stated = (given.text or f"{given.minutes} min") if given else None
    estimated = brief.estimated_reading_minutes
    if stated or estimated:
        said = f"{stated} (as stated)" if stated else "not stated"
        about = f"; the body reads in about {estimated} min" if estimated else ""
        yield from _field("reading", said + about)
    yield from _field(
        "authors",
        *(
            f"{a.name} ({a.kind.value})" + (f" {a.url}" if a.url else " (no profile URL)")
            for a in brief.authors
        ),
    )
    yield from _field("sources", *map(_source, brief.attributions))


def _source(source: SourceAttribution) -> str:
    """``Wall Street Journal, Dec. 14 (2022-12-14)``: the name, the date as written and read."""
    when = f", {source.date_text}" if source.date_text else ""
    return source.name + when + (f" ({source.date})" if source.date else "")


def _item(item: RelatedItem) -> str:
    if item.headline:
        return f"- {item.headline}"
    if item.summary:
        return f"- {_start(_plain(item.summary))}"
    return f"- {item.url}"


def _block_lines(block: object) -> Iterator[str]:
    if isinstance(block, Author):
        parts = ["avatar"] if block.avatar else []
        if block.bio:
            parts.append(f"a bio of {len(_plain(block.bio).split())} words")
        has = f" with {' and '.join(parts)}" if parts else ""
        yield from _field("author card", f"{block.name}{has}")
    elif isinstance(block, RelatedBlock):
        more = len(block.items) - _MAX_ITEMS
        headlines = sum(item.headline is not None for item in block.items)
        found = f"{len(block.items)} items, {headlines or 'none'} with a headline"
        yield from _field(
            "related",
            f"{block.title or '(untitled)'}: {found}",
            *(_item(item) for item in block.items[:_MAX_ITEMS]),
            *([f"… and {more} more"] if more > 0 else []),
        )
    elif isinstance(block, VideoTeaser):
        title = f"“{block.title}”" if block.title else "no title"
        where = block.url or block.embed_url or block.content_url or "no URL on the page"
        yield from _field(
            "video",
            f"{block.label or 'video'}: {title}, {where}",
            *([_start(block.description)] if block.description else []),
        )


def _counts(page: Page) -> str:
    body = page.brief.body if page.brief else None
    if body:
        tree = lxml.html.fragment_fromstring(body, create_parent="div")
        # Blocks sit side by side with no space between them, so the pieces are joined
        # with one; a piece that is only punctuation (after a link, say) is no word.
        pieces = " ".join(tree.itertext()).split()
        words = sum(any(c.isalnum() for c in piece) for piece in pieces)
        found = [f"{len(tree.findall('.//p'))} paragraphs, {words} words;"]
    else:
        found = ["no body;"]
    kinds = {Author: "author card", RelatedBlock: "related block", VideoTeaser: "video teaser"}
    for kind, name in kinds.items():
        number = sum(isinstance(block, kind) for block in page.blocks)
        if number:
            found.append(f"{number} {name}{'s' if number > 1 else ''},")
    return " ".join(found).rstrip(",;")


def summarize(page: Page, notes: list[ExtractionNote]) -> list[str]:
    """What was found on ``page``, in short lines for a terminal.

    Args:
        page: the parsed page.
        notes: what the parser decided while reading it.

    Returns:
        The lines, without line ends.
    """
    site = page.site_name or "the page"
    lines = [f"Found on {site}" + (f" (language {page.language}):" if page.language else ":")]
    if page.brief is None:
        lines += _field("brief", "none: this reads as a listing or front page, not an article")
    else:
        lines += _brief_lines(page.brief)
    for block in page.blocks:
        lines += _block_lines(block)
    lines += _field("counts", _counts(page))
    lines += _field("notes", *(f"{n.stage}: {n.message}" for n in notes))
    return lines


def run_demo(
    out: TextIO,
    *,
    page: Path | None = None,
    url: str | None = None,
    directory: Path = DEMO_DIRECTORY,
) -> list[Path]:
    """Parse a page, print what was found on it, and write it as HTML, text and JSON.

    Args:
        out: where the summary goes.
        page: a saved HTML page; the seed page shipped with newsitem when ``None``.
        url: where the page came from (links resolve against it); for the seed page,
            its canonical URL.
        directory: where the files go; created when missing, files in it replaced.

    Returns:
        The paths written, in the order of :data:`DEMO_FILES`.

    Raises:
        OSError: the page cannot be read, or the files cannot be written.
        newsitem.errors.HTMLParseError: the page is not HTML.
    """
    notes: list[ExtractionNote] = []
    if page is None:
        parsed = parse_html(_example("seed-page.html"), url=url or SEED_URL, notes=notes)
    else:
        parsed = parse_html(page.read_bytes(), url=url, notes=notes)
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, format_name, options, _ in DEMO_FILES:
        text = render(parsed, format_name, **dict(options))
        path = directory / name
        path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        written.append(path)
    lines = summarize(parsed, notes)
    lines.append(f"Wrote it in three forms, in {directory}{'/' if directory.name else ''}:")
    width = max(len(str(path)) for path in written)
    lines += [
        f"  {path!s:<{width}}  {about}"
        for path, (*_, about) in zip(written, DEMO_FILES, strict=True)
    ]
    out.write("\n".join(lines) + "\n")
    return written
