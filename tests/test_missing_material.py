"""A checkout without the shared material or the browser: its tests skip, or fail on CI.

Each way a test reaches what lies outside the checkout is tried once, in a pytest run of
its own with ``NEWSITEM_SHARED`` pointing nowhere and nothing on ``PATH``: the shared
fixture, a lazy loader (the XSS vectors), parameters read at collection (ninjs examples,
JSON-LD pages), Chromium and Java.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = (
    "tests/test_parse_golden.py",
    "tests/test_xss.py",
    "tests/test_formats_ninjs.py",
    "tests/test_formats_jsonld.py",
    "tests/test_render_browser.py",
    "tests/test_render_html.py",
)
CHOSEN = (
    "heise_german_news or corpus_is_complete or every_official_example_round_trips"
    " or every_article_block_of_the_corpora or seed_page_screenshot or nu_html_checker"
)
# One test per way in, the screenshot at two widths.
RUN = 7


def run_without_material(tmp_path: Path, *, require: bool) -> subprocess.CompletedProcess[str]:
    """Run the chosen tests with no shared material and an empty PATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSITEM_", "PYTEST_"))}
    empty = tmp_path / "bin"
    empty.mkdir(exist_ok=True)
    env.update(NEWSITEM_SHARED=str(tmp_path / "no-shared"), PATH=str(empty))
    if require:
        env["NEWSITEM_REQUIRE_ALL"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rsfE", "-p", "no:xdist", "-k", CHOSEN, *MODULES],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def outcomes(output: str) -> dict[str, int]:
    """The counts of pytest's last line (``7 skipped, 104 deselected in 2.1s``), deselected aside.

    A failure in a fixture is an error, in the test itself a failure: both fail the run.
    """
    last = output.strip().splitlines()[-1]
    found = {kind: int(n) for n, kind in re.findall(r"(\d+) ([a-z]+)", last)}
    found.pop("deselected", None)
    if "error" in found:
        found["errors"] = found.pop("error")
    return found


def skip_reasons(output: str) -> dict[str, int]:
    """How many tests were skipped for each reason, from the ``-rs`` report."""
    counts: dict[str, int] = {}
    for number, reason in re.findall(r"^SKIPPED \[(\d+)\] [^:]+:\d+: (.*)$", output, re.M):
        counts[reason] = counts.get(reason, 0) + int(number)
    return counts


def test_without_material_the_tests_skip_and_say_why(tmp_path: Path) -> None:
    """Every chosen test is skipped, none errs, and each skip names what is missing."""
    result = run_without_material(tmp_path, require=False)
    assert (0, {"skipped": RUN}) == (result.returncode, outcomes(result.stdout)), result.stdout
    assert {
        f"shared corpora not found at {tmp_path / 'no-shared'}; set NEWSITEM_SHARED": 4,
        "chromium is not installed (apt-get install chromium)": 2,
        "java is not installed (apt-get install default-jre-headless)": 1,
    } == skip_reasons(result.stdout)


def test_on_ci_missing_material_is_a_failure(tmp_path: Path) -> None:
    """With NEWSITEM_REQUIRE_ALL set (as .ci/run sets it), each of those skips fails instead."""
    result = run_without_material(tmp_path, require=True)
    found = outcomes(result.stdout)
    assert (1, RUN) == (result.returncode, found.get("failed", 0) + found.get("errors", 0))
    assert set(found) <= {"failed", "errors"}, result.stdout
    failures = re.findall(r"^(?:FAILED|ERROR) (\S+)", result.stdout, re.M)
    assert RUN == len(failures)
    assert "NEWSITEM_REQUIRE_ALL is set, so this is a failure, not a skip" in result.stdout


def test_ci_script_requires_everything_and_runs_the_thorough_profile() -> None:
    """.ci/run sets the variables that make skips fail and choose the thorough profile."""
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "export NEWSITEM_REQUIRE_ALL=1" in script
    assert "export HYPOTHESIS_PROFILE=ci" in script
