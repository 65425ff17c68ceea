"""Redraw the docs' screenshots of the seed page (docs/img/) with headless Chromium.

Usage: .venv/bin/python scripts/screenshots.py   (needs Debian's chromium)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from newsitem._demo import load_seed_page
from newsitem.render import render_html

SIZES = {"seed-phone.png": (390, 1800), "seed-desktop.png": (1280, 1400)}


def main() -> int:
    """Render the seed page to a document and take one screenshot per size."""
    browser = shutil.which("chromium")
    if browser is None:
        sys.stderr.write("needs chromium: apt-get install -y chromium\n")
        return 2
    out_dir = Path(__file__).resolve().parents[1] / "docs" / "img"
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "seed.html"
        page_file.write_text(render_html(load_seed_page(), document=True), encoding="utf-8")
        for name, (width, height) in SIZES.items():
            subprocess.run(
                [
                    browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                    f"--user-data-dir={tmp}/profile-{width}", f"--screenshot={out_dir / name}",
                    f"--window-size={width},{height}", page_file.as_uri(),
                ],
                capture_output=True, timeout=120, check=True,
            )  # fmt: skip
            print(out_dir / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
