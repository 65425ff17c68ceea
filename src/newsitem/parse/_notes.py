"""Extraction notes: what the parser dropped or could not read, and why."""

from __future__ import annotations

import attrs

__all__ = ["ExtractionNote", "Notes"]


@attrs.frozen(kw_only=True)
class ExtractionNote:
    """One thing the parser decided that a caller may want to know.

    Args:
        stage: Which part of the parser speaks: ``"decode"``, ``"metadata"``, ``"body"``,
            ``"authors"``, ``"dates"``, ``"blocks"``, ``"videos"`` or ``"profile"``.
        message: What was dropped or could not be read, and why.
    """

    stage: str
    message: str


class Notes:
    """The notes of one parse, collected in order; made per call."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[ExtractionNote] = []

    def add(self, stage: str, message: str) -> None:
        """Record a note."""
        self.items.append(ExtractionNote(stage=stage, message=message))

    def extend(self, other: Notes) -> None:
        """Record another collection's notes after these, in their order."""
        self.items.extend(other.items)
