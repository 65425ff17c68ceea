"""Rendering models to HTML, plain text and JSON, through one entry point.

:func:`render` looks the format up by name in a :class:`RenderRegistry` and calls its
renderer with the options:

>>> from newsitem import Author
>>> from newsitem.render import render
>>> author = Author(name="Jane Doe", url="https://example.com/jane")
>>> print(render(author, "text"), end="")
Jane Doe
<BLANKLINE>
Read more (https://example.com/jane)
>>> render(author, "json")
'{"type":"author","version":1,"name":"Jane Doe","url":"https://example.com/jane"}'
>>> render(author, "yaml")
Traceback (most recent call last):
...
newsitem.errors.UnknownFormatError: unknown render format 'yaml'; known: html, json, ...

The built-in formats: ``html`` (:class:`HTMLOptions`), ``text`` (:class:`TextOptions`),
``json`` (native newsitem JSON; option ``indent``), and the foreign JSON formats ``jsonld``
(schema.org), ``ninjs`` (IPTC) and ``jsonfeed``, whose options go to their mapping
functions in :mod:`newsitem.formats` (and ``indent`` to the JSON writer).

To change how one model type looks, override its part and register the renderer under
a name in your own registry (the default registry never changes)::

    html = HTMLRenderer().with_override(Author, my_author_card)
    registry = default_registry().with_renderer("html", html)
    render(page, "html", registry=registry)
"""

from __future__ import annotations

from typing import Any

from ._display import DEFAULT_LABELS
from ._html import (
    HTMLContext,
    HTMLOptions,
    HTMLPart,
    HTMLRenderer,
    escape_html,
    model_html,
    render_html,
    script_json,
    stylesheet,
)
from ._players import video_player
from ._registry import (
    ForeignJSONRenderer,
    Renderer,
    RenderRegistry,
    default_registry,
)
from ._text import (
    TextContext,
    TextOptions,
    TextPart,
    TextRenderer,
    clean_text,
    html_to_text,
    render_text,
)

__all__ = [
    "DEFAULT_LABELS",
    "ForeignJSONRenderer",
    "HTMLContext",
    "HTMLOptions",
    "HTMLPart",
    "HTMLRenderer",
    "RenderRegistry",
    "Renderer",
    "TextContext",
    "TextOptions",
    "TextPart",
    "TextRenderer",
    "clean_text",
    "default_registry",
    "escape_html",
    "html_to_text",
    "model_html",
    "render",
    "render_html",
    "render_json",
    "render_text",
    "script_json",
    "stylesheet",
    "video_player",
]


def render(
    obj: object, format: str, *, registry: RenderRegistry | None = None, **options: Any
) -> str:
    """Render a model in the format named ``format``.

    Args:
        obj: A model: Page, Brief, Author, RelatedBlock, RelatedItem, VideoTeaser, Image.
        format: A format name in the registry (``"html"``, ``"text"``, ``"json"`` ...).
        registry: Where to look the name up; the default registry when ``None``.
        **options: The format's options.

    Returns:
        The rendered text.

    Raises:
        UnknownFormatError: no format of that name; the message lists the known ones.
        RenderError: ``obj`` cannot be rendered in that format, or an option is unknown
            or invalid.
    """
    chosen = default_registry() if registry is None else registry
    return chosen.get(format)(obj, **options)


def render_json(obj: object, *, indent: int | None = None) -> str:
    """Render a model as native newsitem JSON (the ``"json"`` format).

    >>> from newsitem import Author
    >>> render_json(Author(name="Jane Doe"))
    '{"type":"author","version":1,"name":"Jane Doe"}'

    Raises:
        RenderError: ``obj`` is not a model.
    """
    return render(obj, "json", indent=indent)
