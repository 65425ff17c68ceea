"""The demo: the seed page read, sanitized and rendered."""

from __future__ import annotations

from importlib import resources
from typing import TextIO

from newsitem.converter import from_json, to_json
from newsitem.models import Author, Page, RelatedBlock, VideoTeaser

__all__ = ["load_seed_page", "run_demo"]


def load_seed_page() -> Page:
    """Load the seed page, as hand-written native JSON shipped with the package.

    >>> load_seed_page().brief.label
    'News Feed'
    """
    text = resources.files("newsitem").joinpath("examples/seed-page.json").read_text("utf-8")
    return from_json(text, Page)


def _summary(page: Page) -> list[str]:
    lines = [f"page       {page.site_name} <{page.url}>"]
    if page.brief is not None:
        brief = page.brief
        lines.append(f"brief      [{brief.label}] {brief.headline}")
        if brief.reading_time is not None:
            lines.append(
                f"           {brief.reading_time.text} (stated), "
                f"{brief.estimated_reading_minutes} min (estimated)"
            )
        lines.append("           by " + ", ".join(f"{a.name} ({a.kind})" for a in brief.authors))
        lines.extend(
            f"           cites {a.name} {a.date_text or ''}".rstrip() for a in brief.attributions
        )
    for block in page.blocks:
        if isinstance(block, Author):
            lines.append(f"author     {block.name} ({block.kind}), profile <{block.url}>")
        elif isinstance(block, RelatedBlock):
            lines.append(f"related    {block.title}: {len(block.items)} items")
        elif isinstance(block, VideoTeaser):
            lines.append(f"video      {block.label}: {(block.description or '')[:60]}...")
    return lines


def run_demo(out: TextIO) -> None:
    """Print the seed page as a summary and as native JSON."""
    page = load_seed_page()
    out.write("== summary\n" + "\n".join(_summary(page)) + "\n")
    out.write("== native JSON\n" + to_json(page, indent=2) + "\n")
