"""Write, or compare against, `to_json(parse_html(page))` for every shared corpus page.

A refactoring that promises the same output checks it with this script:

    .venv/bin/python scripts/snapshot.py write before.jsonl     # on the old code
    .venv/bin/python scripts/snapshot.py compare before.jsonl   # on the new code

Each line of the file is one page: its path under ``../shared`` and its native JSON (or the
error it raised). ``compare`` prints every page whose output differs and exits 1 if any does.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from newsitem import parse_html, to_json
from newsitem.errors import NewsitemError

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSITEM_SHARED", ROOT.parent / "shared"))
FAKEHOST = "http://fakehost/test/page.html"


def pages() -> Iterator[tuple[str, str | None, Path]]:
    """(name, url, path) for every corpus page: readability, newspaper4k, trafilatura, fundus."""
    corpora = SHARED / "corpora"
    for path in sorted((corpora / "mozilla-readability/test/test-pages").glob("*/source.html")):
        yield str(path.relative_to(SHARED)), FAKEHOST, path
    for path in sorted((corpora / "newspaper4k/tests/data/html").glob("*.html")):
        yield str(path.relative_to(SHARED)), None, path
    for path in sorted((corpora / "trafilatura/tests").glob("*/*.html")):
        yield str(path.relative_to(SHARED)), None, path
    labels_file = corpora / "fundus" / "labels.json"
    labels = json.loads(labels_file.read_text()) if labels_file.exists() else {}
    for path in sorted((corpora / "fundus" / "html").glob("*")):
        label = labels.get(path.stem.replace("__", "/", 1)) or {}
        url = label.get("url") if isinstance(label, dict) else None
        yield str(path.relative_to(SHARED)), url, path


def output(url: str | None, path: Path) -> str:
    """The page's native JSON, or the error it raised."""
    try:
        return to_json(parse_html(path.read_bytes(), url=url))
    except NewsitemError as error:
        return f"error: {type(error).__name__}: {error}"


def main(argv: list[str]) -> int:
    """Write or compare a snapshot file."""
    if len(argv) != 2 or argv[0] not in {"write", "compare"}:
        print(__doc__, file=sys.stderr)
        return 2
    mode, file = argv
    if mode == "write":
        with open(file, "w", encoding="utf-8") as out:
            for name, url, path in pages():
                out.write(json.dumps({"page": name, "json": output(url, path)}) + "\n")
        return 0
    before = {}
    with open(file, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            before[record["page"]] = record["json"]
    differ = 0
    seen = 0
    for name, url, path in pages():
        seen += 1
        if before.get(name) != output(url, path):
            differ += 1
            print(f"differs: {name}")
    print(f"{seen} pages, {differ} differ, {len(before) - seen} missing", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
