"""Parse many pages at once: discover inputs, parse them on every core, keep going on errors.

The pieces, each usable on its own:

- :func:`iter_inputs` turns paths (files, directories, glob patterns, ``-`` for standard
  input, WARC/ARC web archives) into a lazy stream of :class:`PageInput`.
- :func:`parse_input` parses one input into a :class:`PageRecord`, or an
  :class:`ErrorRecord` saying what went wrong; it never raises for a bad page. It is a
  plain module-level function, so it can be shipped to other processes or machines (a
  Dask bag's ``map``, a multiprocessing pool).
- :func:`parse_many` runs :func:`parse_input` over a stream on ``jobs`` processes with a
  bounded number of inputs in flight, so memory stays flat however long the stream is.
  Results come back in input order unless ``ordered=False``. A worker process that dies
  (a crash in C code, the out-of-memory killer) costs only the record it was parsing.
- :func:`format_record` writes a record as one line of JSON Lines.

>>> from newsitem.batch import PageInput, format_record, parse_input
>>> record = parse_input(PageInput(source="empty.html", data=b""))
>>> record.source, record.error
('empty.html', 'HTMLParseError')
>>> format_record(record)[:48]
'{"type":"error","source":"empty.html","url":null'
"""

from __future__ import annotations

import fnmatch
import functools
import multiprocessing
import os
import pickle
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from glob import has_magic
from pathlib import Path
from typing import IO, Any, Final, TypeAlias

import attrs

from newsitem._json import write_json
from newsitem.converter import to_json
from newsitem.models import Page

__all__ = [
    "ARCHIVE_SUFFIXES",
    "DEFAULT_PATTERNS",
    "ErrorRecord",
    "PageInput",
    "PageParser",
    "PageRecord",
    "Record",
    "default_jobs",
    "format_record",
    "iter_inputs",
    "parse_input",
    "parse_many",
]

#: File names a directory walk picks up when no patterns are given.
DEFAULT_PATTERNS: Final = ("*.htm", "*.html", "*.xhtml")

#: File name endings read as web archives (WARC or ARC, plain or gzipped), never as HTML.
ARCHIVE_SUFFIXES: Final = (".arc", ".arc.gz", ".warc", ".warc.gz")

#: A page parser: ``parser(data, url=...) -> Page``, such as :func:`newsitem.parse.parse_html`;
#: it is also given ``encoding=`` when the transport declared a charset
#: or a :func:`functools.partial` of it with options. It must be picklable (a module-level
#: function or a partial of one) to run on other processes.
PageParser: TypeAlias = Callable[..., Page]

_STDIN: Final = "-"
_STDIN_NAME: Final = "<stdin>"
_WORKER_DIED: Final = "WorkerDied"


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


# -- discovering inputs ----------------------------------------------------------------------


def _is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, pattern.lower()) for pattern in patterns)


def _sorted_entries(directory: Path) -> list[os.DirEntry[str]]:
    with os.scandir(directory) as entries:
        return sorted(entries, key=lambda entry: entry.name)


def _walk(directory: Path, patterns: tuple[str, ...]) -> Iterator[Path]:
    """Yield the files under ``directory`` whose names match, depth first, sorted by name.

    Only one directory listing is held per level, so memory does not grow with the tree.
    Hidden entries (names starting with a dot) are skipped.
    """
    for entry in _sorted_entries(directory):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path), patterns)
        elif entry.is_file() and _matches(entry.name, patterns):
            yield Path(entry.path)


def _glob(base: Path, parts: tuple[str, ...]) -> Iterator[Path]:
    """Yield the paths under ``base`` matching the pattern ``parts``, sorted per directory."""
    if not parts:
        yield base
        return
    head, rest = parts[0], parts[1:]
    if head == "**":
        yield from _glob(base, rest)
        for entry in _sorted_entries(base):
            if entry.is_dir() and not entry.name.startswith("."):
                yield from _glob(Path(entry.path), parts)
    elif has_magic(head):
        for entry in _sorted_entries(base):
            if entry.name.startswith(".") and not head.startswith("."):
                continue
            if fnmatch.fnmatch(entry.name, head) and (not rest or entry.is_dir()):
                yield from _glob(Path(entry.path), rest)
    elif (base / head).exists():
        yield from _glob(base / head, rest)


def _expand(pattern: str) -> Iterator[Path]:
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if has_magic(part))
    base = Path(*parts[:fixed]) if fixed else Path()
    if base.is_dir():
        yield from _glob(base, parts[fixed:])


def _file_inputs(path: Path) -> Iterator[PageInput | ErrorRecord]:
    if _is_archive(path.name):
        from newsitem._warc import iter_archive  # only archives need warcio

        yield from iter_archive(path)
    else:
        yield PageInput(source=str(path), path=str(path))


def _stdin_inputs(stream: IO[bytes]) -> Iterator[PageInput | ErrorRecord]:
    head = stream.peek(8)[:8] if hasattr(stream, "peek") else b""
    if head.startswith((b"WARC/", b"\x1f\x8b")):
        from newsitem._warc import iter_archive

        yield from iter_archive(stream, name=_STDIN_NAME)
    else:
        yield PageInput(source=_STDIN_NAME, data=stream.read())


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    patterns: Iterable[str] = DEFAULT_PATTERNS,
    stdin: IO[bytes] | None = None,
) -> Iterator[PageInput | ErrorRecord]:
    """Discover the pages named by ``paths``, lazily, in a stable order.

    Each path may be:

    - a file: one page, or, when its name ends in one of :data:`ARCHIVE_SUFFIXES`, every
      successful (2xx) HTML response or resource record of the web archive;
    - a directory: every file below it whose name matches one of ``patterns`` (hidden
      files and directories skipped), sorted by name, depth first;
    - a glob pattern (``crawl/**/*.html``; ``**`` spans directories), expanded in sorted
      order; directories it matches are walked as above;
    - ``-``: standard input, a page or a web archive (recognised by its first bytes).

    Problems found while discovering (a path that does not exist, a pattern that matches
    nothing, an archive that breaks off) are yielded in place as :class:`ErrorRecord`, so
    they are reported with the rest; files are read later, by whoever parses them.

    Args:
        paths: What to read, in order.
        patterns: Shell patterns (``*.html``) for the file names a directory walk keeps,
            matched without regard to case. Name ``*.warc.gz`` here to read archives too.
        stdin: The stream ``-`` reads; default ``sys.stdin.buffer``.

    Yields:
        A :class:`PageInput` for each page found, or an :class:`ErrorRecord` for each
        problem.

    Raises:
        ModuleNotFoundError: a web archive is named but warcio (the ``warc`` extra) is
            not installed.
    """
    kept = tuple(patterns)
    for raw in paths:
        name = os.fspath(raw)
        path = Path(name)
        if name == _STDIN:
            yield from _stdin_inputs(stdin if stdin is not None else sys.stdin.buffer)
        elif path.is_dir():
            for found in _walk(path, kept):
                yield from _file_inputs(found)
        elif path.exists() or not has_magic(name):
            yield from _file_inputs(path)  # a missing file fails when read, with its reason
        else:
            matched = False
            for found in _expand(name):
                matched = True
                if found.is_dir():
                    for inner in _walk(found, kept):
                        yield from _file_inputs(inner)
                elif found.is_file():
                    yield from _file_inputs(found)
            if not matched:
                yield ErrorRecord(
                    source=name, error="FileNotFoundError", message="pattern matched no files"
                )


# -- parsing ----------------------------------------------------------------------------------


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


def default_jobs() -> int:
    """Return how many processes ``jobs=None`` means: the CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not every platform can tell
        return os.cpu_count() or 1


def _pool_context() -> multiprocessing.context.BaseContext:
    # forkserver: workers fork from a clean server, not from a parent that may hold threads
    # or locks; spawn where the platform has no fork.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _pack(record: Record) -> bytes:
    return pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)


def _parse_packed(item: PageInput, parser: PageParser | None) -> bytes:
    """The pool's task: :func:`parse_input`, its record pickled here, in the worker."""
    record = parse_input(item, parser)
    try:
        return _pack(record)
    except Exception as exc:  # a page too deep to pickle, say
        return _pack(ErrorRecord.from_exception(item.source, exc, url=item.url))


def _unpack(data: bytes) -> Record:
    record = pickle.loads(data)  # noqa: S301 - bytes our own worker pickled
    if not isinstance(record, PageRecord | ErrorRecord):
        raise TypeError(f"a worker sent {type(record).__name__}, not a record")
    return record


class _Slot:
    """One input in flight: its future until the record is known."""

    __slots__ = ("future", "item", "record")

    def __init__(self, item: PageInput | ErrorRecord) -> None:
        self.item = item
        self.future: Future[bytes] | None = None
        self.record: Record | None = item if isinstance(item, ErrorRecord) else None


class _Pool:
    """A process pool that survives the death of a worker, for :func:`parse_many`."""

    def __init__(self, jobs: int, parser: PageParser | None) -> None:
        self.jobs = jobs
        self.parser = parser
        self.context = _pool_context()
        self.executor = self._start(jobs)

    def _start(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=self.context)

    def submit(self, slot: _Slot, slots: Iterable[_Slot]) -> None:
        """Start parsing ``slot``'s input; if the pool is found broken, recover first."""
        if slot.record is not None:
            return
        assert isinstance(slot.item, PageInput)
        try:
            slot.future = self.executor.submit(_parse_packed, slot.item, self.parser)
        except BrokenProcessPool:
            self._recover(slots)
            slot.future = self.executor.submit(_parse_packed, slot.item, self.parser)

    def settle(self, slot: _Slot, slots: Iterable[_Slot]) -> None:
        """Set ``slot.record`` from its finished future; recover if the pool broke."""
        assert slot.future is not None
        try:
            slot.record = _unpack(slot.future.result())
        except BrokenProcessPool:
            self._recover(slots)
        except Exception as exc:  # the result could not be sent back (pickling)
            slot.record = ErrorRecord.from_exception(slot.item.source, exc, url=slot.item.url)

    def _recover(self, slots: Iterable[_Slot]) -> None:
        """Replace the broken pool; re-run each unfinished input alone to find the culprit.

        A broken pool fails every future in it, and does not say whose input killed the
        worker. Each input is therefore run again in a fresh one-process pool: the one
        that kills that pool too is recorded as ``WorkerDied``; the others parse normally.
        """
        self.executor.shutdown(wait=True, cancel_futures=True)
        for slot in slots:
            if slot.record is not None or slot.future is None:
                continue
            future = slot.future
            if (
                future.done()
                and not future.cancelled()
                and not isinstance(future.exception(), BrokenProcessPool)
            ):
                self.settle(slot, ())
            else:
                slot.record = self._run_alone(slot.item)
        self.executor = self._start(self.jobs)

    def _run_alone(self, item: PageInput | ErrorRecord) -> Record:
        assert isinstance(item, PageInput)
        executor = self._start(1)
        try:
            return _unpack(executor.submit(_parse_packed, item, self.parser).result())
        except BrokenProcessPool:
            return ErrorRecord(
                source=item.source,
                url=item.url,
                error=_WORKER_DIED,
                message="the process parsing this input ended abruptly (a crash in native"
                " code, or killed, e.g. by the out-of-memory killer)",
            )
        except Exception as exc:
            return ErrorRecord.from_exception(item.source, exc, url=item.url)
        finally:
            executor.shutdown(wait=True)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _check_picklable(parser: PageParser | None) -> None:
    if parser is None:
        return
    try:
        pickle.dumps(parser)
    except Exception as exc:
        raise TypeError(
            f"parser {parser!r} cannot be sent to worker processes ({exc}); use a"
            " module-level function or a functools.partial of one, or jobs=1"
        ) from None


def _parse_in_pool(
    inputs: Iterable[PageInput | ErrorRecord],
    jobs: int,
    *,
    ordered: bool,
    parser: PageParser | None,
    window: int,
) -> Iterator[Record]:
    pool = _Pool(jobs, parser)
    source = iter(inputs)
    slots: deque[_Slot] = deque()
    exhausted = False
    try:
        while True:
            while not exhausted and len(slots) < window:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                slot = _Slot(item)
                pool.submit(slot, slots)
                slots.append(slot)
            if not slots:
                return
            if ordered:
                head = slots[0]
                if head.record is None:
                    assert head.future is not None
                    wait([head.future])
                    pool.settle(head, slots)
                    if head.record is None:  # pragma: no cover - settle always decides
                        raise RuntimeError(f"{head.item.source}: no record after settling")
                slots.popleft()
                yield head.record
                continue
            if all(slot.record is None for slot in slots):
                futures = [slot.future for slot in slots if slot.future is not None]
                wait(futures, return_when=FIRST_COMPLETED)
                for slot in list(slots):
                    if slot.record is None and slot.future is not None and slot.future.done():
                        pool.settle(slot, slots)
            ready = [(slot, slot.record) for slot in slots if slot.record is not None]
            for slot, record in ready:
                slots.remove(slot)
                yield record
    finally:
        pool.close()


def parse_many(
    inputs: Iterable[PageInput | ErrorRecord],
    *,
    jobs: int | None = None,
    ordered: bool = True,
    parser: PageParser | None = None,
    window: int | None = None,
) -> Iterator[Record]:
    """Parse a stream of inputs on ``jobs`` processes; yield one record per input.

    Memory stays flat: at most ``window`` inputs are read ahead of the one being
    yielded. A bad page gives an :class:`ErrorRecord` and the batch goes on; so does a
    worker process that dies (its input is recorded as ``WorkerDied``, the pool is
    replaced). Stopping the iteration early shuts the workers down.

    Examples:
        >>> from newsitem.batch import PageInput, parse_many
        >>> inputs = [PageInput(source="a", data=b"\\x00"), PageInput(source="b", data=b"")]
        >>> [record.source for record in parse_many(inputs, jobs=1)]
        ['a', 'b']

    Args:
        inputs: What to parse, such as :func:`iter_inputs`'s output.
        jobs: How many processes; default :func:`default_jobs`. ``1`` parses in this
            process, with no pool: fastest for small batches and easy to debug, but a
            crash of the interpreter itself (not an exception) then ends the run.
        ordered: Yield records in input order (default). With ``False``, each record is
            yielded as soon as it is ready, which keeps every process busy when pages
            differ widely in size.
        parser: ``parser(data, url=...) -> Page``; default
            :func:`newsitem.parse.parse_html`. Must be picklable when ``jobs > 1``.
        window: How many inputs may be in flight; default ``4 * jobs``.

    Yields:
        A :class:`PageRecord` or an :class:`ErrorRecord` per input, and each
        :class:`ErrorRecord` of the input stream in its place.

    Raises:
        ValueError: ``jobs`` or ``window`` is below 1.
        TypeError: ``parser`` cannot be pickled and ``jobs > 1``.
    """
    count = default_jobs() if jobs is None else jobs
    if count < 1:
        raise ValueError(f"jobs must be at least 1, got {count}")
    in_flight = 4 * count if window is None else window
    if in_flight < 1:
        raise ValueError(f"window must be at least 1, got {in_flight}")
    if count == 1:
        return map(functools.partial(parse_input, parser=parser), inputs)
    _check_picklable(parser)
    return _parse_in_pool(inputs, count, ordered=ordered, parser=parser, window=in_flight)
