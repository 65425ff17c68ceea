"""Batch parsing speed and memory: pages per second with 1 and 2 processes, and peak memory.

Parses the real pages of the shared corpora (readability's ``source.html`` pages,
trafilatura's evaluation pages, newspaper4k's pages) with :func:`newsitem.batch.parse_many`.
Each measurement runs in a fresh interpreter so that its peak memory is its own. Peak
memory is the largest resident set of the parent and of any worker; to show that it does
not grow with the number of inputs, the 2-process run is repeated over the corpus listed
three times.

Run: ``python benchmarks/batch.py`` (``NEWSITEM_SHARED`` to point at the shared material).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(os.environ.get("NEWSITEM_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPORA = SHARED / "corpora"


def corpus_pages() -> list[str]:
    """The corpus pages: downloaded pages only, not the expected outputs beside them."""
    pages = sorted(CORPORA.glob("mozilla-readability/test/test-pages/*/source.html"))
    pages += sorted((CORPORA / "trafilatura/tests").glob("*/*.html"))
    pages += sorted((CORPORA / "newspaper4k/tests/data/html").glob("*.html"))
    return [str(page) for page in pages]


def _descendants() -> dict[int, tuple[float, float]]:
    """Each live descendant process (pool workers are the forkserver's children): its peak
    resident memory in MiB and its CPU seconds so far, read from /proc (Linux)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found: dict[int, tuple[float, float]] = {}
    frontier = [os.getpid()]
    tick = os.sysconf("SC_CLK_TCK")
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid != parent:
                continue
            frontier.append(pid)
            try:
                status = Path(f"/proc/{pid}/status").read_text()
                fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            peak = next(
                (int(line.split()[1]) / 1024 for line in status.splitlines()
                 if line.startswith("VmHWM:")),
                0.0,
            )  # fmt: skip
            found[pid] = (peak, (int(fields[11]) + int(fields[12])) / tick)
    return found


def measure(jobs: int, repeat: int) -> dict[str, float]:
    """Parse the corpus ``repeat`` times over with ``jobs`` processes, in this process."""
    from newsitem.batch import ErrorRecord, iter_inputs, parse_many

    paths = corpus_pages() * repeat
    started = time.perf_counter()
    pages = errors = 0
    workers: dict[int, tuple[float, float]] = {}
    for record in parse_many(iter_inputs(paths), jobs=jobs):
        if isinstance(record, ErrorRecord):
            errors += 1
        else:
            pages += 1
        if (pages + errors) % 20 == 0 or pages + errors == len(paths):
            workers.update(_descendants())  # peaks only grow: the last sample holds them
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime + sum(spent for _, spent in workers.values())
    return {
        "inputs": len(paths),
        "pages": pages,
        "errors": errors,
        "seconds": seconds,
        "pages_per_second": len(paths) / seconds,
        "pages_per_cpu_second": len(paths) / cpu,
        "peak_parent_mib": usage.ru_maxrss / 1024,
        "peak_worker_mib": max((peak for peak, _ in workers.values()), default=0.0),
    }


def run(jobs: int, repeat: int) -> dict[str, float]:
    """Measure in a fresh interpreter."""
    command = [sys.executable, __file__, "--measure", str(jobs), str(repeat)]
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(completed.stdout)
    return result


def main() -> None:
    """Print the three runs and the ratios between them."""
    if len(sys.argv) == 4 and sys.argv[1] == "--measure":
        print(json.dumps(measure(int(sys.argv[2]), int(sys.argv[3]))))
        return
    count = len(corpus_pages())
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"newsitem batch benchmark: {count} corpus pages, {os.cpu_count()} CPUs, load {load}")
    runs = {
        "1 process": run(1, 1),
        "2 processes": run(2, 1),
        "2 processes, corpus x3": run(2, 3),
    }
    print(f"{'run':<24} {'inputs':>6} {'errors':>6} {'seconds':>8} {'pages/s':>8}"
          f" {'pages/CPU-s':>11} {'parent MiB':>10} {'worker MiB':>10}")  # fmt: skip
    for name, r in runs.items():
        print(
            f"{name:<24} {r['inputs']:>6.0f} {r['errors']:>6.0f} {r['seconds']:>8.1f}"
            f" {r['pages_per_second']:>8.1f} {r['pages_per_cpu_second']:>11.1f}"
            f" {r['peak_parent_mib']:>10.1f} {r['peak_worker_mib']:>10.1f}"
        )
    one, two, three = runs.values()
    print(f"speed-up with 2 processes: {two['pages_per_second'] / one['pages_per_second']:.2f}x")
    growth = max(three["peak_parent_mib"], three["peak_worker_mib"]) / max(
        two["peak_parent_mib"], two["peak_worker_mib"]
    )
    print(f"peak memory, 3x the inputs vs 1x: {growth:.2f}x")


if __name__ == "__main__":
    main()
