"""The ``newsitem`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from newsitem._demo import run_demo

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsitem",
        description="Parse, sanitize and render news items.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "demo",
        help="show the seed page read, sanitized and rendered",
        description="Load the seed page shipped with newsitem and print it in every format.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "demo":
        run_demo(sys.stdout)
    return 0
