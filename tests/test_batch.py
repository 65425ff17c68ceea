"""Tests for newsitem.batch: discovering inputs, parsing them on processes, error records."""

from __future__ import annotations

import io
import itertools
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsitem import Page, from_json, parse_html
from newsitem.batch import (
    ErrorRecord,
    PageInput,
    PageRecord,
    Record,
    format_record,
    iter_inputs,
    parse_input,
    parse_many,
)

# -- helpers shared with test_cli and test_dask_recipe ----------------------------------------

#: (url, status, content type, body) for a response record; a None status writes a
#: ``resource`` record instead.
WARCEntry = tuple[str, int | None, str, bytes]


def write_warc(path: Path, entries: Sequence[WARCEntry], *, gzip: bool = True) -> Path:
    """Write a WARC file with warcio's writer: a request before every response, like a crawl."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, status, content_type, body in entries:
            if status is None:
                record = writer.create_warc_record(
                    url,
                    "resource",
                    payload=io.BytesIO(body),
                    length=len(body),
                    warc_content_type=content_type,
                )
                writer.write_record(record)
                continue
            request = writer.create_warc_record(
                url,
                "request",
                payload=io.BytesIO(b""),
                length=0,
                http_headers=StatusAndHeaders(
                    f"GET {url} HTTP/1.1", [("Host", "example.com")], is_http_request=True
                ),
            )
            writer.write_record(request)
            reason = {200: "OK", 301: "Moved Permanently", 404: "Not Found"}[status]
            headers = StatusAndHeaders(
                f"{status} {reason}", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            response = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
            writer.write_record(response)
    return path


def article(headline: str) -> bytes:
    """A small news page whose headline the parser reads from its ``<h1>``."""
    text = (
        f"<!doctype html><html lang='en'><head><title>{headline} - Daily</title></head>"
        f"<body><article><h1>{headline}</h1><p>Forecasters expect heavy rain across the"
        " region on Tuesday, with storms moving in from the west by the afternoon and"
        " lasting into the night.</p></article></body></html>"
    )
    return text.encode()


# -- parsers run in worker processes (module level, so that they pickle) ----------------------


def title_parser(data: bytes, url: str | None = None) -> Page:
    """A stand-in parser: the page's title is its text; some inputs misbehave on purpose."""
    if data.startswith(b"raise"):
        raise ValueError("this page makes the parser raise")
    if data.startswith(b"recurse"):
        return _recurse(0)
    if data.startswith(b"die"):
        os._exit(7)  # a worker that dies without a word, as a crash in C code would
    return Page(title=data.decode(), url=url)


def _recurse(depth: int) -> Page:
    return _recurse(depth + 1)


def not_a_page(data: bytes, url: str | None = None) -> object:
    """A broken parser: returns something that is not a Page."""
    return data


def _inputs(*texts: str) -> list[PageInput]:
    return [PageInput(source=f"in-{i}", data=text.encode()) for i, text in enumerate(texts)]


def _summary(records: Sequence[Record]) -> list[tuple[str, str]]:
    """Each record as (source, title) or (source, error kind)."""
    return [
        (r.source, r.page.title or "") if isinstance(r, PageRecord) else (r.source, r.error)
        for r in records
    ]


# -- iter_inputs ------------------------------------------------------------------------------


def _tree(root: Path) -> None:
    for name in ["b/z.html", "b/a.HTM", "a.html", "notes.txt", ".hidden/x.html", "c.xhtml"]:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"<p>x</p>")


def test_directory_walk_is_sorted_depth_first_and_filtered(tmp_path: Path) -> None:
    """A directory gives its HTML files sorted by name, depth first, hidden ones skipped."""
    _tree(tmp_path)
    sources = [item.source for item in iter_inputs([tmp_path])]
    expected = [str(tmp_path / name) for name in ["a.html", "b/a.HTM", "b/z.html", "c.xhtml"]]
    assert expected == sources


def test_include_patterns_choose_the_files(tmp_path: Path) -> None:
    """Patterns replace the default file-name filter."""
    _tree(tmp_path)
    sources = [item.source for item in iter_inputs([tmp_path], patterns=["*.txt"])]
    assert [str(tmp_path / "notes.txt")] == sources


def test_glob_with_double_star_spans_directories(tmp_path: Path) -> None:
    """A ``**`` pattern finds files at every depth, in sorted order."""
    _tree(tmp_path)
    sources = [item.source for item in iter_inputs([f"{tmp_path}/**/*.html"])]
    assert [str(tmp_path / "a.html"), str(tmp_path / "b/z.html")] == sources


def test_glob_that_matches_nothing_is_an_error_record(tmp_path: Path) -> None:
    """A pattern with no match is reported in place, not skipped in silence."""
    items = list(iter_inputs([f"{tmp_path}/*.html"]))
    expected = [
        ErrorRecord(
            source=f"{tmp_path}/*.html",
            error="FileNotFoundError",
            message="pattern matched no files",
        )
    ]
    assert expected == items


def test_missing_file_becomes_an_error_record_when_parsed(tmp_path: Path) -> None:
    """A path that does not exist fails when read, with the reason, and nothing else stops."""
    records = list(parse_many(iter_inputs([tmp_path / "gone.html"]), jobs=1, parser=title_parser))
    assert 1 == len(records)
    assert isinstance(records[0], ErrorRecord)
    assert ("FileNotFoundError", str(tmp_path / "gone.html")) == (
        records[0].error,
        records[0].source,
    )


def test_stdin_is_one_page() -> None:
    """``-`` reads standard input as one page."""
    stream = io.BufferedReader(io.BytesIO(b"<p>hello</p>"))
    items = list(iter_inputs(["-"], stdin=stream))
    assert [PageInput(source="<stdin>", data=b"<p>hello</p>")] == items


def _crawl(path: Path, *, gzip: bool = True) -> Path:
    return write_warc(
        path,
        [
            ("https://news.example/one", 200, "text/html; charset=utf-8", article("One")),
            ("https://news.example/logo.png", 200, "image/png", b"\x89PNG..."),
            ("https://news.example/old", 301, "text/html", b"<p>moved</p>"),
            ("https://news.example/missing", 404, "text/html", b"<p>not found</p>"),
            ("https://news.example/two", 200, "application/xhtml+xml", article("Two")),
            ("https://news.example/three", None, "text/html", article("Three")),
        ],
        gzip=gzip,
    )


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_warc_gives_the_html_pages_with_their_urls(tmp_path: Path, gzip: bool) -> None:
    """Only 2xx HTML responses and HTML resources are pages; each keeps its URL and bytes."""
    name = "crawl.warc.gz" if gzip else "crawl.warc"
    items = list(iter_inputs([_crawl(tmp_path / name, gzip=gzip)]))
    assert all(isinstance(item, PageInput) for item in items)
    expected = [
        ("https://news.example/one", article("One")),
        ("https://news.example/two", article("Two")),
        ("https://news.example/three", article("Three")),
    ]
    assert expected == [(item.url, item.data) for item in items if isinstance(item, PageInput)]


def test_warc_sources_name_the_record_offsets(tmp_path: Path) -> None:
    """A record's source is ``archive#offset``, and the offset is where the record starts."""
    path = _crawl(tmp_path / "crawl.warc", gzip=False)
    raw = path.read_bytes()
    for item in iter_inputs([path]):
        archive, _, offset = item.source.rpartition("#")
        assert str(path) == archive
        assert raw[int(offset) :].startswith(b"WARC/1.")


def test_truncated_warc_ends_with_an_error_record(tmp_path: Path) -> None:
    """An archive cut short keeps the records before the cut and reports the break."""
    path = _crawl(tmp_path / "crawl.warc", gzip=False)
    data = path.read_bytes()
    second_response = data.index(b"WARC/1.", data.index(b"https://news.example/two") - 400)
    path.write_bytes(data[: second_response + 40])
    items = list(iter_inputs([path]))
    assert isinstance(items[0], PageInput)
    assert "https://news.example/one" == items[0].url
    assert isinstance(items[-1], ErrorRecord)
    assert items[-1].source.startswith(f"{path}#")


def test_warc_on_stdin_is_recognised(tmp_path: Path) -> None:
    """An archive piped to standard input is read as an archive, not as one page."""
    stream = io.BufferedReader(io.BytesIO(_crawl(tmp_path / "crawl.warc.gz").read_bytes()))
    urls = [item.url for item in iter_inputs(["-"], stdin=stream)]
    expected = [
        "https://news.example/one",
        "https://news.example/two",
        "https://news.example/three",
    ]
    assert expected == urls


# -- parse_input ------------------------------------------------------------------------------


def test_parse_input_reads_a_real_page(shared: Path) -> None:
    """The default parser turns a corpus page into a page record with its source."""
    path = shared / "corpora/newspaper4k/tests/data/html/arabic_article.html"
    record = parse_input(PageInput(source="arabic", path=str(path)))
    assert isinstance(record, PageRecord)
    assert "arabic" == record.source
    assert record.page.brief is not None
    assert "معارضون يسيطرون على مخازن للصواريخ بريف دمشق" == record.page.brief.headline


def test_parse_input_describes_a_parser_error() -> None:
    """An exception from the parser becomes an error record with its kind and message."""
    record = parse_input(
        PageInput(source="p", url="https://x.example/", data=b"raise"), title_parser
    )
    expected = ErrorRecord(
        source="p",
        url="https://x.example/",
        error="ValueError",
        message="this page makes the parser raise",
    )
    assert expected == record


def test_parse_input_contains_recursion_error() -> None:
    """A RecursionError inside one record is caught and reported like any other error."""
    record = parse_input(PageInput(source="deep", data=b"recurse"), title_parser)
    assert isinstance(record, ErrorRecord)
    assert "RecursionError" == record.error


def test_parse_input_refuses_a_parser_that_returns_no_page() -> None:
    """A parser returning something other than a Page is reported, not passed on."""
    record = parse_input(PageInput(source="s", data=b"x"), not_a_page)
    assert isinstance(record, ErrorRecord)
    assert ("TypeError", "the parser returned bytes, not a Page") == (record.error, record.message)


def test_parse_input_passes_error_records_through() -> None:
    """Error records from discovery come out unchanged."""
    error = ErrorRecord(source="x", error="OSError", message="unreadable")
    assert error is parse_input(error)


def test_binary_garbage_is_an_html_parse_error() -> None:
    """Bytes that are not HTML give an HTMLParseError record from the real parser."""
    record = parse_input(PageInput(source="junk", data=bytes(range(256)) * 4))
    assert isinstance(record, ErrorRecord)
    assert "HTMLParseError" == record.error


def test_format_record_round_trips_pages() -> None:
    """A page line is native JSON that from_json reads back to the same page."""
    page = Page(title="Rain", url="https://news.example/rain")
    assert page == from_json(format_record(PageRecord(source="s", page=page)))


# -- parse_many -------------------------------------------------------------------------------


_MIXED = ("a", "raise", "b", "recurse", "c", "d", "e", "f", "g", "h")


def test_two_processes_keep_input_order_and_contain_errors() -> None:
    """With jobs=2 records come in input order; a raising and a recursing page are contained."""
    records = list(parse_many(_inputs(*_MIXED), jobs=2, parser=title_parser))
    expected = [
        ("in-0", "a"),
        ("in-1", "ValueError"),
        ("in-2", "b"),
        ("in-3", "RecursionError"),
        ("in-4", "c"),
        ("in-5", "d"),
        ("in-6", "e"),
        ("in-7", "f"),
        ("in-8", "g"),
        ("in-9", "h"),
    ]
    assert expected == _summary(records)


def test_unordered_gives_every_record_once() -> None:
    """Unordered output holds the same records, each once."""
    records = list(parse_many(_inputs(*_MIXED), jobs=2, ordered=False, parser=title_parser))
    expected = sorted(_summary(list(parse_many(_inputs(*_MIXED), jobs=1, parser=title_parser))))
    assert expected == sorted(_summary(records))


def test_a_dying_worker_costs_only_its_own_record() -> None:
    """A worker process that exits abruptly gives one WorkerDied record; the rest parse."""
    texts = ("a", "b", "die", "c", "d", "e", "f")
    records = list(parse_many(_inputs(*texts), jobs=2, window=4, parser=title_parser))
    expected = [
        ("in-0", "a"),
        ("in-1", "b"),
        ("in-2", "WorkerDied"),
        ("in-3", "c"),
        ("in-4", "d"),
        ("in-5", "e"),
        ("in-6", "f"),
    ]
    assert expected == _summary(records)


def test_a_dying_worker_unordered_does_not_hang() -> None:
    """Unordered mode also recovers from a dead worker and yields every record."""
    texts = ("die", "a", "b", "die", "c")
    records = list(parse_many(_inputs(*texts), jobs=2, ordered=False, parser=title_parser))
    kinds = sorted(kind for _, kind in _summary(records))
    assert ["WorkerDied", "WorkerDied", "a", "b", "c"] == kinds


def test_inputs_are_read_only_a_window_ahead() -> None:
    """Memory stays bounded: no more than ``window`` inputs are taken ahead of the output."""
    taken = 0

    def endless() -> Iterator[PageInput]:
        nonlocal taken
        for number in itertools.count():
            taken += 1
            yield PageInput(source=str(number), data=b"page")

    records = parse_many(endless(), jobs=2, window=3, parser=title_parser)
    first = list(itertools.islice(records, 5))
    records.close()  # type: ignore[attr-defined]
    assert 5 == len(first)
    assert taken <= 5 + 3


def test_discovery_errors_keep_their_place() -> None:
    """Error records in the input stream come out where they were, between the pages."""
    error = ErrorRecord(source="gone/*.html", error="FileNotFoundError", message="no match")
    items: list[PageInput | ErrorRecord] = [*_inputs("a"), error, *_inputs("b")]
    records = list(parse_many(items, jobs=2, parser=title_parser))
    assert [("in-0", "a"), ("gone/*.html", "FileNotFoundError"), ("in-0", "b")] == _summary(records)


def test_unpicklable_parser_is_refused_up_front() -> None:
    """A parser that cannot reach worker processes is a TypeError before any work starts."""
    with pytest.raises(TypeError, match="cannot be sent to worker processes"):
        parse_many(_inputs("a"), jobs=2, parser=lambda data, url=None: Page(title="x"))


@pytest.mark.parametrize(("jobs", "window"), [(0, None), (2, 0)])
def test_jobs_and_window_must_be_positive(jobs: int, window: int | None) -> None:
    """jobs and window below 1 are refused with a ValueError naming them."""
    with pytest.raises(ValueError, match="must be at least 1"):
        parse_many(_inputs("a"), jobs=jobs, window=window)


def test_warc_charset_reaches_the_parser(tmp_path: Path) -> None:
    """A charset declared only in the HTTP header decodes the page, not detection."""
    headline = "Zürich räumt auf"
    body = (
        "<!doctype html><html lang='de'><body><article><h1>"
        + headline
        + "</h1><p>"
        + "Die Stadt räumt nach dem Unwetter auf, und die Straßen sind wieder frei. " * 8
        + "</p></article></body></html>"
    ).encode("cp1252")
    path = write_warc(
        tmp_path / "latin.warc.gz",
        [("https://news.example/z", 200, "text/html; charset=windows-1252", body)],
    )
    [item] = list(iter_inputs([path]))
    assert isinstance(item, PageInput)
    assert "windows-1252" == item.encoding
    seen: list[str | None] = []

    def parser(data: bytes, *, url: str | None = None, encoding: str | None = None) -> Page:
        seen.append(encoding)
        return parse_html(data, url=url, encoding=encoding)

    [record] = list(parse_many([item], jobs=1, parser=parser))
    assert ["windows-1252"] == seen
    assert isinstance(record, PageRecord)
    assert record.page.brief is not None
    assert headline == record.page.brief.headline
