"""newsitem beside trafilatura, readability-lxml and newspaper4k on the shared corpora.

Run::

    .venv/bin/python benchmarks/extraction.py [--corpora ../shared/corpora]
        [--tools newsitem,trafilatura,readability,newspaper4k] [--limit N] [--repeat N]
        [--show-misses title,author,date]

Each tool runs in a fresh process of its own (so its peak memory is its own) over the
same pages; nothing touches the network (newspaper4k gets the HTML and fetches no
images). Printed per tool: body precision/recall/F1 with the 4-word shingle metric on the
pages with a true body, trafilatura's snippet F1, title/author/date accuracy on the
labelled pages, median milliseconds per page, peak RSS, and ratios to newsitem.
The time covers the tool's own call on the page's bytes (newsitem's ``parse_html``,
trafilatura's ``bare_extraction``, readability's ``Document(...).summary()``,
newspaper4k's ``download`` of the given HTML and ``parse``); turning its output into
the text the scores compare (an HTML body into lines) is the benchmark's work, untimed.
``--repeat N`` extracts each page N times in a row and keeps its fastest time, for
every tool alike: the median is then less the machine's noise.

Leave-site-out: every page has a site (its publisher or host) and every site one of two
halves (``_sites.py``, a stable hash): rules are written from the ``dev`` half only, and the
``held`` half is what counts. Scores are printed for all pages, for each half, and for each
corpus and half. A crash scores as a full miss; every tool gets the same pages.
``--show-misses date`` (or ``title``, ``author``, ``body``, comma-separated) lists, per tool,
each ``dev`` page whose label it missed (the page, what it found, the label); misses on
``held`` pages are counted, never listed. ``--half dev`` (or ``held``) runs one half only.

Titles are scored two ways: ``title`` forgives a site part at either end ("Headline |
Site"), ``exact`` does not (case, quotes, dashes and spaces aside).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import (
    CorpusPage,
    Totals,
    html_to_text,
    load_pages,
    same_authors,
    same_date,
    same_title,
    same_title_exactly,
    shingle_counts,
    snippet_counts,
)


@dataclass
class Result:
    """What one tool made of one page."""

    text: str = ""
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None


@dataclass(frozen=True)
class Extractor:
    """A tool's own work on a page (timed) and the reading of its output into a Result
    (not timed: turning an HTML body into text for scoring is the benchmark's work)."""

    extract: Callable[[bytes, str], Any]
    read: Callable[[Any], Result]


def _newsitem() -> Extractor:
    from newsitem.parse import parse_html

    def read(page: Any) -> Result:
        brief = page.brief
        if brief is None:
            return Result()
        return Result(
            text=html_to_text(brief.body or ""),
            title=brief.headline,
            authors=tuple(a.name for a in brief.authors),
            date=brief.published.isoformat()[:10] if brief.published else None,
        )

    return Extractor(lambda data, url: parse_html(data, url=url), read)


def _trafilatura() -> Extractor:
    import trafilatura

    def extract(data: bytes, url: str) -> Any:
        return trafilatura.bare_extraction(
            data, url=url, include_comments=False, with_metadata=True
        )

    def read(document: Any) -> Result:
        if document is None:
            return Result()
        author = document.author or ""
        return Result(
            text=document.text or "",
            title=document.title,
            authors=tuple(a.strip() for a in author.split(";") if a.strip()),
            date=document.date,
        )

    return Extractor(extract, read)


def _readability() -> Extractor:
    from readability import Document

    def extract(data: bytes, url: str) -> Any:
        document = Document(data, url=url)
        return document.summary(html_partial=True), document.short_title()

    def read(found: Any) -> Result:
        summary, title = found
        return Result(text=html_to_text(summary), title=title)

    return Extractor(extract, read)


def _newspaper() -> Extractor:
    import newspaper

    def extract(data: bytes, url: str) -> Any:
        article = newspaper.Article(url, fetch_images=False)
        article.download(input_html=data.decode("utf-8", "replace"))
        article.parse()
        return article

    def read(article: Any) -> Result:
        date = article.publish_date.isoformat()[:10] if article.publish_date else None
        return Result(
            text=article.text or "",
            title=article.title or None,
            authors=tuple(article.authors),
            date=date,
        )

    return Extractor(extract, read)


TOOLS: dict[str, Callable[[], Extractor]] = {
    "newsitem": _newsitem,
    "trafilatura": _trafilatura,
    "readability": _readability,
    "newspaper4k": _newspaper,
}


SPLITS = ("all", "dev", "held")
# A body whose shingle F1 is below this is listed by --show-misses body.
_BODY_MISS = 0.8


def run_tool(
    name: str, corpora: str, limit: int | None, repeat: int = 1, half: str | None = None
) -> dict[str, Totals]:
    """Run one tool over every page and score it (in the calling process).

    With ``repeat`` above 1, each page is extracted that many times in a row and its
    fastest time kept (less of the machine's noise; the same for every tool).

    Returns the scores keyed by split: ``all``, ``dev``, ``held``, and ``<corpus>/<half>``.
    """
    warnings.simplefilter("ignore")
    tool = TOOLS[name]()
    splits: dict[str, Totals] = {split: Totals() for split in SPLITS}
    pages = [page for page in load_pages(Path(corpora)) if half in (None, page.half)]
    for page in pages[:limit]:
        data = page.read()
        elapsed = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            try:
                found = tool.extract(data, page.url)
            except Exception:  # a crash scores as a full miss
                elapsed = min(elapsed, (time.perf_counter() - start) * 1000)
                crashed = True
                result = Result()
            else:
                elapsed = min(elapsed, (time.perf_counter() - start) * 1000)
                crashed = False
                result = tool.read(found)
        for split in ("all", page.half, f"{page.corpus}/{page.half}"):
            totals = splits.setdefault(split, Totals())
            totals.errors += crashed
            totals.times_ms.append(elapsed)
            _score(totals, page, result)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for totals in splits.values():
        totals.peak_rss_mb = peak
    return splits


def _score(totals: Totals, page: CorpusPage, result: Result) -> None:
    if page.body is not None:
        totals.add_body(result.text, page.body)
        tp, fp, fn = shingle_counts(result.text, page.body)
        if tp + fp + fn and 2 * tp / (2 * tp + fp + fn) < _BODY_MISS:
            found = f"P={tp / (tp + fp or 1):.2f} R={tp / (tp + fn or 1):.2f}"
            totals.misses.append(("body", page.name, found, result.text[:120]))
    if page.with_snippets or page.without_snippets:
        for index, value in enumerate(snippet_counts(result.text, page)):
            totals.snippets[index] += value
    if page.title:
        hit = same_title(result.title, page.title)
        totals.title[0] += hit
        totals.title[1] += 1
        exact = same_title_exactly(result.title, page.title)
        totals.title_exact[0] += exact
        totals.title_exact[1] += 1
        if not hit:
            totals.misses.append(("title", page.name, str(result.title), page.title))
    if page.authors:
        hit = same_authors(result.authors, page.authors)
        totals.author[0] += hit
        totals.author[1] += 1
        if not hit:
            totals.misses.append(
                ("author", page.name, "; ".join(result.authors), "; ".join(page.authors))
            )
    if page.date:
        hit = same_date(result.date, page.date)
        totals.date[0] += hit
        totals.date[1] += 1
        if not hit:
            totals.misses.append(("date", page.name, str(result.date), page.date))


def _pct(pair: list[int]) -> str:
    return f"{pair[0] / pair[1]:.3f} ({pair[0]}/{pair[1]})" if pair[1] else "-"


def main(argv: list[str] | None = None) -> None:
    """Run the tools and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpora", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpora")
    )
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="extract each page this many times and keep its fastest time (default 1)",
    )
    parser.add_argument(
        "--show-misses",
        default="",
        help="comma-separated fields (title, author, date, body) whose dev-half misses are listed",
    )
    parser.add_argument("--half", choices=("dev", "held"), default=None, help="one half only")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.tools.split(",") if n.strip()]
    context = multiprocessing.get_context("spawn")
    by_tool: dict[str, dict[str, Totals]] = {}
    for name in names:
        with context.Pool(1) as pool:
            by_tool[name] = pool.apply(
                run_tool, (name, args.corpora, args.limit, args.repeat, args.half)
            )
    pages = len(by_tool[names[0]]["all"].times_ms)
    print(f"{pages} pages from {args.corpora}")
    for split in ("all", "held", "dev"):
        _print_table(split, {name: splits[split] for name, splits in by_tool.items()})
    _print_corpora(by_tool)
    _print_ratios({name: splits["all"] for name, splits in by_tool.items()})
    fields = [f.strip() for f in args.show_misses.split(",") if f.strip()]
    if fields:
        _print_misses(fields, by_tool)


def _print_misses(fields: list[str], by_tool: dict[str, dict[str, Totals]]) -> None:
    """List each tool's misses on the dev half; misses on the held half are only counted,
    so that nobody writes a rule from them."""
    for name, splits in by_tool.items():
        for field in fields:
            if field != "body" and not getattr(splits["all"], field)[0]:
                continue  # the tool does not extract this field at all
            misses = [m for m in splits["dev"].misses if m[0] == field]
            held = sum(1 for m in splits["held"].misses if m[0] == field)
            print(f"\n{name}: {len(misses)} {field} misses on dev pages (found | label),")
            print(f"  and {held} on held pages (not listed)")
            for _, page, found, label in misses:
                print(f"  {page}: {found!r} | {label!r}")


def _print_table(split: str, results: dict[str, Totals]) -> None:
    count = len(next(iter(results.values())).times_ms)
    print(f"\n{split} ({count} pages)")
    header = (
        f"{'tool':<12} {'body P':>7} {'body R':>7} {'body F1':>7} {'snip F1':>7} "
        f"{'title':>16} {'exact':>16} {'author':>16} {'date':>16} {'ms/page':>8} "
        f"{'peak MB':>8} {'errors':>6}"
    )
    print(header)
    print("-" * len(header))
    for name, totals in results.items():
        p, r, f1 = totals.body_scores()
        median = statistics.median(totals.times_ms) if totals.times_ms else 0.0
        print(
            f"{name:<12} {p:7.3f} {r:7.3f} {f1:7.3f} {totals.snippet_f1():7.3f} "
            f"{_pct(totals.title):>16} {_pct(totals.title_exact):>16} "
            f"{_pct(totals.author):>16} {_pct(totals.date):>16} "
            f"{median:8.2f} {totals.peak_rss_mb:8.1f} {totals.errors:6d}"
        )


def _print_corpora(by_tool: dict[str, dict[str, Totals]]) -> None:
    """Body F1, titles, authors and dates per corpus and half, a line per tool."""
    keys = sorted({key for splits in by_tool.values() for key in splits if "/" in key})
    print("\nby corpus and half (body F1 | title | exact | author | date)")
    for key in keys:
        count = len(next(iter(by_tool.values()))[key].times_ms)
        print(f"  {key} ({count} pages)")
        for name, splits in by_tool.items():
            totals = splits[key]
            body = f"{totals.body_scores()[2]:6.3f}" if totals.precisions else f"{'-':>6}"
            print(
                f"    {name:<12} {body} | {_pct(totals.title):>15} |"
                f" {_pct(totals.title_exact):>15} | {_pct(totals.author):>15} |"
                f" {_pct(totals.date):>15}"
            )


def _print_ratios(results: dict[str, Totals]) -> None:
    if "newsitem" in results:
        base = results["newsitem"]
        base_ms = statistics.median(base.times_ms) or 1e-9
        print("\nratio to newsitem (median time, peak memory, body F1):")
        for name, totals in results.items():
            if name == "newsitem":
                continue
            ms = statistics.median(totals.times_ms)
            f1 = totals.body_scores()[2]
            base_f1 = base.body_scores()[2] or 1e-9
            memory = totals.peak_rss_mb / (base.peak_rss_mb or 1e-9)
            print(
                f"  {name:<12} time x{ms / base_ms:5.2f}  memory x{memory:5.2f}"
                f"  body F1 x{f1 / base_f1:5.3f}"
            )


if __name__ == "__main__":
    main()
