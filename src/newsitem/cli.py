"""The ``newsitem`` command line: parse pages in batches, render, convert and validate JSON.

Run ``newsitem --help`` (or ``python -m newsitem --help``) for the commands, and
``newsitem COMMAND --help`` for each one. Exit codes: 0 when every input succeeded, 1 when
any input failed (the others are still written), 2 for a usage error or a missing optional
dependency.
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Final, TextIO

import attrs

from newsitem._demo import DEMO_DIRECTORY, DEMO_FILES, run_demo
from newsitem.batch import (
    DEFAULT_PATTERNS,
    ErrorRecord,
    PageInput,
    Record,
    default_jobs,
    format_record,
    iter_inputs,
    parse_input,
    parse_many,
)
from newsitem.errors import NewsitemError

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_USAGE: Final = 2

_RENDER_FORMATS: Final = ("html", "json", "jsonfeed", "jsonld", "ninjs", "text")
_JSON_FORMATS: Final = ("json", "jsonfeed", "jsonld", "ninjs")
_READ_FORMATS: Final = ("jsonfeed", "jsonld", "native", "ninjs")
_ARCHIVE_HINTS: Final = (".arc", ".warc", ".gz")
_EXIT_CODES: Final = """\
exit status:
  0  every input succeeded
  1  at least one input failed (everything else is still written)
  2  usage error, or an optional dependency is missing
"""


class _UsageError(Exception):
    """A command line that cannot run as given; reported with exit status 2."""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {value}")
    return value


def _indent(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {value}")
    return value


# -- output -----------------------------------------------------------------------------------


def _open_output(name: str | None, stack: ExitStack) -> TextIO:
    """Open ``name`` for UTF-8 text, or standard output (also UTF-8) for ``None`` or ``-``."""
    if name is None or name == "-":
        stdout = sys.stdout
        buffer = getattr(stdout, "buffer", None)
        if buffer is None:
            return stdout
        stdout.flush()
        wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")
        stack.callback(wrapper.detach)  # flushes, and leaves standard output open
        return wrapper
    try:
        return stack.enter_context(open(name, "w", encoding="utf-8", newline="\n"))
    except OSError as exc:
        raise _UsageError(f"cannot write {name}: {exc.strerror or exc}") from None


def _read_input(name: str) -> bytes:
    """Read a file, or standard input for ``-``."""
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def _fail(command: str, message: str) -> None:
    sys.stderr.write(f"newsitem {command}: {message}\n")


# -- progress ---------------------------------------------------------------------------------


class _Progress:
    """Pages done, pages per second, errors and ETA on standard error while a batch runs.

    Uses tqdm (the ``cli`` extra) when installed; otherwise a one-line counter.
    """

    def __init__(self, *, enabled: bool, total: int | None) -> None:
        self.enabled = enabled
        self.total = total
        self.done = 0
        self.errors = 0
        self.started = time.monotonic()
        self._last_drawn = 0.0
        self._bar: Any = None
        if enabled:
            try:
                from tqdm import tqdm
            except ModuleNotFoundError:
                self._bar = None
            else:
                self._bar = tqdm(
                    total=total, unit="page", file=sys.stderr, dynamic_ncols=True, leave=True
                )

    def update(self, record: Record) -> None:
        self.done += 1
        if isinstance(record, ErrorRecord):
            self.errors += 1
        if not self.enabled:
            return
        if self._bar is not None:
            if isinstance(record, ErrorRecord):
                self._bar.set_postfix(errors=self.errors, refresh=False)
            self._bar.update(1)
            return
        now = time.monotonic()
        if not self._last_drawn or now - self._last_drawn >= 0.5:
            self._last_drawn = now
            sys.stderr.write("\r" + self._line(now))
            sys.stderr.flush()

    def _line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        line = f"{self.done} pages, {rate:.1f} pages/s, {self.errors} errors"
        if self.total and rate > 0:
            line += f", ETA {max(self.total - self.done, 0) / rate:.0f} s"
        return line

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self.enabled and self._last_drawn:  # the final count stays, like tqdm's
            sys.stderr.write("\r" + self._line(time.monotonic()) + "\n")
            sys.stderr.flush()
        self.enabled = False
        self._bar = None

    def summary(self) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        pages = self.done - self.errors
        return (
            f"newsitem parse: {pages} pages parsed, {self.errors} failed,"
            f" in {elapsed:.1f} s ({rate:.1f} pages/s)"
        )


def _count_inputs(paths: Sequence[str], patterns: Sequence[str]) -> int | None:
    """Count the inputs ahead of time when that is cheap (no archive, no stdin), for the ETA."""
    names = [*paths, *patterns]
    if "-" in paths or any(name.lower().endswith(_ARCHIVE_HINTS) for name in names):
        return None
    return sum(1 for _ in iter_inputs(paths, patterns=patterns))


# -- parse ------------------------------------------------------------------------------------


def _single(
    items: Iterable[PageInput | ErrorRecord], to: str, url: str | None
) -> PageInput | ErrorRecord:
    """Return the one input, refusing more (for formats that write one page)."""
    first_two = list(itertools.islice(items, 2))
    if len(first_two) != 1:
        found = "no input" if not first_two else "more than one input"
        why = f"--to {to}" if to != "jsonl" else "--url"
        raise _UsageError(f"{why} takes exactly one page, and {found} was found; use --to jsonl")
    item = first_two[0]
    if url is not None and isinstance(item, PageInput):
        item = attrs.evolve(item, url=url)
    return item


def _run_parse(args: argparse.Namespace) -> int:
    paths: list[str] = args.inputs or ["-"]
    if paths == ["-"] and sys.stdin.isatty():
        raise _UsageError("no input: name files, directories or archives, or pipe a page in")
    patterns = tuple(args.include) if args.include else DEFAULT_PATTERNS
    items = iter_inputs(paths, patterns=patterns)
    with ExitStack() as stack:
        if args.to != "jsonl" or args.url is not None:
            record = parse_input(_single(items, args.to, args.url))
            if isinstance(record, ErrorRecord):
                _fail("parse", f"{record.source}: {record.error}: {record.message}")
                return EXIT_FAILED
            out = _open_output(args.output, stack)
            if args.to == "jsonl":
                out.write(format_record(record) + "\n")
            else:
                out.write(_render(record.page, args.to, document=args.document, indent=2))
            return EXIT_OK
        return _parse_batch(args, paths, patterns, items, stack)


def _parse_batch(
    args: argparse.Namespace,
    paths: Sequence[str],
    patterns: Sequence[str],
    items: Iterator[PageInput | ErrorRecord],
    stack: ExitStack,
) -> int:
    out = _open_output(args.output, stack)
    errors_out = _open_output(args.errors, stack) if args.errors else out
    show = not args.quiet and sys.stderr.isatty()
    progress = _Progress(enabled=show, total=_count_inputs(paths, patterns) if show else None)
    stack.callback(progress.close)
    jobs = args.jobs or default_jobs()
    for record in parse_many(items, jobs=jobs, ordered=not args.unordered):
        progress.update(record)
        target = errors_out if isinstance(record, ErrorRecord) else out
        target.write(format_record(record) + "\n")
    progress.close()
    if not args.quiet:
        where = ""
        if progress.errors:
            where = f"; error records in {args.errors}" if args.errors else "; error records"
            where += ' are the lines with "type": "error"' if not args.errors else ""
        sys.stderr.write(progress.summary() + where + "\n")
    return EXIT_FAILED if progress.errors else EXIT_OK


# -- render, convert, validate ----------------------------------------------------------------


def _render(value: object, to: str, *, document: bool = False, indent: int | None = None) -> str:
    from newsitem.render import render

    options: dict[str, Any] = {}
    if to == "html" and document:
        options["document"] = True
    if to in _JSON_FORMATS:
        options["indent"] = indent
    if isinstance(value, tuple) and to in ("html", "text"):
        parts = [render(item, to, **options) for item in value]
        text = ("\n\n" if to == "text" else "\n").join(part.rstrip("\n") for part in parts)
    else:
        text = render(value, to, **options)
    return text if text.endswith("\n") else text + "\n"


def _read_json_input(name: str, given: str | None) -> Any:
    from newsitem.formats import parse_json

    return parse_json(_read_input(name), given).value


def _run_render(args: argparse.Namespace, command: str) -> int:
    indent = args.indent if command == "convert" else 2
    try:
        value = _read_json_input(args.input, args.from_format)
        text = _render(value, args.to, document=getattr(args, "document", False), indent=indent)
    except (NewsitemError, OSError) as exc:
        label = "<stdin>" if args.input == "-" else args.input
        _fail(command, f"{label}: {_describe(exc)}")
        return EXIT_FAILED
    with ExitStack() as stack:
        _open_output(args.output, stack).write(text)
    return EXIT_OK


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}"


def _documents(name: str, *, lines: bool) -> Iterator[tuple[str, bytes]]:
    data = _read_input(name)
    label = "<stdin>" if name == "-" else name
    if not lines:
        yield label, data
        return
    for number, line in enumerate(data.splitlines(), start=1):
        if line.strip():
            yield f"{label}:{number}", line


def _schema_validator() -> Callable[[Any], list[tuple[str, str]]]:
    try:
        import jsonschema
    except ModuleNotFoundError:
        raise _UsageError("--schema needs jsonschema: pip install 'newsitem[schema]'") from None
    from newsitem.converter import native_schema

    checker = jsonschema.Draft202012Validator(native_schema())

    def check(doc: Any) -> list[tuple[str, str]]:
        found = sorted(checker.iter_errors(doc), key=lambda error: list(error.absolute_path))
        return [(error.json_path, error.message) for error in found]

    return check


def _run_validate(args: argparse.Namespace) -> int:
    from newsitem._json import read_json
    from newsitem.converter import from_dict
    from newsitem.errors import ParseError

    schema_check = _schema_validator() if args.schema else None
    invalid = 0
    with ExitStack() as stack:
        out = _open_output(None, stack)
        for name in args.inputs or ["-"]:
            lines = args.lines or name.endswith((".jsonl", ".ndjson"))
            try:
                documents = list(_documents(name, lines=lines))
            except OSError as exc:
                invalid += 1
                out.write(f"{name}: unreadable: {_describe(exc)}\n")
                continue
            for label, data in documents:
                problems: list[tuple[str, str]] = []
                kind = ""
                try:
                    doc = read_json(data)
                    if schema_check is not None:
                        problems.extend(schema_check(doc))
                    kind = type(from_dict(doc)).__name__
                except ParseError as exc:
                    problems.extend(exc.problems or [("$", exc.summary)])
                if problems:
                    invalid += 1
                    out.write(f"{label}: invalid\n")
                    out.writelines(f"  {path}: {message}\n" for path, message in problems)
                elif not args.quiet:
                    out.write(f"{label}: valid {kind}\n")
    return EXIT_FAILED if invalid else EXIT_OK


# -- the parser -------------------------------------------------------------------------------


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=30)


def _add_output(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-o", "--output", metavar="FILE", help="write here instead of standard output"
    )


def _add_parse(commands: Any) -> None:
    command = commands.add_parser(
        "parse",
        help="parse HTML pages (files, directories, globs, WARC/ARC archives) into JSON Lines",
        formatter_class=_formatter,
        description="""\
Parse downloaded news pages into newsitem's native JSON, one page per line (JSON Lines),
on every core. A page that cannot be parsed becomes an error record
{"type": "error", "source": ..., "url": ..., "error": ..., "message": ...} in the output
(or in --errors FILE), and the batch goes on.

Inputs, read in the order given:
  FILE              one HTML page
  DIR               every *.html, *.htm, *.xhtml file below it, sorted (see --include)
  'GLOB'            a quoted shell pattern; ** spans directories: 'crawl/**/*.html'
  ARCHIVE           a WARC or ARC web archive (.warc, .warc.gz, .arc, .arc.gz): every
                    2xx HTML response in it (needs warcio: pip install 'newsitem[warc]')
  -                 standard input (a page or an archive); the default""",
        epilog=f"""\
examples:
  newsitem parse saved/ -o pages.jsonl
  newsitem parse 'crawl/*.warc.gz' --jobs 8 --errors failed.jsonl -o pages.jsonl
  curl -s https://example.com/news/1 | newsitem parse --url https://example.com/news/1
  newsitem parse article.html --to text

{_EXIT_CODES}""",
    )
    command.add_argument("inputs", nargs="*", metavar="INPUT", help="what to parse (see above)")
    _add_output(command)
    command.add_argument(
        "--to",
        choices=("jsonl", *_RENDER_FORMATS),
        default="jsonl",
        help="output format (default: jsonl); every format but jsonl takes exactly one page",
    )
    command.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        metavar="N",
        help=f"worker processes (default: all cores, here {default_jobs()}); 1 parses in this"
        " process",
    )
    command.add_argument(
        "--unordered",
        action="store_true",
        help="write each page as soon as it is parsed, not in input order (keeps every"
        " core busy when page sizes differ widely)",
    )
    command.add_argument(
        "--errors",
        metavar="FILE",
        help="write error records to FILE (JSON Lines) instead of among the pages",
    )
    command.add_argument(
        "--include",
        action="append",
        metavar="PATTERN",
        help="file-name pattern a directory walk keeps, repeatable (default: "
        + " ".join(DEFAULT_PATTERNS)
        + "); e.g. --include '*.warc.gz' to read the archives in a directory",
    )
    command.add_argument(
        "--url",
        help="the URL a single page was fetched from, to resolve its relative links"
        " (archives carry their own)",
    )
    command.add_argument(
        "--document",
        action="store_true",
        help="with --to html: a whole HTML document with styles, not a fragment",
    )
    command.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary line (the bar shows only on a terminal)",
    )


def _add_from(command: argparse.ArgumentParser) -> None:
    command.add_argument("input", nargs="?", default="-", metavar="INPUT",
                         help="a JSON file, or - for standard input (the default)")  # fmt: skip
    command.add_argument(
        "--from",
        dest="from_format",
        choices=_READ_FORMATS,
        help="the input's format (default: detected from the document)",
    )


def _add_render(commands: Any) -> None:
    command = commands.add_parser(
        "render",
        help="render a JSON document (native, ninjs, JSON-LD, JSON Feed) as HTML, text or JSON",
        formatter_class=_formatter,
        description="Read a JSON document of any format newsitem knows (native newsitem JSON,"
        "\nIPTC ninjs, schema.org JSON-LD, JSON Feed; detected unless --from says) and render"
        "\nit.",
        epilog=f"""\
examples:
  newsitem render page.json --to text
  newsitem render item.ninjs.json --to html --document -o item.html

{_EXIT_CODES}""",
    )
    _add_from(command)
    _add_output(command)
    command.add_argument(
        "--to", choices=_RENDER_FORMATS, default="html", help="output format (default: html)"
    )
    command.add_argument(
        "--document",
        action="store_true",
        help="with --to html: a whole HTML document with styles, not a fragment",
    )


def _add_convert(commands: Any) -> None:
    command = commands.add_parser(
        "convert",
        help="convert a JSON document between native, ninjs, JSON-LD and JSON Feed",
        formatter_class=_formatter,
        description="Read a JSON document (format detected unless --from says) and write it in"
        "\nanother JSON format: json (native newsitem JSON), ninjs, jsonld or jsonfeed.",
        epilog=f"""\
examples:
  newsitem convert page.json --to ninjs
  newsitem convert --from jsonld --to json < article.jsonld

{_EXIT_CODES}""",
    )
    _add_from(command)
    _add_output(command)
    command.add_argument("--to", choices=_JSON_FORMATS, required=True, help="output format")
    command.add_argument(
        "--indent", type=_indent, metavar="N", help="indent by N spaces (default: one line)"
    )


def _add_validate(commands: Any) -> None:
    command = commands.add_parser(
        "validate",
        help="check native newsitem JSON documents and report every problem",
        formatter_class=_formatter,
        description="""\
Check that each document is valid native newsitem JSON: strict JSON (no NaN, no duplicate
keys), the right shape, and every model invariant (absolute URLs, zoned datetimes ...).
Each problem is printed with its JSONPath. Files ending .jsonl or .ndjson, or any input
with --lines, hold one document per line (the output of `newsitem parse`).""",
        epilog=f"""\
examples:
  newsitem validate page.json
  newsitem validate --schema pages.jsonl

{_EXIT_CODES}""",
    )
    command.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="JSON files, or - for standard input"
    )
    command.add_argument(
        "--lines", action="store_true", help="every input holds one document per line"
    )
    command.add_argument(
        "--schema",
        action="store_true",
        help="also check against the native JSON Schema (needs jsonschema)",
    )
    command.add_argument("-q", "--quiet", action="store_true", help="print only the invalid")


def _add_demo(commands: Any) -> None:
    command = commands.add_parser(
        "demo",
        help="show what newsitem finds on a page, and write it as HTML, text and JSON",
        formatter_class=_formatter,
        description="""\
Parse a saved page (by default the seed page shipped with newsitem), print in a few lines
what was found on it, and write it to DIR as card.html (HTML cards, a whole document),
page.txt (plain text) and page.json (native JSON).""",
        epilog=f"""\
examples:
  newsitem demo
  newsitem demo saved/article.html --url https://example.com/news/article --out article/

{_EXIT_CODES}""",
    )
    command.add_argument("page", nargs="?", metavar="PAGE.html", help="default: the seed page")
    command.add_argument("--url", help="where the page came from; links resolve against it")
    command.add_argument(
        "--out", metavar="DIR", default=str(DEMO_DIRECTORY), help="default: %(default)s"
    )


def _run_demo(args: argparse.Namespace) -> int:
    page = None if args.page is None else Path(args.page)
    out = Path(args.out)
    if page is not None and any(page.resolve() == (out / f[0]).resolve() for f in DEMO_FILES):
        raise _UsageError(f"{page} would be overwritten: choose another --out")
    with ExitStack() as stack:
        try:
            run_demo(_open_output(None, stack), page=page, url=args.url, directory=out)
        except OSError as exc:
            _fail("demo", f"{exc.filename or page}: {_describe(exc)}")
            return EXIT_FAILED
        except NewsitemError as exc:
            _fail("demo", f"{page or 'the seed page'}: {_describe(exc)}")
            return EXIT_FAILED
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    from newsitem import __version__

    parser = argparse.ArgumentParser(
        prog="newsitem",
        description="Parse, sanitize and render news items.",
        formatter_class=_formatter,
        epilog="Run 'newsitem COMMAND --help' for a command's options.\n\n" + _EXIT_CODES,
    )
    parser.add_argument("--version", action="version", version=f"newsitem {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_parse(commands)
    _add_render(commands)
    _add_convert(commands)
    _add_validate(commands)
    _add_demo(commands)
    return parser


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "parse":
        return _run_parse(args)
    if args.command in ("render", "convert"):
        return _run_render(args, args.command)
    if args.command == "validate":
        return _run_validate(args)
    return _run_demo(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(args)
    except _UsageError as exc:
        parser.exit(EXIT_USAGE, f"newsitem {args.command}: error: {exc}\n")
    except ModuleNotFoundError as exc:  # an optional extra that is not installed
        parser.exit(EXIT_USAGE, f"newsitem {args.command}: error: {exc}\n")
    except BrokenPipeError:  # the reader went away (`| head`); stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except KeyboardInterrupt:
        sys.stderr.write("\nnewsitem: interrupted\n")
        return 130
