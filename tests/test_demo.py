"""``newsitem demo``: a few readable lines about what was found, and three files written."""

from __future__ import annotations

import json
from pathlib import Path

import html5lib
import pytest

from newsitem import Page, from_json
from newsitem._demo import parse_seed_page
from newsitem.cli import main
from newsitem.render import render_html
from tests.test_render_html import rich_page

SEED_HEADLINE = (
    "WSJ: China’s leader Xi deepening economic ties with Putin’s Russia despite public distance"
)


def demo(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    """Run ``newsitem demo ARGS``; return the exit status, the lines printed and stderr."""
    status = main(["demo", *args])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


def parse_document(path: Path) -> object:
    """Parse a whole HTML document with html5lib in strict mode: any parse error raises."""
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("etree"))
    return parser.parse(path.read_bytes())


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_seed_demo_is_short_and_readable(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The seed demo prints under 25 lines, none over 100 characters, and exits 0."""
    status, lines, err = demo([], capsys)
    assert (0, "") == (status, err)
    assert len(lines) < 25
    assert [] == [line for line in lines if len(line) > 100]


def test_seed_demo_tells_the_key_facts(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Headline, label, reading time, date, author and profile, source, blocks, counts."""
    _, lines, _ = demo([], capsys)
    text = " ".join(" ".join(lines).split())  # wrapped lines joined again
    for fact in [
        SEED_HEADLINE,
        "label News Feed",
        "1 min read",
        "2022-12-14 21:05",
        "The Kyiv Independent news desk (organization)",
        "https://kyivindependent.com/author/kyiv-independent-news-desk/",
        "Wall Street Journal, Dec. 14",
        "News Feed: 3 items, none with a headline",
        "“By infiltrating Ukrainian positions",
        "Video: no title, no URL on the page",
        "5 paragraphs",
        "1 author card, 1 related block, 1 video teaser",
    ]:
        assert fact in text
    assert "Read more" not in text


def test_demo_writes_card_text_and_json(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """By default the three files go to ./newsitem-demo/, are named on screen, and parse."""
    _, lines, _ = demo([], capsys)
    folder = in_tmp / "newsitem-demo"
    card, text, native = folder / "card.html", folder / "page.txt", folder / "page.json"
    for path in (card, text, native):
        assert any(line.split()[0] == f"newsitem-demo/{path.name}" for line in lines if line)
    assert parse_seed_page() == from_json(native.read_text("utf-8"), Page)
    tree = parse_document(card)
    assert SEED_HEADLINE in "".join(tree.itertext())  # type: ignore[attr-defined]
    assert card.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert SEED_HEADLINE in text.read_text("utf-8").splitlines()
    assert "<" not in text.read_text("utf-8")


def test_demo_of_any_page_with_url_and_out(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page given by path: its item headlines and video URLs are shown, files go to --out."""
    page = in_tmp / "rich.html"
    page.write_text(render_html(rich_page(), document=True), encoding="utf-8")
    url = "https://example.com/news/xi"
    status, lines, _ = demo([str(page), "--url", url, "--out", "x"], capsys)
    assert 0 == status
    text = "\n".join(lines)
    assert "More: 2 items, 1 with a headline" in text
    assert "- One" in text
    assert "Video: “Episode 12”, https://example.com/v/12" in text
    assert "2 video teasers" in text
    json_doc = json.loads((in_tmp / "x" / "page.json").read_text("utf-8"))
    assert url == json_doc["url"]
    parse_document(in_tmp / "x" / "card.html")


def test_demo_refuses_to_overwrite_its_input(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page that one of the demo's files would replace is a usage error (status 2)."""
    (in_tmp / "out").mkdir()
    page = in_tmp / "out" / "page.txt"
    page.write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        demo([str(page), "--out", "out"], capsys)
    assert 2 == exited.value.code
    assert "<p>x</p>" == page.read_text("utf-8")


def test_demo_of_a_missing_page_says_which(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page that cannot be read: status 1, and standard error names it."""
    status, _, err = demo(["nowhere.html"], capsys)
    assert 1 == status
    assert "newsitem demo: nowhere.html: No such file or directory\n" == err


def test_demo_help_names_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    """``newsitem demo --help`` explains the page, --url and --out, and the files."""
    with pytest.raises(SystemExit):
        main(["demo", "--help"])
    out = capsys.readouterr().out
    for word in ("PAGE.html", "--url", "--out", "card.html", "page.txt", "page.json"):
        assert word in out
