"""Sanitize throughput of the nh3 and bleach engines on real article bodies.

Reads the readability corpus's ``expected.html`` files (the extracted articles), sanitizes
all of them with the body policy under each engine, and prints the median over several
runs of the time per run, the throughput and the nh3/bleach ratio. A benchmark, not a
test: nothing here fails on a slow machine.

    .venv/bin/python benchmarks/sanitize.py [--runs 7] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from newsitem.sanitize import ENGINES, sanitize_html

BASE_URL = "http://fakehost/test/page.html"


def load(shared: Path) -> list[str]:
    """The article bodies of the readability corpus."""
    pages = sorted(
        (shared / "corpora" / "mozilla-readability").glob("test/test-pages/*/expected.html")
    )
    return [page.read_text("utf-8") for page in pages]


def run_once(bodies: list[str], engine: str) -> float:
    """Seconds to sanitize every body once with ``engine``."""
    started = time.perf_counter()
    for body in bodies:
        sanitize_html(body, base_url=BASE_URL, engine=engine)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    args = parser.parse_args()
    bodies = load(args.shared)
    megabytes = sum(len(body.encode("utf-8")) for body in bodies) / 1e6
    print(f"{len(bodies)} article bodies, {megabytes:.2f} MB, {args.runs} runs, medians")
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
