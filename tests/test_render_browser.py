"""A real browser draws the seed page with the default stylesheet, at phone and desktop widths."""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

import pytest

import newsitem
from newsitem import Page, from_json
from newsitem.render import render_html

SEED = Path(newsitem.__file__).parent / "examples" / "seed-page.json"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def screenshot(browser: str, page_file: Path, out: Path, width: int, height: int) -> bytes:
    """Take a screenshot of a local file with headless Chromium and return the PNG."""
    profile = out.parent / f"profile-{width}"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--screenshot={out}",
            f"--window-size={width},{height}",
            page_file.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    return out.read_bytes()


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert PNG_SIGNATURE == data[:8]
    assert b"IHDR" == data[12:16]
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)])
def test_seed_page_screenshot(chromium: str, tmp_path: Path, width: int, height: int) -> None:
    """Chromium draws the seed document into a PNG of the requested size with real content."""
    page = from_json(SEED.read_text(encoding="utf-8"))
    assert isinstance(page, Page)
    page_file = tmp_path / "seed.html"
    page_file.write_text(render_html(page, document=True), encoding="utf-8")
    data = screenshot(chromium, page_file, tmp_path / f"seed-{width}.png", width, height)
    assert (width, height) == png_size(data)
    # A blank page compresses to a few kilobytes; text, rules and cards do not.
    assert len(data) > 20_000
