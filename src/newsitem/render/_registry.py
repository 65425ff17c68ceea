"""The registry of render formats: a name -> renderer mapping that nobody mutates.

A renderer is any callable ``renderer(obj, **options) -> str``. A registry entry is either
such a callable or a dotted path (``"package.module:function"``) that is imported only when
the format is first asked for, so that a format's module and the registry do not import each
other and a format whose optional dependency is missing costs nothing until used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeAlias

import attrs

from newsitem._json import write_json
from newsitem.converter import to_json
from newsitem.errors import RenderError, UnknownFormatError
from newsitem.models import Model

from ._display import check_model

__all__ = ["ForeignJSONRenderer", "RenderRegistry", "Renderer", "default_registry"]

#: A renderer: ``renderer(obj, **options) -> str``.
Renderer: TypeAlias = Callable[..., str]


def _resolve(path: str, what: str) -> Any:
    """Import ``module:attribute`` (or ``module.attribute``) and return the attribute."""
    module_name, sep, attribute = path.partition(":")
    if not sep:
        module_name, _, attribute = path.rpartition(".")
    if not module_name or not attribute:
        raise RenderError(f"{what}: {path!r} is not a dotted path like 'package.module:name'")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise RenderError(f"{what}: cannot import {module_name!r} ({exc})") from exc
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise RenderError(f"{what}: module {module_name!r} has no {attribute!r}") from None


@attrs.frozen
class ForeignJSONRenderer:
    """Render a model to a foreign JSON format through a mapping function found lazily.

    The mapping function (``to_jsonld``, ``to_ninjs`` ...) turns a model into a ``dict``;
    this renderer imports it on first use and writes the dict with newsitem's JSON writer.

    Args:
        function: The mapping function's dotted path, ``"newsitem.formats.ninjs.to_ninjs"``.

    >>> ForeignJSONRenderer("newsitem.formats.ninjs.to_ninjs").function
    'newsitem.formats.ninjs.to_ninjs'
    """

    function: str

    def __call__(self, obj: object, *, indent: int | None = None, **options: Any) -> str:
        """Map ``obj`` with the function, then write JSON text (``indent`` as in ``json``)."""
        mapper = _resolve(self.function, f"JSON mapping {self.function!r}")
        return write_json(mapper(obj, **options), indent=indent)


def _native_json(obj: object, *, indent: int | None = None) -> str:
    """Write ``obj`` as native newsitem JSON."""
    model: Model = check_model(obj, "json")  # type: ignore[assignment]
    return to_json(model, indent=indent)


_DEFAULTS: Mapping[str, Renderer | str] = MappingProxyType(
    {
        "html": "newsitem.render._html:render_html",
        "json": _native_json,
        "jsonfeed": ForeignJSONRenderer("newsitem.formats.jsonfeed.to_jsonfeed"),
        "jsonld": ForeignJSONRenderer("newsitem.formats.jsonld.to_jsonld"),
        "ninjs": ForeignJSONRenderer("newsitem.formats.ninjs.to_ninjs"),
        "text": "newsitem.render._text:render_text",
    }
)


def _freeze(entries: Mapping[str, Renderer | str]) -> Mapping[str, Renderer | str]:
    for name, entry in entries.items():
        if not isinstance(name, str) or not name:
            raise RenderError(f"render format names are non-empty str, got {name!r}")
        if not (isinstance(entry, str) or callable(entry)):
            raise RenderError(
                f"render format {name!r}: expected a callable or a dotted path, "
                f"got {type(entry).__name__}"
            )
    return MappingProxyType(dict(entries))


@attrs.frozen
class RenderRegistry:
    """An immutable registry of render formats by name.

    Make your own from the default one; the default itself never changes:

    >>> from newsitem import Author
    >>> registry = default_registry().with_renderer("shout", lambda obj: obj.name.upper())
    >>> registry.get("shout")(Author(name="Jane Doe"))
    'JANE DOE'
    >>> "shout" in default_registry()
    False
    >>> registry.get("yaml")
    Traceback (most recent call last):
    ...
    newsitem.errors.UnknownFormatError: unknown render format 'yaml'; known: html, json, ...

    Args:
        entries: Format name -> renderer, or -> a ``"module:function"`` path imported on
            first use.
    """

    _entries: Mapping[str, Renderer | str] = attrs.field(converter=_freeze, alias="entries")

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._entries))

    def __len__(self) -> int:
        return len(self._entries)

    def names(self) -> tuple[str, ...]:
        """Return the format names, sorted."""
        return tuple(sorted(self._entries))

    def get(self, name: str) -> Renderer:
        """Return the renderer of format ``name``, importing it if it is a dotted path.

        Raises:
            UnknownFormatError: no format of that name; the message lists the known ones.
            RenderError: the entry is a dotted path that cannot be imported.
        """
        try:
            entry = self._entries[name]
        except (KeyError, TypeError):
            raise UnknownFormatError("render format", str(name), self._entries) from None
        if isinstance(entry, str):
            resolved = _resolve(entry, f"render format {name!r}")
            if not callable(resolved):
                raise RenderError(f"render format {name!r}: {entry!r} is not callable")
            return resolved  # type: ignore[no-any-return]
        return entry

    def with_renderer(self, name: str, renderer: Renderer | str) -> RenderRegistry:
        """Return a new registry where format ``name`` is ``renderer`` (added or replaced)."""
        return RenderRegistry({**self._entries, name: renderer})

    def without_renderer(self, name: str) -> RenderRegistry:
        """Return a new registry without format ``name``.

        Raises:
            UnknownFormatError: no format of that name.
        """
        if name not in self._entries:
            raise UnknownFormatError("render format", name, self._entries)
        return RenderRegistry({k: v for k, v in self._entries.items() if k != name})


def default_registry() -> RenderRegistry:
    """Return the registry of the built-in formats.

    ``html``, ``text``, ``json`` (native), and the foreign JSON formats ``jsonld``
    (schema.org), ``ninjs`` (IPTC) and ``jsonfeed``.

    >>> default_registry().names()
    ('html', 'json', 'jsonfeed', 'jsonld', 'ninjs', 'text')
    """
    return RenderRegistry(_DEFAULTS)
