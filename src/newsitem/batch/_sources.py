"""Where a batch's pages come from: files, directories, glob patterns, standard input, archives.

:func:`iter_inputs` turns what a user names into a lazy stream of inputs; web archives are
read by :mod:`newsitem.batch._archives`.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterable, Iterator
from glob import has_magic
from pathlib import Path
from typing import IO, Final

from newsitem.batch._archives import iter_archive
from newsitem.batch._records import ErrorRecord, PageInput

__all__ = ["ARCHIVE_SUFFIXES", "DEFAULT_PATTERNS", "iter_inputs"]

#: File names a directory walk picks up when no patterns are given.
DEFAULT_PATTERNS: Final = ("*.htm", "*.html", "*.xhtml")

#: File name endings read as web archives (WARC or ARC, plain or gzipped), never as HTML.
ARCHIVE_SUFFIXES: Final = (".arc", ".arc.gz", ".warc", ".warc.gz")

_STDIN: Final = "-"
_STDIN_NAME: Final = "<stdin>"


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
        yield from iter_archive(path)
    else:
        yield PageInput(source=str(path), path=str(path))


def _stdin_inputs(stream: IO[bytes]) -> Iterator[PageInput | ErrorRecord]:
    head = stream.peek(8)[:8] if hasattr(stream, "peek") else b""
    if head.startswith((b"WARC/", b"\x1f\x8b")):
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
