"""Shared fixtures and the hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from newsitem import Page
from newsitem._demo import load_seed_page

# "ci" runs enough examples to matter; "dev" is for a quick local loop.
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSITEM_SHARED", ROOT.parent / "shared"))
SEED_TEXT = SHARED / "seed" / "000_04c2af0b4b9033b1.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only shared material (seed page, corpora, XSS vectors, ninjs)."""
    if not SHARED.is_dir():
        pytest.fail(f"shared material not found at {SHARED}; set NEWSITEM_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def seed_page() -> Page:
    """The seed page, loaded from its hand-written native JSON."""
    return load_seed_page()
