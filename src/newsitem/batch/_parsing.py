"""Parse one input into a record: the per-input step every way of running a batch shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from newsitem.batch._records import ErrorRecord, PageInput, PageRecord, Record
from newsitem.models import Page

__all__ = ["PageParser", "parse_input"]

#: A page parser: ``parser(data, url=...) -> Page``, such as :func:`newsitem.parse.parse_html`
#: or a :func:`functools.partial` of it with options; it is also given ``encoding=`` when the
#: transport declared a charset. It must be picklable (a module-level function or a partial
#: of one) to run on other processes.
PageParser: TypeAlias = Callable[..., Page]


def _default_parser() -> PageParser:
    from newsitem.parse import parse_html  # the parsers stand beside, not below, the batch

    return parse_html


def parse_input(item: PageInput | ErrorRecord, parser: PageParser | None = None) -> Record:
    """Parse one input; return the page, or an error record saying what went wrong.

    Every exception raised while reading or parsing the input is caught and described,
    including ``RecursionError`` and ``MemoryError``; only ``KeyboardInterrupt`` and
    ``SystemExit`` pass. An :class:`ErrorRecord` given as input is returned unchanged, so
    the output of :func:`iter_inputs` can be mapped straight through.

    This is the per-record worker for distributed engines: it is a module-level function,
    picklable by reference, e.g. ``bag.map(parse_input)`` in Dask.

    Args:
        item: What to parse.
        parser: ``parser(data, url=...) -> Page``; default
            :func:`newsitem.parse.parse_html`.

    Returns:
        A :class:`PageRecord`, or an :class:`ErrorRecord`.
    """
    if isinstance(item, ErrorRecord):
        return item
    try:
        parse = parser if parser is not None else _default_parser()
        hints = {"encoding": item.encoding} if item.encoding else {}
        page = parse(item.read_bytes(), url=item.url, **hints)
        if not isinstance(page, Page):
            raise TypeError(f"the parser returned {type(page).__name__}, not a Page")
        return PageRecord(source=item.source, page=page)
    except Exception as exc:  # a bad page must never stop the batch
        return ErrorRecord.from_exception(item.source, exc, url=item.url)
