"""The demo: the seed page parsed, sanitized and rendered."""

from __future__ import annotations

from importlib import resources
from typing import TextIO

from newsitem.converter import from_json
from newsitem.models import Author, Page, RelatedBlock, VideoTeaser
from newsitem.parse import ExtractionNote, parse_html
from newsitem.render import render

__all__ = ["SEED_URL", "load_seed_page", "parse_seed_page", "run_demo"]

#: Where the seed page was published (the example's stand-in for its canonical URL).
SEED_URL = (
    "https://kyivindependent.com/"
    "wsj-chinas-leader-xi-deepening-economic-ties-with-putins-russia-despite-public-distance/"
)


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


def _summary(page: Page) -> list[str]:
    lines = [f"page     {page.site_name} <{page.url}>"]
    if page.brief is not None:
        brief = page.brief
        lines.append(f"brief    [{brief.label}] {brief.headline}")
        if brief.reading_time is not None:
            lines.append(
                f"         {brief.reading_time.text} (stated), "
                f"{brief.estimated_reading_minutes} min (estimated from the body)"
            )
        if brief.authors:
            lines.append("         by " + ", ".join(f"{a.name} ({a.kind})" for a in brief.authors))
        lines.extend(
            f"         cites {a.name}" + (f", {a.date_text} -> {a.date}" if a.date_text else "")
            for a in brief.attributions
        )
    for block in page.blocks:
        if isinstance(block, Author):
            lines.append(f"author   {block.name} ({block.kind}), Read more <{block.url}>")
        elif isinstance(block, RelatedBlock):
            lines.append(f"related  {block.title}: {len(block.items)} items")
        elif isinstance(block, VideoTeaser):
            lines.append(f"video    {block.label}: {(block.description or '')[:60]}...")
    return lines


def run_demo(out: TextIO) -> None:
    """Parse the seed page, then print a summary and the page as HTML, text and JSON."""
    notes: list[ExtractionNote] = []
    page = parse_seed_page(notes)
    sections = [
        ("summary of the parsed seed page", "\n".join(_summary(page))),
        ("extraction notes", "\n".join(f"{n.stage}: {n.message}" for n in notes) or "(none)"),
        ("HTML (sanitized body, every plain string escaped)", render(page, "html")),
        ("plain text", render(page, "text")),
        ("native JSON", render(page, "json", indent=2)),
        ("schema.org JSON-LD", render(page, "jsonld", indent=2)),
        ("IPTC ninjs 3", render(page.brief, "ninjs", indent=2) if page.brief else "(no brief)"),
    ]
    for title, body in sections:
        out.write(f"==== {title}\n{body.rstrip()}\n\n")
