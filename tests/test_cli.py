"""Tests for the ``newsitem`` command line, run as ``python -m newsitem`` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsitem import Page, from_json
from tests.test_batch import article, write_warc

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "src/newsitem/examples/seed-page.json"
SEED_HEADLINE = (
    "WSJ: China’s leader Xi deepening economic ties with Putin’s Russia despite public distance"
)
HEADLINES = ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel")


def run(
    *args: str | Path, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m newsitem ARGS`` with standard error not a terminal."""
    completed = subprocess.run(
        [sys.executable, "-m", "newsitem", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=300,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8"),
        completed.stderr.decode("utf-8"),
    )


def _lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def _headline(line: dict[str, object]) -> object:
    """A page line's brief headline, or an error line's error kind."""
    if line["type"] == "error":
        return line["error"]
    brief = line.get("brief")
    return brief["headline"] if isinstance(brief, dict) else None


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A directory of eight news pages, 01.html to 08.html, and binary garbage in 04-bad.html."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for number, headline in enumerate(HEADLINES, start=1):
        (folder / f"{number:02}.html").write_bytes(article(headline))
    (folder / "04-bad.html").write_bytes(bytes(range(256)) * 8)
    return folder


# "04-bad.html" sorts before "04.html": "-" comes before ".".
_EXPECTED_ORDER = ["Alpha", "Bravo", "Charlie", "HTMLParseError", *HEADLINES[3:]]


# -- help -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("parse", ["--jobs", "--unordered", "--errors", "--include", "WARC", "exit status"]),
        ("render", ["--to", "--from", "ninjs", "--document", "exit status"]),
        ("convert", ["--to", "--from", "--indent", "jsonfeed", "exit status"]),
        ("validate", ["--lines", "--schema", "JSONPath", "exit status"]),
        ("demo", ["seed page"]),
    ],
)
def test_help_of_every_command_names_its_options(command: str, expected: list[str]) -> None:
    """Each command's --help exits 0 and explains its options and exit codes."""
    result = run(command, "--help")
    assert 0 == result.returncode
    missing = [word for word in expected if word not in result.stdout]
    assert [] == missing


def test_top_level_help_lists_the_commands() -> None:
    """``newsitem --help`` lists every command."""
    result = run("--help")
    assert 0 == result.returncode
    for command in ("parse", "render", "convert", "validate", "demo"):
        assert f"    {command} " in result.stdout


def test_version() -> None:
    """``--version`` prints the package version."""
    from newsitem import __version__

    assert f"newsitem {__version__}\n" == run("--version").stdout


# -- parse ------------------------------------------------------------------------------------


def test_parse_directory_with_two_jobs_keeps_input_order(pages: Path) -> None:
    """--jobs 2 writes one line per input in sorted file order, the bad page in its place."""
    result = run("parse", pages, "--jobs", "2")
    assert 1 == result.returncode
    assert _EXPECTED_ORDER == [_headline(line) for line in _lines(result.stdout)]


def test_parse_one_and_two_jobs_write_the_same_bytes(pages: Path) -> None:
    """The output does not depend on the number of processes."""
    assert run("parse", pages, "-j", "1").stdout == run("parse", pages, "-j", "2").stdout


def test_parse_unordered_writes_every_record(pages: Path) -> None:
    """--unordered writes the same lines, in any order."""
    result = run("parse", pages, "--jobs", "2", "--unordered")
    assert sorted(_EXPECTED_ORDER) == sorted(_headline(line) for line in _lines(result.stdout))


def test_error_record_names_input_and_reason(pages: Path) -> None:
    """A page that is binary garbage gives an error line with its path and what failed."""
    lines = _lines(run("parse", pages, "-q").stdout)
    expected = {
        "type": "error",
        "source": str(pages / "04-bad.html"),
        "url": None,
        "error": "HTMLParseError",
        "message": "input is not HTML: it holds NUL bytes (binary data?)",
    }
    assert expected == lines[3]


def test_page_lines_are_native_json(pages: Path) -> None:
    """Every page line reads back with from_json as a Page."""
    lines = run("parse", pages / "01.html", pages / "02.html").stdout.splitlines()
    read = [from_json(line) for line in lines]
    assert all(isinstance(page, Page) for page in read)
    assert ["Alpha", "Bravo"] == [
        page.brief.headline for page in read if isinstance(page, Page) and page.brief
    ]


def test_errors_file_takes_the_error_records(pages: Path, tmp_path: Path) -> None:
    """--errors FILE moves error lines out of the output; the exit code still says 1."""
    errors = tmp_path / "failed.jsonl"
    output = tmp_path / "out.jsonl"
    result = run("parse", pages, "--errors", errors, "-o", output)
    assert 1 == result.returncode
    assert [*HEADLINES] == [_headline(line) for line in _lines(output.read_text("utf-8"))]
    assert ["HTMLParseError"] == [_headline(line) for line in _lines(errors.read_text("utf-8"))]
    assert "" == result.stdout


def test_summary_line_on_stderr_and_no_progress_bar_off_a_terminal(pages: Path) -> None:
    """Standard error holds only the summary (no bar: it is not a terminal)."""
    result = run("parse", pages)
    lines = result.stderr.splitlines()
    assert 1 == len(lines)
    assert lines[0].startswith("newsitem parse: 8 pages parsed, 1 failed, in ")


def test_quiet_silences_standard_error(pages: Path) -> None:
    """--quiet drops the summary line."""
    assert "" == run("parse", pages, "--quiet").stderr


def test_all_good_exits_zero(pages: Path) -> None:
    """Exit code 0 when every input parsed."""
    result = run("parse", pages / "01.html", pages / "02.html")
    assert 0 == result.returncode
    assert "newsitem parse: 2 pages parsed, 0 failed" in result.stderr


def test_page_that_is_not_html_is_an_error(tmp_path: Path) -> None:
    """A file the parser refuses (text with no HTML in it) is an error record, exit 1."""
    (tmp_path / "notes.html").write_text("just some words, no markup at all", encoding="utf-8")
    result = run("parse", tmp_path / "notes.html", "-q")
    assert 1 == result.returncode
    assert ["HTMLParseError"] == [_headline(line) for line in _lines(result.stdout)]


def test_missing_file_is_an_error_record(tmp_path: Path) -> None:
    """A path that does not exist is an error line, and the rest still run."""
    (tmp_path / "a.html").write_bytes(article("Alpha"))
    result = run("parse", tmp_path / "gone.html", tmp_path / "a.html", "-q")
    assert 1 == result.returncode
    assert ["FileNotFoundError", "Alpha"] == [_headline(line) for line in _lines(result.stdout)]


def test_glob_input(pages: Path) -> None:
    """A quoted glob is expanded by newsitem, sorted."""
    result = run("parse", f"{pages}/0[12].html", "-q")
    assert ["Alpha", "Bravo"] == [_headline(line) for line in _lines(result.stdout)]


def test_stdin_page_to_text() -> None:
    """A page on standard input renders as plain text with --to text."""
    result = run("parse", "--to", "text", stdin=article("Rain expected"))
    assert 0 == result.returncode
    assert result.stdout.startswith("Rain expected\n")


def test_url_sets_the_page_url(pages: Path) -> None:
    """--url gives a single page its URL."""
    result = run("parse", pages / "01.html", "--url", "https://news.example/alpha")
    assert "https://news.example/alpha" == _lines(result.stdout)[0]["url"]


@pytest.mark.parametrize("to", ["html", "text", "json", "jsonld", "ninjs"])
def test_single_page_formats(pages: Path, to: str) -> None:
    """Every single-page format writes the headline somewhere in its output."""
    result = run("parse", pages / "03.html", "--to", to, "--url", "https://news.example/c")
    assert 0 == result.returncode
    assert "Charlie" in result.stdout


def test_single_page_html_document(pages: Path) -> None:
    """--document writes a whole HTML document."""
    result = run("parse", pages / "03.html", "--to", "html", "--document")
    assert result.stdout.lower().startswith("<!doctype html>")


def test_single_format_refuses_many_inputs(pages: Path) -> None:
    """--to html with a directory is a usage error (2) that says to use jsonl."""
    result = run("parse", pages, "--to", "html")
    assert 2 == result.returncode
    assert "use --to jsonl" in result.stderr


def test_single_page_failure_exits_one(pages: Path) -> None:
    """A single page that fails prints the reason and exits 1."""
    result = run("parse", pages / "04-bad.html", "--to", "text")
    assert 1 == result.returncode
    assert "HTMLParseError: input is not HTML" in result.stderr


@pytest.mark.parametrize("jobs", ["0", "two"])
def test_bad_jobs_is_a_usage_error(jobs: str) -> None:
    """--jobs must be a positive whole number."""
    result = run("parse", "x.html", "--jobs", jobs)
    assert 2 == result.returncode
    assert "--jobs" in result.stderr


def test_parse_warc(tmp_path: Path) -> None:
    """A WARC archive gives one line per HTML response, with the record's URL; garbage fails."""
    archive = write_warc(
        tmp_path / "crawl.warc.gz",
        [
            ("https://news.example/a", 200, "text/html", article("Alpha")),
            ("https://news.example/a.css", 200, "text/css", b"body{}"),
            ("https://news.example/junk", 200, "text/html", bytes(range(256)) * 4),
            ("https://news.example/b", 200, "text/html; charset=utf-8", article("Bravo")),
        ],
    )
    result = run("parse", archive, "--jobs", "2", "-q")
    lines = _lines(result.stdout)
    assert 1 == result.returncode
    assert ["Alpha", "HTMLParseError", "Bravo"] == [_headline(line) for line in lines]
    urls = ["https://news.example/a", "https://news.example/junk", "https://news.example/b"]
    assert urls == [line["url"] for line in lines]


def test_directory_of_archives_with_include(tmp_path: Path) -> None:
    """--include '*.warc.gz' makes a directory walk read the archives in it."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    write_warc(folder / "1.warc.gz", [("https://n.example/a", 200, "text/html", article("Alpha"))])
    write_warc(folder / "2.warc.gz", [("https://n.example/b", 200, "text/html", article("Bravo"))])
    result = run("parse", folder, "--include", "*.warc.gz", "-q")
    assert ["Alpha", "Bravo"] == [_headline(line) for line in _lines(result.stdout)]


def run_on_terminal(*args: str | Path, hide_tqdm: bool = False) -> tuple[int, str]:
    """Run the command line with standard error on a pseudo-terminal; return what it showed."""
    pty = pytest.importorskip("pty")
    termios = pytest.importorskip("termios")
    hide = "sys.modules['tqdm'] = None; " if hide_tqdm else ""
    code = f"import sys; {hide}from newsitem.cli import main; sys.exit(main(sys.argv[1:]))"
    primary, secondary = pty.openpty()
    termios.tcsetwinsize(secondary, (24, 120))  # a new pseudo-terminal is 0 columns wide
    chunks = []
    try:
        completed = subprocess.run(
            [sys.executable, "-c", code, *map(str, args)],
            stdout=subprocess.DEVNULL,
            stderr=secondary,
            timeout=300,
            check=False,
        )
        os.close(secondary)
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the terminal closed: everything is read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(primary)
    return completed.returncode, b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal(pages: Path) -> None:
    """On a terminal, standard error shows a tqdm bar: pages of the total, rate, errors."""
    returncode, shown = run_on_terminal("parse", pages, "-j", "1")
    assert 1 == returncode
    assert "9/9" in shown  # the total is counted in advance, for the ETA
    assert "page/s" in shown
    assert "errors=1" in shown
    assert "newsitem parse: 8 pages parsed, 1 failed" in shown


def test_progress_without_tqdm_is_a_counter_line(pages: Path) -> None:
    """Without tqdm installed, a plain counter line stands in for the bar."""
    returncode, shown = run_on_terminal("parse", pages, "-j", "1", hide_tqdm=True)
    assert 1 == returncode
    assert "\r9 pages, " in shown
    assert " pages/s, 1 errors, ETA 0 s\r\n" in shown


def test_quiet_hides_the_progress_bar(pages: Path) -> None:
    """--quiet shows nothing on the terminal."""
    assert (1, "") == run_on_terminal("parse", pages, "--quiet")


# -- render and convert -----------------------------------------------------------------------


def test_render_native_json_to_text() -> None:
    """render --to text writes the seed page's headline as plain text."""
    result = run("render", SEED, "--to", "text")
    assert 0 == result.returncode
    assert f"\n{SEED_HEADLINE}\n" in result.stdout
    assert "<" not in result.stdout


def test_render_from_stdin_to_html() -> None:
    """render reads standard input by default and writes HTML."""
    result = run("render", "--to", "html", stdin=SEED.read_bytes())
    assert 0 == result.returncode
    assert result.stdout.startswith("<")
    assert "Xi deepening economic ties" in result.stdout


def test_convert_to_ninjs_and_render_it_back() -> None:
    """A page converted to ninjs renders back with the same headline."""
    ninjs = run("convert", SEED, "--to", "ninjs")
    assert 0 == ninjs.returncode
    document = json.loads(ninjs.stdout)
    assert "ninjs" == document["standard"]["name"]
    text = run("render", "--to", "text", stdin=ninjs.stdout.encode("utf-8"))
    assert 0 == text.returncode
    assert SEED_HEADLINE in text.stdout


@pytest.mark.parametrize(("to", "key"), [("jsonld", "@context"), ("jsonfeed", "version")])
def test_convert_to_other_json_formats(to: str, key: str) -> None:
    """convert writes JSON-LD and JSON Feed documents, indented on request."""
    result = run("convert", SEED, "--to", to, "--indent", "2")
    assert 0 == result.returncode
    assert result.stdout.startswith("{\n  ")
    assert key in json.loads(result.stdout)


def test_convert_from_foreign_to_native() -> None:
    """convert --to json gives native JSON that from_json reads."""
    ninjs = run("convert", SEED, "--to", "ninjs").stdout
    native = run("convert", "--from", "ninjs", "--to", "json", stdin=ninjs.encode("utf-8"))
    assert 0 == native.returncode
    assert SEED_HEADLINE == from_json(native.stdout).headline  # type: ignore[union-attr]


def test_render_unknown_document_exits_one() -> None:
    """A JSON document of no known format fails with the detection message."""
    result = run("render", stdin=b'{"hello": "world"}')
    assert 1 == result.returncode
    assert "cannot tell the format of this JSON document" in result.stderr


def test_render_missing_file_exits_one(tmp_path: Path) -> None:
    """A missing input file fails with its name and the reason."""
    result = run("render", tmp_path / "gone.json")
    assert 1 == result.returncode
    assert f"{tmp_path / 'gone.json'}: No such file or directory" in result.stderr


def test_convert_needs_to() -> None:
    """convert without --to is a usage error."""
    assert 2 == run("convert", SEED).returncode


# -- validate ---------------------------------------------------------------------------------


def test_validate_valid_document() -> None:
    """A valid native document passes, exit 0."""
    result = run("validate", SEED)
    assert 0 == result.returncode
    assert f"{SEED}: valid Page\n" == result.stdout


def test_validate_reports_every_problem_with_its_path(tmp_path: Path) -> None:
    """An invalid document exits 1 and lists its problems by JSONPath."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "author", "version": 1, "name": 7}', encoding="utf-8")
    result = run("validate", bad)
    assert 1 == result.returncode
    assert f"{bad}: invalid\n  $.name: expected str, got int\n" == result.stdout


def test_validate_json_lines_from_parse(pages: Path, tmp_path: Path) -> None:
    """parse output validates line by line; the error line is the one invalid document."""
    output = tmp_path / "out.jsonl"
    run("parse", pages, "-o", output, "-q")
    result = run("validate", output, "--quiet")
    assert 1 == result.returncode
    assert result.stdout.startswith(f"{output}:4: invalid\n")


def test_validate_with_schema() -> None:
    """--schema also checks against the JSON Schema; the seed page passes it."""
    result = run("validate", "--schema", SEED)
    assert 0 == result.returncode


def test_validate_with_schema_reports_schema_problems(tmp_path: Path) -> None:
    """--schema reports what the JSON Schema rejects, with a JSONPath."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "page", "version": 1, "title": 7}', encoding="utf-8")
    result = run("validate", "--schema", bad)
    assert 1 == result.returncode
    assert "$.title" in result.stdout
