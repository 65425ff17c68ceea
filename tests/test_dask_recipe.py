"""The Dask recipe of docs/batch.md, run as written with Dask's local process scheduler."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsitem.batch import PageInput, format_record, parse_input
from tests.test_batch import write_warc

db = pytest.importorskip("dask.bag")
dask = pytest.importorskip("dask")

ROOT = Path(__file__).resolve().parents[1]
PAGES = "corpora/newspaper4k/tests/data/html"
GARBAGE = bytes(range(256)) * 16


def recipe() -> str:
    """The Python block that follows the recipe marker in docs/batch.md."""
    text = (ROOT / "docs/batch.md").read_text("utf-8")
    match = re.search(r"<!-- recipe: dask .*?-->\n```python\n(.*?)\n```", text, re.DOTALL)
    assert match is not None, "docs/batch.md lost its Dask recipe"
    return match.group(1)


def test_recipe_parses_every_archive(shared: Path, tmp_path: Path) -> None:
    """Two WARCs built from corpus pages give one line per HTML record, in order, per archive."""
    files = sorted((shared / PAGES).glob("*.html"))[:10]
    entries = [
        (f"https://news.example/{path.stem}", 200, "text/html", path.read_bytes()) for path in files
    ]
    entries.insert(3, ("https://news.example/garbage", 200, "text/html", GARBAGE))
    entries.insert(5, ("https://news.example/style.css", 200, "text/css", b"p{}"))
    archives = [
        str(write_warc(tmp_path / "crawl-0.warc.gz", entries[:6])),
        str(write_warc(tmp_path / "crawl-1.warc.gz", entries[6:])),
    ]
    out_dir = tmp_path / "out"
    with dask.config.set(scheduler="processes", num_workers=2):
        exec(recipe(), {"archives": archives, "out_dir": str(out_dir)})

    written = sorted(out_dir.glob("part-*.jsonl"))
    assert ["part-0.jsonl", "part-1.jsonl"] == [path.name for path in written]
    lines = [json.loads(line) for path in written for line in path.read_text("utf-8").splitlines()]
    kinds = [line["type"] for line in lines]
    assert ["page"] * 3 + ["error"] + ["page"] * 7 == kinds
    assert "https://news.example/garbage" == lines[3]["url"]
    assert "HTMLParseError" == lines[3]["error"]
    assert lines[3]["source"].startswith(f"{archives[0]}#")


def test_recipe_gives_what_one_process_gives(shared: Path, tmp_path: Path) -> None:
    """Each line Dask writes is the line parse_input gives for that page in this process."""
    files = sorted((shared / PAGES).glob("*.html"))[10:14]
    entries = [(f"https://news.example/{p.stem}", 200, "text/html", p.read_bytes()) for p in files]
    archives = [str(write_warc(tmp_path / "crawl.warc.gz", entries))]
    out_dir = tmp_path / "out"
    with dask.config.set(scheduler="processes", num_workers=2):
        exec(recipe(), {"archives": archives, "out_dir": str(out_dir)})

    written = (out_dir / "part-0.jsonl").read_text("utf-8").splitlines()
    expected = [
        format_record(parse_input(PageInput(source="local", url=url, data=body)))
        for url, _, _, body in entries
    ]
    assert expected == written
