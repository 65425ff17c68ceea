"""Sanitize time on real article bodies: newsitem against nh3 alone, and nh3 against bleach.

Two sets of bodies: the readability corpus's ``expected.html`` files (extracted articles,
as a user would hand them to ``sanitize_html``), and the bodies ``parse_html`` finds in the
corpus's ``source.html`` pages (what the parser hands to ``sanitize_bounded_html``). For each
body it times newsitem's entry and the nh3 engine alone (``nh3.clean`` with the body
policy's arguments, no limit checks) on the same input, alternately, keeping the fastest of
several runs, and prints the medians and the ratio newsitem / nh3: what newsitem's own
work (the input limits, the checks) adds to the cleaning. Then it compares the engines.
A benchmark, not a test: nothing here fails on a slow machine.

    .venv/bin/python benchmarks/sanitize.py [--runs 7] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from newsitem import parse_html
from newsitem.errors import NewsitemError
from newsitem.sanitize import (
    BODY_POLICY,
    ENGINES,
    sanitize_bounded_html,
    sanitize_html,
)

BASE_URL = "http://fakehost/test/page.html"


def load(shared: Path) -> list[str]:
    """The article bodies of the readability corpus."""
    pages = sorted(
        (shared / "corpora" / "mozilla-readability").glob("test/test-pages/*/expected.html")
    )
    return [page.read_text("utf-8") for page in pages]


def parsed_bodies(shared: Path) -> list[str]:
    """The bodies parse_html finds in the readability corpus's pages."""
    found = []
    for page in sorted(
        (shared / "corpora" / "mozilla-readability").glob("test/test-pages/*/source.html")
    ):
        try:
            parsed = parse_html(page.read_bytes(), url=BASE_URL)
        except NewsitemError:
            continue
        if parsed.brief is not None and parsed.brief.body:
            found.append(str(parsed.brief.body))
    return found


def fastest(function: Callable[[str], object], body: str, runs: int) -> float:
    """The fastest of ``runs`` calls, in seconds."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        function(body)
        best = min(best, time.perf_counter() - started)
    return best


def compare(name: str, entry: Callable[[str], object], bodies: list[str], runs: int) -> None:
    """Print the medians and the ratio of ``entry`` to the nh3 engine alone."""
    engine = ENGINES["nh3"]

    def nh3_alone(body: str) -> object:
        return engine.clean(body, BODY_POLICY, BASE_URL)

    ours: list[float] = []
    theirs: list[float] = []
    for body in bodies:
        entry(body)  # warm up: imports, compiled patterns
        rounds = [(fastest(entry, body, 1), fastest(nh3_alone, body, 1)) for _ in range(runs)]
        ours.append(min(mine for mine, _ in rounds))
        theirs.append(min(nh3 for _, nh3 in rounds))
    ratios = [mine / nh3 for mine, nh3 in zip(ours, theirs, strict=True)]
    print(
        f"{name}: {len(bodies)} bodies, median {statistics.median(ours) * 1000:.3f} ms "
        f"against nh3 alone {statistics.median(theirs) * 1000:.3f} ms; "
        f"newsitem / nh3: median {statistics.median(ratios):.2f}, "
        f"all bodies {sum(ours) / sum(theirs):.2f}, worst {max(ratios):.2f}"
    )


def run_once(bodies: list[str], engine: str) -> float:
    """Seconds to sanitize every body once with ``engine``."""
    started = time.perf_counter()
    for body in bodies:
        sanitize_html(body, base_url=BASE_URL, engine=engine)
    return time.perf_counter() - started


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    args = parser.parse_args()
    bodies = load(args.shared)
    megabytes = sum(len(body.encode("utf-8")) for body in bodies) / 1e6
    print(f"{len(bodies)} article bodies, {megabytes:.2f} MB, {args.runs} runs")
    compare(
        "sanitize_html on expected.html",
        lambda body: sanitize_html(body, base_url=BASE_URL),
        bodies,
        args.runs,
    )
    parsed = parsed_bodies(args.shared)
    compare(
        "sanitize_bounded_html on parsed bodies",
        lambda body: sanitize_bounded_html(body, base_url=BASE_URL),
        parsed,
        args.runs,
    )
    compare(
        "sanitize_html on parsed bodies",
        lambda body: sanitize_html(body, base_url=BASE_URL),
        parsed,
        args.runs,
    )
    medians: dict[str, float] = {}
    for engine in sorted(ENGINES):
        run_once(bodies, engine)  # warm up: imports, caches
        medians[engine] = statistics.median(run_once(bodies, engine) for _ in range(args.runs))
        print(
            f"{engine:>7}: {medians[engine] * 1000:8.1f} ms per run, "
            f"{megabytes / medians[engine]:6.2f} MB/s, "
            f"{medians[engine] / len(bodies) * 1000:6.2f} ms per article"
        )
    print(f"nh3 is {medians['bleach'] / medians['nh3']:.1f}x as fast as bleach")


if __name__ == "__main__":
    main()
