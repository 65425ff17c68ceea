"""Errors raised by newsitem.

Every error newsitem raises is a :class:`NewsitemError`. Each kind also subclasses the
builtin exception it resembles, so code that already catches ``ValueError`` or
``TypeError`` keeps working::

    NewsitemError (Exception)
    ├── ValidationError (ValueError)        a model invariant does not hold
    ├── ParseError (ValueError)             input could not be read
    │   ├── JSONParseError                  JSON that is not valid or not of the expected shape
    │   ├── HTMLParseError                  input that is not HTML, or too large
    │   └── FormatDetectionError            a JSON document of no format newsitem knows
    ├── SanitizeError (ValueError)          markup the sanitizer refuses (too large, too deep)
    ├── PolicyError (ValueError)            a sanitizer policy that would be unsafe
    ├── RenderError (ValueError)            a model that cannot be written in a format
    └── UnknownFormatError (LookupError)    a format name no registry knows

Errors that concern several places at once (a JSON document with three wrong fields) list
every place: :attr:`ParseError.problems` holds ``(path, message)`` pairs, with paths written
as JSONPath (``$.authors[0].name``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "FormatDetectionError",
    "HTMLParseError",
    "JSONParseError",
    "NewsitemError",
    "ParseError",
    "PolicyError",
    "RenderError",
    "SanitizeError",
    "UnknownFormatError",
    "ValidationError",
]


class NewsitemError(Exception):
    """Base class of every error newsitem raises."""


class ValidationError(NewsitemError, ValueError):
    """A model was built with a value that breaks one of its invariants.

    Args:
        path: Where the value sits, such as ``Brief.headline`` or ``$.authors[0].url``.
        message: What is wrong with it.
    """

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class ParseError(NewsitemError, ValueError):
    """Input could not be read into models.

    Args:
        message: A summary of what failed.
        problems: Each problem as a ``(path, message)`` pair; the string form of the
            error lists them all, one per line.
    """

    def __init__(self, message: str, problems: Iterable[tuple[str, str]] = ()) -> None:
        self.problems: Sequence[tuple[str, str]] = tuple(problems)
        self.summary = message
        lines = [message, *(f"  {path}: {problem}" for path, problem in self.problems)]
        super().__init__("\n".join(lines))


class JSONParseError(ParseError):
    """JSON that is malformed (syntax, NaN, duplicate keys, too deep) or of the wrong shape."""


class HTMLParseError(ParseError):
    """Input that is not HTML, or that is over the size limit."""


class FormatDetectionError(ParseError):
    """A JSON document whose format could not be detected; the message says what was tried."""


class SanitizeError(NewsitemError, ValueError):
    """Markup the sanitizer refuses to process: over a size, depth or attribute limit."""


class PolicyError(NewsitemError, ValueError):
    """A sanitizer policy that would let executable content through."""


class RenderError(NewsitemError, ValueError):
    """A model that cannot be rendered in the requested format."""


class UnknownFormatError(NewsitemError, LookupError):
    """A format name that no registry knows.

    Args:
        kind: What was being looked up (``"render format"``, ``"JSON format"``).
        name: The name asked for.
        known: The names that are known; the message lists them.
    """

    def __init__(self, kind: str, name: str, known: Iterable[str]) -> None:
        self.name = name
        self.known = tuple(sorted(known))
        super().__init__(f"unknown {kind} {name!r}; known: {', '.join(self.known)}")
