"""The safe-HTML type.

:class:`SafeHTML` is a ``str`` that carries the promise "this markup went through the
sanitizer". It has ``__html__``, so MarkupSafe, Jinja2 and Django insert it without
escaping it again. Only :mod:`newsitem.sanitize` creates instances from input (the
renderer's video players, markup of its own built from the provider table, are the one
other maker): calling ``SafeHTML("<b>x</b>")`` directly raises :class:`TypeError`.

Operations inherited from ``str`` (``+``, slicing, ``replace`` ...) return plain ``str``,
which renderers escape: combining safe markup with anything else never yields trusted
markup by accident.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["SafeHTML"]


class _Token:
    __slots__ = ()


#: Held by the sanitizer module; whoever holds it vouches that the text is sanitized.
_TRUSTED: Final = _Token()


class SafeHTML(str):
    """Sanitized HTML markup.

    Create one with :func:`newsitem.sanitize_html` (or :func:`newsitem.sanitize_markdown`).

    >>> from newsitem import sanitize_html
    >>> html = sanitize_html('<p onclick="x()">Hi <script>evil()</script></p>')
    >>> html
    SafeHTML('<p>Hi </p>')
    >>> html.__html__() == html
    True
    """

    __slots__ = ()

    def __new__(cls, value: str = "", *, _token: object = None) -> SafeHTML:
        if _token is not _TRUSTED:
            raise TypeError("SafeHTML is created by the sanitizer: use newsitem.sanitize_html(...)")
        if not isinstance(value, str):
            raise TypeError(f"SafeHTML holds str, got {type(value).__name__}")
        return super().__new__(cls, value)

    def __html__(self) -> SafeHTML:
        """Return the markup itself: it is already safe to insert into HTML."""
        return self

    def __repr__(self) -> str:
        return f"SafeHTML({str.__repr__(self)})"

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # Pickling (process pools) must not go through __new__ without the token.
        return (_restore, (str(self),))


def _restore(value: str) -> SafeHTML:
    return SafeHTML(value, _token=_TRUSTED)


def trusted(value: str) -> SafeHTML:
    """Wrap ``value`` as :class:`SafeHTML`. For :mod:`newsitem.sanitize` (and the
    renderer's video players) only."""
    return SafeHTML(value, _token=_TRUSTED)
