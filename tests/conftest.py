"""Shared fixtures, the hypothesis profiles, and how tests reach what is not in the checkout.

Some tests need what a fresh clone does not have: the shared material (corpora of real
pages, XSS vectors, the ninjs schemas and examples, the seed page's text), found at
``$NEWSITEM_SHARED`` or else ``../shared`` beside the checkout, and programs (Chromium,
Java). Such a test is skipped with the reason when what it needs is missing, so a fresh
clone passes its own tests. With ``NEWSITEM_REQUIRE_ALL=1`` (``.ci/run`` sets it) the skip
is a failure instead, so nothing is skipped on CI without anyone noticing.

Module-level data read from the shared material (parameter lists) goes through
:func:`shared_params`; anything read while a test runs goes through the ``shared`` fixture
or :func:`need_shared`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NoReturn

import pytest
from hypothesis import HealthCheck, settings

from newsitem import Page
from newsitem._demo import load_seed_page

# "dev" (the default) keeps the everyday run to a few minutes; "ci" (.ci/run sets
# HYPOTHESIS_PROFILE=ci) runs enough examples to matter.
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

REQUIRE_ALL = "NEWSITEM_REQUIRE_ALL"
ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSITEM_SHARED") or ROOT.parent / "shared")
SEED_TEXT = SHARED / "seed" / "000_04c2af0b4b9033b1.txt"


def missing(reason: str) -> NoReturn:
    """Skip the running test because ``reason``; fail it instead when NEWSITEM_REQUIRE_ALL is set.

    Args:
        reason: what is missing and how to get it.

    Raises:
        pytest.skip.Exception: normally.
        pytest.fail.Exception: when ``NEWSITEM_REQUIRE_ALL`` is set to anything but ``0``.
    """
    if os.environ.get(REQUIRE_ALL, "0") not in ("", "0"):
        pytest.fail(f"{reason} ({REQUIRE_ALL} is set, so this is a failure, not a skip)")
    pytest.skip(reason)


def need_shared() -> Path:
    """Return the shared material's directory, or skip (fail on CI) when it is absent."""
    if not SHARED.is_dir():
        missing(f"shared corpora not found at {SHARED}; set NEWSITEM_SHARED")
    return SHARED


def shared_params(load: Callable[[Path], Iterable[Any]], *, arity: int = 1) -> list[Any]:
    """Parameters read from the shared material when a module is collected.

    Args:
        load: reads the parameter values from the shared directory it is given.
        arity: how many argument names the ``parametrize`` call has.

    Returns:
        ``load``'s values; when the material is absent, one placeholder whose test is
        skipped (failed on CI) with the reason, instead of an error at collection.
    """
    if SHARED.is_dir():
        return list(load(SHARED))
    return [pytest.param(*[None] * arity, id="shared-missing", marks=pytest.mark.shared)]


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker that :func:`shared_params` puts on its placeholder."""
    config.addinivalue_line("markers", "shared: needs the shared material (NEWSITEM_SHARED)")


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip (fail on CI) a test marked ``shared`` when the material is absent."""
    if item.get_closest_marker("shared") is not None:
        need_shared()


def need_program(name: str, *aliases: str, install: str) -> str:
    """Return the path of the program ``name`` (or an alias) on PATH; skip (fail on CI) without.

    Args:
        name: the program to look for first.
        aliases: other names it goes by.
        install: how to install it, for the skip message.

    Returns:
        The path found.
    """
    for candidate in (name, *aliases):
        path = shutil.which(candidate)
        if path is not None:
            return path
    missing(f"{name} is not installed ({install})")


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only shared material (seed page, corpora, XSS vectors, ninjs)."""
    return need_shared()


@pytest.fixture(scope="session")
def chromium() -> str:
    """The headless browser's path."""
    return need_program(
        "chromium", "chromium-browser", "google-chrome", install="apt-get install chromium"
    )


@pytest.fixture(scope="session")
def java() -> str:
    """The Java runtime's path (the Nu HTML Checker runs on it)."""
    return need_program("java", install="apt-get install default-jre-headless")


@pytest.fixture(scope="session")
def seed_page() -> Page:
    """The seed page, loaded from its hand-written native JSON."""
    return load_seed_page()
