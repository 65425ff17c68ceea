"""Parse a stream of inputs on many processes, with a bounded number in flight.

The pool survives the death of a worker process: only the input it was parsing is lost.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Final

from newsitem.batch._parsing import PageParser, parse_input
from newsitem.batch._records import ErrorRecord, PageInput, PageRecord, Record

__all__ = ["default_jobs", "parse_many"]

_WORKER_DIED: Final = "WorkerDied"


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
