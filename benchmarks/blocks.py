"""Related blocks, video teasers and authors: newsitem against the hand labels.

Run::

    .venv/bin/python benchmarks/blocks.py [--labels benchmarks/labels/pages]
        [--corpora ../shared/corpora] [--show dev] [--junk]
    .venv/bin/python benchmarks/blocks.py --agree LABELS_A LABELS_B

Scores, per half of the sites (``dev`` is what rules may be written from, ``held`` is what
counts; see ``_sites.py``) and pooled over the pages of each:

- **related items**: precision and recall of the items of every related block on the page
  (the brief's and the page's), matched by URL; and how many matched items have the
  labelled headline exactly (case, quotes, dashes, spaces and a trailing "…" aside);
- **videos**: precision and recall of the video teasers (labels ``lead`` and ``aside``),
  matched by provider and id, or by any URL (page, embed, file). A teaser that is a video the
  label puts in the article's text (``body``) is a false teaser. A labelled video *link*
  also counts as found when it is an item of a related block;
- **authors**: the share of labelled authors found with the same name and the same profile
  URL (both absent counts as the same), and the share found by name alone; precision of the
  names found.

URLs are compared without scheme, ``www.``, trailing ``/``, fragment and tracking
parameters; failing that, without their query string.

``--junk`` scans every corpus page (labelled or not) for what a user would call junk:
teasers that are video index or navigation links, teasers with nothing to show (no title,
thumbnail or description), the same teaser or block twice on one page, block items with no
headline or with markup in their text. ``--show dev`` lists the dev pages' misses.
``--agree A B`` scores the labels in B against those in A (two readers of the same pages).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import load_pages
from _sites import HALVES

HERE = Path(__file__).resolve().parent
_TRACKING = re.compile(
    r"^(?:utm_\w+|iid|intcid|cmpid|cmp|ref|ref_src|src|source|ncid|fbclid|gclid|mc_\w+|"
    r"ito|itm_\w+|xtor|at_\w+|ocid|ftag|partner|sr_share|smid|smtyp|WT\.\w+|__twitter_impression)$",
    re.IGNORECASE,
)
_QUOTES = re.compile(r"[\"'“”‘’«»„‚]")
_DASHES = re.compile(r"[‐-―−]")
# Markup shown as text: a tag in plain text, or an escaped tag in sanitized markup.
_MARKUP_TEXT = re.compile(r"<[a-zA-Z!/][^>]*>|&lt;(?:[a-zA-Z!/])")
_VIDEO_INDEX = re.compile(r"/(?:videos?|tv|watch|media)(?:/index\.html?)?/?$", re.IGNORECASE)


def url_key(url: str | None, *, query: bool = True) -> str | None:
    """A URL as compared: no scheme, ``www.``, trailing slash, fragment or tracking."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/") or ""
    kept = sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k))
    tail = "?" + urlencode(kept) if query and kept else ""
    return f"{host}{path}{tail}"


def text_key(text: str | None) -> str:
    """Text as compared: NFKC, case-folded, quotes removed, dashes unified, one space."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = _DASHES.sub("-", _QUOTES.sub("", text))
    text = " ".join(text.split())
    return text.removesuffix("…").removesuffix("...").strip()


@dataclass
class Score:
    """Pooled counts for one measure."""

    hits: int = 0
    predicted: int = 0
    labelled: int = 0

    def precision(self) -> str:
        return f"{self.hits / self.predicted:.3f}" if self.predicted else "-"

    def recall(self) -> str:
        return f"{self.hits / self.labelled:.3f}" if self.labelled else "-"


@dataclass
class Half:
    """The scores of one half of the sites."""

    pages: int = 0
    items: Score = field(default_factory=Score)
    headlines: list[int] = field(default_factory=lambda: [0, 0])
    videos: Score = field(default_factory=Score)
    video_hits_predicted: int = 0
    authors_exact: list[int] = field(default_factory=lambda: [0, 0])
    authors_name: Score = field(default_factory=Score)
    misses: list[str] = field(default_factory=list)


@dataclass
class Found:
    """What a tool (or a second reader) found on a page, in the label's terms."""

    items: dict[str, str | None]  # url key -> headline
    items_no_query: dict[str, str]  # url key without query -> url key
    videos: list[dict[str, Any]]
    authors: list[tuple[str, str | None]]  # (name, url)


def _video_keys(video: dict[str, Any]) -> set[str]:
    keys: set[str] = set()
    if video.get("provider") and video.get("video_id"):
        keys.add(f"id:{str(video['provider']).lower()}:{video['video_id']}")
    for name in ("url", "embed_url", "content_url"):
        key = url_key(video.get(name))
        if key:
            keys.add(f"url:{key}")
    return keys


def found_by_newsitem(path: Path, url: str) -> Found:
    """Parse the page with newsitem and read its blocks, teasers and authors."""
    from newsitem import Author, RelatedBlock, VideoTeaser, parse_html

    page = parse_html(path.read_bytes(), url=url)
    blocks: list[Any] = list(page.blocks)
    authors: list[Author] = []
    if page.brief is not None:
        blocks += list(page.brief.related) + list(page.brief.videos)
        authors = list(page.brief.authors)
    items: dict[str, str | None] = {}
    videos = []
    for block in blocks:
        if isinstance(block, RelatedBlock):
            for item in block.items:
                key = url_key(item.url)
                if key and key not in items:
                    items[key] = item.headline
        elif isinstance(block, VideoTeaser):
            videos.append(
                {
                    "provider": block.provider,
                    "video_id": block.video_id,
                    "url": block.url,
                    "embed_url": block.embed_url,
                    "content_url": block.content_url,
                    "title": block.title,
                    "empty": not (block.title or block.thumbnail or block.description),
                }
            )
    return Found(
        items=items,
        items_no_query=_without_query(items),
        videos=videos,
        authors=[(a.name, a.url) for a in authors],
    )


def found_in_label(label: dict[str, Any]) -> Found:
    """A second reader's label read as what was found."""
    items: dict[str, str | None] = {}
    for block in label["related"]:
        for item in block["items"]:
            key = url_key(item["url"])
            if key and key not in items:
                items[key] = item.get("headline")
    videos = [v for v in label["videos"] if v.get("where") != "body"]
    return Found(
        items=items,
        items_no_query=_without_query(items),
        videos=videos,
        authors=[(a["name"], a.get("url")) for a in label["authors"]],
    )


def _without_query(items: dict[str, str | None]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key in items:
        bare = key.split("?", 1)[0]
        out.setdefault(bare, key)
    return out


def _match_item(found: Found, url: str) -> str | None:
    key = url_key(url)
    if key is None:
        return None
    if key in found.items:
        return key
    bare = key.split("?", 1)[0]
    # Without the query only where the path says something (not "/article.php").
    if bare.count("/") >= 2 or len(bare.rsplit("/", 1)[-1]) > 20:
        return found.items_no_query.get(bare)
    return None


def score_page(label: dict[str, Any], found: Found, half: Half) -> None:
    """Add one page's comparison to its half's scores."""
    half.pages += 1
    name = label["name"]
    # Related items.
    labelled = {}
    for block in label["related"]:
        for item in block["items"]:
            key = url_key(item["url"])
            if key and key not in labelled:
                labelled[key] = item
    hits = 0
    matched: set[str] = set()
    for item in labelled.values():
        got = _match_item(found, item["url"])
        if got is None or got in matched:
            half.misses.append(f"{name}: item missed {item['url']} {item.get('headline')!r}")
            continue
        matched.add(got)
        hits += 1
        half.headlines[1] += 1
        if text_key(found.items[got]) == text_key(item.get("headline")):
            half.headlines[0] += 1
        else:
            half.misses.append(f"{name}: headline {found.items[got]!r} != {item.get('headline')!r}")
    for key in found.items:
        if key not in matched:
            half.misses.append(f"{name}: item not labelled {key} {found.items[key]!r}")
    half.items.hits += hits
    half.items.labelled += len(labelled)
    half.items.predicted += len(found.items)
    # Videos.
    teasers = [v for v in label["videos"] if v.get("where") != "body"]
    teaser_keys = [_video_keys(v) for v in teasers]
    predicted_keys = [_video_keys(v) for v in found.videos]
    used: set[int] = set()
    for index, keys in enumerate(teaser_keys):
        hit = next((i for i, pk in enumerate(predicted_keys) if i not in used and pk & keys), None)
        if hit is not None:
            used.add(hit)
            half.videos.hits += 1
        elif teasers[index].get("kind") == "link" and _match_item(found, teasers[index]["url"]):
            half.videos.hits += 1  # a video link found as a related item
        else:
            half.misses.append(f"{name}: video missed {sorted(keys)}")
    for index, keys in enumerate(predicted_keys):
        if index not in used:
            half.misses.append(f"{name}: video not labelled {sorted(keys)}")
    half.videos.labelled += len(teasers)
    half.videos.predicted += len(found.videos)
    half.video_hits_predicted += len(used)
    # Authors.
    got_names = {text_key(n): u for n, u in found.authors}
    for author in label["authors"]:
        key = text_key(author["name"])
        half.authors_exact[1] += 1
        if key in got_names:
            half.authors_name.hits += 1
            if url_key(got_names[key]) == url_key(author.get("url")):
                half.authors_exact[0] += 1
            else:
                half.misses.append(
                    f"{name}: author URL {got_names[key]!r} != {author.get('url')!r}"
                )
        else:
            half.misses.append(f"{name}: author missed {author['name']!r}")
    labelled_names = {text_key(a["name"]) for a in label["authors"]}
    for got in got_names:
        if got not in labelled_names:
            half.misses.append(f"{name}: author not labelled {got!r}")
    half.authors_name.labelled += len(label["authors"])
    half.authors_name.predicted += len(got_names)


def load_labels(folder: Path) -> Iterator[dict[str, Any]]:
    """Every label file in ``folder``, sorted by name."""
    for path in sorted(folder.glob("*.json")):
        yield json.loads(path.read_text(encoding="utf-8"))


def print_scores(halves: dict[str, Half]) -> None:
    """The table: one line per half."""
    header = (
        f"{'half':<5} {'pages':>5} {'items P':>8} {'items R':>8} {'headline':>9} "
        f"{'video P':>8} {'video R':>8} {'author+url':>11} {'author':>7} {'author P':>9}"
    )
    print(header)
    print("-" * len(header))
    for name, half in halves.items():
        exact = half.authors_exact
        videos_p = (
            f"{half.video_hits_predicted / half.videos.predicted:.3f}"
            if half.videos.predicted
            else "-"
        )
        headline = f"{half.headlines[0] / half.headlines[1]:.3f}" if half.headlines[1] else "-"
        author = f"{exact[0] / exact[1]:.3f}" if exact[1] else "-"
        print(
            f"{name:<5} {half.pages:>5} {half.items.precision():>8} {half.items.recall():>8} "
            f"{headline:>9} {videos_p:>8} {half.videos.recall():>8} {author:>11} "
            f"{half.authors_name.recall():>7} {half.authors_name.precision():>9}"
        )
    for name, half in halves.items():
        print(
            f"  {name}: items {half.items.hits}/{half.items.labelled} labelled, "
            f"{half.items.predicted} found; videos {half.videos.hits}/{half.videos.labelled} "
            f"labelled, {half.videos.predicted} found; authors {half.authors_exact[0]}/"
            f"{half.authors_exact[1]} with URL"
        )


def junk(corpora: Path) -> int:
    """Count junk teasers and blocks over every corpus page; print each; return the count."""
    from newsitem import RelatedBlock, VideoTeaser, parse_html

    count = 0
    for corpus_page in load_pages(corpora):
        page = parse_html(corpus_page.read(), url=corpus_page.url)
        blocks: list[Any] = list(page.blocks)
        if page.brief is not None:
            blocks += list(page.brief.related) + list(page.brief.videos)
        problems = list(_junk_of(blocks, RelatedBlock, VideoTeaser))
        for problem in problems:
            print(f"{corpus_page.name}: {problem}")
        count += len(problems)
    print(f"junk: {count}")
    return count


def _junk_of(blocks: Iterable[Any], related: type, teaser: type) -> Iterator[str]:
    seen_videos: set[frozenset[str]] = set()
    seen_blocks: set[frozenset[str]] = set()
    for block in blocks:
        if isinstance(block, teaser):
            if not (block.title or block.thumbnail or block.description):
                yield f"empty teaser {block.url or block.embed_url}"
            path = urlsplit(block.url or "").path
            if block.url and not block.video_id and _VIDEO_INDEX.search(path):
                yield f"video index link as teaser {block.url}"
            keys = frozenset(
                _video_keys(
                    {
                        "provider": block.provider,
                        "video_id": block.video_id,
                        "url": block.url,
                        "embed_url": block.embed_url,
                        "content_url": block.content_url,
                    }
                )
            )
            if keys and keys in seen_videos:
                yield f"teaser twice {sorted(keys)}"
            seen_videos.add(keys)
        elif isinstance(block, related):
            urls = frozenset(filter(None, (url_key(item.url) for item in block.items)))
            if urls and urls in seen_blocks:
                yield f"block twice {block.title!r}"
            seen_blocks.add(urls)
            for item in block.items:
                if not item.headline:
                    yield f"item without headline {item.url}"
                elif _MARKUP_TEXT.search(item.headline):
                    yield f"markup in headline {item.headline[:60]!r}"
                if item.summary and _MARKUP_TEXT.search(str(item.summary)):
                    yield f"markup as text in summary {str(item.summary)[:60]!r}"


def main(argv: list[str] | None = None) -> int:
    """Score newsitem against the labels (or two label sets against each other)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=HERE / "labels" / "pages")
    parser.add_argument("--corpora", type=Path, default=HERE.parents[1] / "shared" / "corpora")
    parser.add_argument("--show", choices=HALVES, help="list the misses of one half")
    parser.add_argument("--junk", action="store_true", help="count junk over all pages")
    parser.add_argument("--agree", nargs=2, type=Path, metavar=("A", "B"))
    args = parser.parse_args(argv)
    halves = {name: Half() for name in (*HALVES, "all")}
    if args.agree:
        first = {label["name"]: label for label in load_labels(args.agree[0])}
        for label in load_labels(args.agree[1]):
            if label["name"] in first:
                truth = first[label["name"]]
                for name in (truth["half"], "all"):
                    score_page(truth, found_in_label(label), halves[name])
    else:
        shared = args.corpora.parent
        for label in load_labels(args.labels):
            found = found_by_newsitem(shared / label["path"], label["url"])
            for name in (label["half"], "all"):
                score_page(label, found, halves[name])
    print_scores(halves)
    if args.show:
        print(f"\nmisses on {args.show} pages:")
        for miss in halves[args.show].misses:
            print(f"  {miss}")
    if args.junk:
        junk(args.corpora)
    return 0


if __name__ == "__main__":
    sys.exit(main())
