"""What the HTML and text renderers share: interface words, date and duration display.

Interface words ("Read more", "Show more", "Sources") are *chrome*: the renderers write
them, the models never hold them. Each has a key in :data:`DEFAULT_LABELS`; pass
``labels={"read_more": "Weiterlesen"}`` to a renderer to change some of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Any

import attrs

from newsitem.errors import RenderError
from newsitem.models import Author, Brief, Image, Page, RelatedBlock, RelatedItem, VideoTeaser

__all__ = [
    "DEFAULT_LABELS",
    "MODEL_TYPES",
    "carded_authors",
    "check_model",
    "display_date",
    "display_duration",
    "make_options",
    "merge_labels",
    "reading_time_text",
    "same_author",
    "split_description",
]

#: The model types every renderer handles.
MODEL_TYPES: tuple[type, ...] = (Page, Brief, Author, RelatedBlock, RelatedItem, VideoTeaser, Image)

#: The interface words the renderers write, by key.
DEFAULT_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "and": "and",
        "by": "By",
        "duration": "Duration",
        "modified": "Updated",
        "read_more": "Read more",
        "reading_time": "{minutes} min read",
        "see_all": "See all",
        "show_more": "Show more",
        "sources": "Sources",
        "tags": "Tags",
        "watch": "Watch the video",
    }
)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def check_model(obj: object, format_name: str) -> object:
    """Return ``obj`` if it is a model a renderer handles.

    Raises:
        RenderError: ``obj`` is not a newsitem model.
    """
    if not isinstance(obj, MODEL_TYPES):
        names = ", ".join(t.__name__ for t in MODEL_TYPES)
        raise RenderError(
            f"cannot render {type(obj).__name__} as {format_name}: expected one of {names}"
        )
    return obj


def freeze_parts(value: Mapping[type, Callable[..., str]]) -> Mapping[type, Callable[..., str]]:
    """Check a renderer's per-type overrides and return them as a read-only mapping.

    Raises:
        RenderError: a key is not a model type, or a value is not callable.
    """
    for model_type, part in value.items():
        if model_type not in MODEL_TYPES:
            names = ", ".join(t.__name__ for t in MODEL_TYPES)
            raise RenderError(f"cannot override {model_type!r}: expected one of {names}")
        if not callable(part):
            raise RenderError(
                f"override for {model_type.__name__}: expected a function (obj, context) -> "
                f"str, got {type(part).__name__}"
            )
    return MappingProxyType(dict(value))


def merge_labels(labels: Mapping[str, str] | None) -> Mapping[str, str]:
    """Return the default labels updated with ``labels``.

    Raises:
        RenderError: an unknown key, a value that is not a str, or a ``reading_time``
            label without ``{minutes}``.
    """
    if not labels:
        return DEFAULT_LABELS
    unknown = sorted(set(labels) - set(DEFAULT_LABELS))
    if unknown:
        raise RenderError(
            f"unknown label key(s) {', '.join(map(repr, unknown))}; "
            f"known: {', '.join(sorted(DEFAULT_LABELS))}"
        )
    for key, value in labels.items():
        if not isinstance(value, str):
            raise RenderError(f"label {key!r}: expected str, got {type(value).__name__}")
    if "reading_time" in labels and "{minutes}" not in labels["reading_time"]:
        raise RenderError("label 'reading_time' must contain '{minutes}'")
    return MappingProxyType({**DEFAULT_LABELS, **labels})


def display_date(value: date) -> str:
    """Write a date for people: ``14 Dec 2022``, ``14 Dec 2022, 10:05 UTC+02:00``.

    >>> display_date(date(2022, 12, 14))
    '14 Dec 2022'
    """
    day = f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    if not isinstance(value, datetime):
        return day
    offset = value.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        zone = "UTC"
    else:
        sign = "+" if minutes > 0 else "-"
        hours, mins = divmod(abs(minutes), 60)
        zone = f"UTC{sign}{hours:02d}:{mins:02d}"
    return f"{day}, {value.hour:02d}:{value.minute:02d} {zone}"


def display_duration(value: timedelta) -> str:
    """Write a video duration as a player shows it: ``1:33``, ``1:02:03``, ``0:01``.

    >>> display_duration(timedelta(seconds=93)), display_duration(timedelta(hours=1, seconds=3))
    ('1:33', '1:00:03')
    """
    seconds = max(1, round(value.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def reading_time_text(brief: Brief, labels: Mapping[str, str]) -> str | None:
    """The reading time as the publisher wrote it, else from the label; ``None`` if absent."""
    if brief.reading_time is None:
        return None
    if brief.reading_time.text is not None:
        return brief.reading_time.text
    return labels["reading_time"].replace("{minutes}", str(brief.reading_time.minutes))


def same_author(a: Author, b: Author) -> bool:
    """Tell whether two author records credit the same author (same URL, else same name)."""
    if a.url is not None and b.url is not None:
        return a.url == b.url
    return a.name.casefold() == b.name.casefold()


def carded_authors(page: Page) -> tuple[Author, ...]:
    """The authors whose card the page shows among its blocks."""
    return tuple(block for block in page.blocks if isinstance(block, Author))


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")


def split_description(text: str, limit: int) -> tuple[str, str]:
    """Split a description into a lead shown at once and a rest behind "Show more".

    The lead is the first sentences up to ``limit`` characters (at least one sentence, cut
    at a word boundary when one sentence is longer). The rest is ``""`` when the whole text
    fits.

    >>> split_description("One. Two three. Four.", 16)
    ('One. Two three.', 'Four.')
    >>> split_description("Short.", 12)
    ('Short.', '')
    """
    text = text.strip()
    if len(text) <= limit:
        return text, ""
    cut = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > limit and cut:
            break
        cut = match.start()
        if match.start() > limit:
            break
    if not cut or cut > limit * 2:
        cut = text.rfind(" ", 0, limit)
        if cut <= 0:
            return text, ""
    lead, rest = text[:cut].rstrip(), text[cut:].strip()
    return (lead, rest) if rest else (text, "")


def make_options(cls: type[Any], options: Mapping[str, Any], format_name: str) -> Any:
    """Build an options object, naming unknown options in a :class:`RenderError`."""
    known = {a.alias or a.name for a in attrs.fields(cls)}
    unknown = sorted(set(options) - known)
    if unknown:
        raise RenderError(
            f"unknown {format_name} option(s) {', '.join(map(repr, unknown))}; "
            f"known: {', '.join(sorted(known))}"
        )
    return cls(**options)
