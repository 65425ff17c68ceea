"""What a batch run reads and writes: page inputs, and the record parsing each one gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeAlias

import attrs

from newsitem._json import write_json
from newsitem.converter import to_json
from newsitem.models import Page

__all__ = ["ErrorRecord", "PageInput", "PageRecord", "Record", "format_record"]


@attrs.frozen(kw_only=True)
class PageInput:
    """One page to parse: where it came from, and its bytes or the file that holds them.

    Args:
        source: Where the page came from, for people: a file path, ``<stdin>``, or
            ``archive.warc.gz#1234`` (a web archive and the record's byte offset in it).
        url: The page's URL when known (a WARC record's target URI); relative links are
            resolved against it.
        path: The file to read when ``data`` is ``None``; reading happens in the worker,
            so only the path crosses between processes.
        data: The page's bytes, when already in memory (standard input, archive records).
        encoding: The charset the transport declared (a WARC record's HTTP
            ``Content-Type``); the parser weighs it after a byte-order mark and before the
            page's own declaration.
    """

    source: str
    url: str | None = None
    path: str | None = None
    data: bytes | None = attrs.field(default=None, repr=False)
    encoding: str | None = None

    def read_bytes(self) -> bytes:
        """Return the page's bytes: ``data``, or else the contents of ``path``.

        Raises:
            OSError: the file cannot be read.
            ValueError: the input has neither data nor a path.
        """
        if self.data is not None:
            return self.data
        if self.path is None:
            raise ValueError(f"{self.source}: input has neither data nor a path")
        return Path(self.path).read_bytes()


@attrs.frozen(kw_only=True)
class PageRecord:
    """A page parsed from one input.

    Args:
        source: The input's :attr:`PageInput.source`.
        page: What the parser read.
    """

    source: str
    page: Page


@attrs.frozen(kw_only=True)
class ErrorRecord:
    """An input that could not be parsed, and why; the batch goes on without it.

    Args:
        source: The input's :attr:`PageInput.source` (or the path that could not be read).
        url: The input's URL, when known.
        error: The kind of failure: the exception's class name (``HTMLParseError``,
            ``RecursionError``, ``FileNotFoundError``), or ``WorkerDied`` when the process
            parsing the input ended abruptly.
        message: What went wrong, in words.
    """

    source: str
    url: str | None = None
    error: str
    message: str

    @classmethod
    def from_exception(cls, source: str, exc: BaseException, url: str | None = None) -> ErrorRecord:
        """Describe ``exc``, raised while handling ``source``, as a record."""
        message = str(exc) or type(exc).__name__
        return cls(source=source, url=url, error=type(exc).__name__, message=message)

    def to_dict(self) -> dict[str, Any]:
        """Return the record as a JSON object, tagged ``"type": "error"``."""
        return {
            "type": "error",
            "source": self.source,
            "url": self.url,
            "error": self.error,
            "message": self.message,
        }


#: What parsing one input gives: the page, or what went wrong.
Record: TypeAlias = PageRecord | ErrorRecord


def format_record(record: Record) -> str:
    """Return one line of JSON Lines (without the newline) for ``record``.

    A :class:`PageRecord` is written as the page's native JSON, which
    :func:`newsitem.from_json` reads back; an :class:`ErrorRecord` as its
    :meth:`~ErrorRecord.to_dict`.

    >>> format_record(ErrorRecord(source="a.html", error="OSError", message="gone"))
    '{"type":"error","source":"a.html","url":null,"error":"OSError","message":"gone"}'
    """
    if isinstance(record, PageRecord):
        return to_json(record.page)
    return write_json(record.to_dict())
