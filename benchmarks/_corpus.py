"""The shared corpora as benchmark pages, and the scores the extraction benchmark uses.

Pages come from the shared corpora, ``../shared/corpora`` beside the checkout (see its
README for what each ground truth is):

- readability: 130 pages with ``expected.html`` (a true body) and metadata (title, byline,
  published time); base URL ``http://fakehost/test/page.html``.
- trafilatura: the 215 pages whose HTML is present, with ``with``/``without`` snippets and,
  for many, author/title/date labels (empty labels are not scored).
- newspaper4k: 30 pages; titles and dates from ``metadata/*.json``; authors only for the
  files reviewed by hand (newspaper's snapshots hold junk such as "on December" elsewhere);
  no true body (its ``txt/`` files are newspaper's own output).
- fundus: 116 pages of 88 publishers in 22 languages with Fundus's checked headline,
  authors, publishing date (with its offset) and body (lead, sub-headlines, paragraphs).

Every page carries its site and the half of the sites it belongs to (``_sites.py``), for
leave-site-out scoring.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from _sites import half_of, site_of

__all__ = [
    "CorpusPage",
    "Totals",
    "html_to_text",
    "load_pages",
    "same_authors",
    "same_date",
    "same_title",
    "same_title_exactly",
    "shingle_counts",
    "snippet_counts",
]

READABILITY_URL = "http://fakehost/test/page.html"
# newspaper4k metadata files whose author lists were checked against the page by hand.
_REVIEWED_NEWSPAPER_AUTHORS = frozenset(
    {"cnn_001", "cnn_002", "cnn_test_nlp", "time_001", "fox13now_001", "video_article_02"}
)
# Readability.js bylines reviewed by hand: the text of the byline element, so some hold a
# date, a role or an outlet next to the names, and three are no byline at all. The value
# is the names the label itself spells; None drops the label from author scoring.
_REVIEWED_READABILITY_BYLINES: dict[str, list[str] | None] = {
    "breitbart": ["Lucas Nolan"],  # "by Lucas Nolan22 Dec 2016651"
    "ebb-org": ["Bradley M. Kuhn"],  # "... (http://ebb.org/bkuhn/)"
    "google-sre-book-1": ["Rob Ewaschuk"],  # "Written by ... Edited by Betsy Beyer"
    "lwn-1": ["Nathan Willis"],  # "By Nathan Willis March 25, 2015"
    "webmd-1": ["Brenda Goodman"],  # "By Brenda Goodman, MA WebMD Health News"
    "webmd-2": ["Kelli Miller"],  # "By Kelli Miller WebMD Health News"
    "yahoo-3": ["Gillian Mohney"],  # "By GILLIAN MOHNEY March 11, 2015 3:46 PM"
    "seattletimes-1": None,  # a dateline, no name
    "spiceworks": None,  # "Last Updated: January 7, 2025"
    "royal-road": None,  # "Follow Author", a button
}


@dataclass
class CorpusPage:
    """One page with whatever ground truth its corpus has."""

    name: str
    corpus: str
    path: Path
    url: str
    body: str | None = None
    with_snippets: Sequence[str] = ()
    without_snippets: Sequence[str] = ()
    title: str | None = None
    authors: Sequence[str] | None = None
    date: str | None = None
    publisher: str | None = None
    site: str = ""
    half: str = ""

    def __post_init__(self) -> None:
        if not self.site:
            url = self.url if "fakehost" not in self.url else None
            self.site = site_of(self.name, url, self.publisher)
        self.half = half_of(self.site)

    def read(self) -> bytes:
        """The page bytes."""
        return self.path.read_bytes()


_BLOCK_TAG = re.compile(
    r"<(?:/?(?:p|div|h[1-6]|li|br|tr|td|th|blockquote|figure|figcaption|ul|ol|dl|dt|dd"
    r"|table|section|article|pre|header|footer|aside|main|hr)\b[^>]*)>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment, block elements on lines of their own."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S | re.I)
    text = _TAG.sub("", _BLOCK_TAG.sub("\n", markup))
    return html_lib.unescape(text)


def load_pages(root: Path) -> Iterator[CorpusPage]:
    """Yield every page of the four corpora under ``root`` (``.../shared/corpora``)."""
    yield from _readability(root / "mozilla-readability" / "test" / "test-pages")
    yield from _trafilatura(root / "trafilatura")
    yield from _newspaper(root / "newspaper4k" / "tests" / "data")
    yield from _fundus(root / "fundus")


def _fundus(folder: Path) -> Iterator[CorpusPage]:
    labels_file = folder / "labels.json"
    if not labels_file.exists():
        return
    for key, label in sorted(json.loads(labels_file.read_text()).items()):
        path = folder / "html" / (key.replace("/", "__") + ".html")
        if not path.exists():
            continue
        yield CorpusPage(
            name=f"fundus/{key}",
            corpus="fundus",
            path=path,
            url=label["url"],
            body=label.get("body") or None,
            title=label.get("title") or None,
            authors=label.get("authors") or None,
            date=label.get("date") or None,
            publisher=label["publisher"],
        )


def _readability(folder: Path) -> Iterator[CorpusPage]:
    for page in sorted(p for p in folder.iterdir() if (p / "source.html").exists()):
        meta_path = page / "expected-metadata.json"
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        expected = page / "expected.html"
        body = html_to_text(expected.read_text()) if expected.exists() else None
        byline = meta.get("byline")
        authors = [byline] if byline else None
        if page.name in _REVIEWED_READABILITY_BYLINES:
            authors = _REVIEWED_READABILITY_BYLINES[page.name]
        yield CorpusPage(
            name=f"readability/{page.name}",
            corpus="readability",
            path=page / "source.html",
            url=READABILITY_URL,
            body=body,
            title=meta.get("title") or None,
            authors=authors,
            date=(meta.get("publishedTime") or "")[:10] or None,
        )


def _trafilatura(folder: Path) -> Iterator[CorpusPage]:
    entries = json.loads((folder / "tests" / "evaldata.json").read_text())
    for line in (folder / "_selection.tsv").read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        key, relative = line.split("\t")
        entry = entries[key]
        url = key if key.startswith("http") else f"http://fakehost/{key.split('::')[-1]}"
        yield CorpusPage(
            name=f"trafilatura/{Path(relative).name}",
            corpus="trafilatura",
            path=folder / relative,
            url=url,
            with_snippets=entry.get("with", []),
            without_snippets=entry.get("without", []),
            title=entry.get("title") or None,
            authors=[entry["author"]] if entry.get("author") else None,
            date=entry.get("date") or None,
        )


def _newspaper(folder: Path) -> Iterator[CorpusPage]:
    for page in sorted((folder / "html").glob("*.html")):
        meta_path = folder / "metadata" / f"{page.stem}.json"
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        authors = meta.get("authors") if page.stem in _REVIEWED_NEWSPAPER_AUTHORS else None
        yield CorpusPage(
            name=f"newspaper4k/{page.name}",
            corpus="newspaper4k",
            path=page,
            url=meta.get("url") or f"http://fakehost/{page.name}",
            title=meta.get("title") or None,
            authors=authors or None,
            date=(meta.get("publish_date") or "")[:10] or None,
        )


# --- scores ------------------------------------------------------------------------------


def shingle_counts(predicted: str, true: str) -> tuple[int, int, int]:
    """Shared, only-predicted and only-true 4-word shingles (the benchmark's TP, FP, FN)."""

    def shingles(text: str) -> dict[tuple[str, ...], int]:
        words = _WORD.findall(text.lower())
        counts: dict[tuple[str, ...], int] = {}
        for index in range(max(0, len(words) - 3)):
            key = tuple(words[index : index + 4])
            counts[key] = counts.get(key, 0) + 1
        if not counts and words:
            counts[tuple(words)] = 1
        return counts

    ours, theirs = shingles(predicted), shingles(true)
    tp = sum(min(count, theirs.get(key, 0)) for key, count in ours.items())
    return tp, sum(ours.values()) - tp, sum(theirs.values()) - tp


def _normalize(text: str) -> str:
    return " ".join(html_lib.unescape(text).split())


def snippet_counts(predicted: str, page: CorpusPage) -> tuple[int, int, int, int]:
    """TP, FN, FP, TN of trafilatura's snippet evaluation for one page."""
    text = _normalize(predicted)
    tp = sum(1 for s in page.with_snippets if _normalize(s) in text)
    fp = sum(1 for s in page.without_snippets if _normalize(s) in text)
    return tp, len(page.with_snippets) - tp, fp, len(page.without_snippets) - fp


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\"'“”‘’«»]", "", text)
    text = re.sub(r"[–—-]", "-", text)
    return " ".join(text.split())


_TITLE_PARTS = re.compile(r"\s+(?:\||-|::|»|·|:)\s+")


def _title_keys(title: str) -> set[str]:
    """The title's key, and its keys with a site part at either end removed."""
    key = _key(title)
    keys = {key}
    parts = _TITLE_PARTS.split(key)
    if len(parts) > 1:
        keys.add(key[: key.rfind(parts[-1])].rstrip(" |-:»·"))
        keys.add(key[len(parts[0]) :].lstrip(" |-:»·"))
    return {k for k in keys if k}


def same_title(predicted: str | None, true: str) -> bool:
    """Titles equal after case, quote, dash and whitespace normalisation.

    A site part at either end ("Headline | Site", "Site - Headline") is neutral: the
    labels differ on it (readability's are Readability.js's metadata title, often the raw
    ``og:title``; trafilatura's are the headline), and so do the tools. So a prediction
    matches when it equals the label, or either equals the other with one end part
    removed. The same rule scores every tool.
    """
    if predicted is None or not predicted.strip():
        return False
    ours, theirs = _key(predicted), _key(true)
    return ours == theirs or ours in _title_keys(true) or theirs in _title_keys(predicted)


_NOT_NAME_WORD = frozenset({"by", "and", "von", "und", "par", "et", "de", "the"})


def _name_words(names: Sequence[str]) -> set[str]:
    words: set[str] = set()
    for name in names:
        words.update(
            w
            for w in _WORD.findall(unicodedata.normalize("NFKC", name).casefold())
            if w not in _NOT_NAME_WORD and not w.isdigit()
        )
    return words


def same_title_exactly(predicted: str | None, true: str) -> bool:
    """Titles equal after case, quote, dash and whitespace normalisation, nothing removed."""
    return predicted is not None and _key(predicted) == _key(true)


def same_authors(predicted: Sequence[str], true: Sequence[str]) -> bool:
    """The same set of name words on both sides (separators, "By" and case ignored)."""
    return bool(predicted) and _name_words(predicted) == _name_words(true)


def same_date(predicted: str | None, true: str) -> bool:
    """The same calendar day (``YYYY-MM-DD``)."""
    return predicted is not None and predicted[:10] == true[:10]


@dataclass
class Totals:
    """Running scores of one tool over the corpus."""

    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    snippets: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    title: list[int] = field(default_factory=lambda: [0, 0])
    title_exact: list[int] = field(default_factory=lambda: [0, 0])
    author: list[int] = field(default_factory=lambda: [0, 0])
    date: list[int] = field(default_factory=lambda: [0, 0])
    times_ms: list[float] = field(default_factory=list)
    errors: int = 0
    peak_rss_mb: float = 0.0
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(field, page, found, label) of each labelled value missed."""

    def add_body(self, predicted: str, true: str) -> None:
        """Score one page's body with the shingle metric."""
        tp, fp, fn = shingle_counts(predicted, true)
        total = tp + fp + fn
        if total == 0:
            return
        if fp == 0 and fn == 0:
            self.precisions.append(1.0)
            self.recalls.append(1.0)
            return
        if tp + fp:
            self.precisions.append(tp / (tp + fp))
        if tp + fn:
            self.recalls.append(tp / (tp + fn))

    def body_scores(self) -> tuple[float, float, float]:
        """Mean precision, mean recall, and their harmonic mean."""
        p = sum(self.precisions) / len(self.precisions) if self.precisions else 0.0
        r = sum(self.recalls) / len(self.recalls) if self.recalls else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def snippet_f1(self) -> float:
        """trafilatura's pooled snippet F1."""
        tp, fn, fp, _ = self.snippets
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
